export {
  isSearchAuthError,
  SearchAuthError,
  type SearchAuthErrorCode,
  type SearchAuthErrorOptions,
  stripQuery,
} from './errors.js';
export { fingerprint, redact, Secret } from './secret.js';
