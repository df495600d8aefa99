export {
  type LucidworksClientOptions,
  type ResolvedLucidworksClient,
  resolveClientOptions,
  type ScopeClients,
  scopeClients,
} from './client.js';
export {
  DEFAULT_REFRESH_MARGIN_SECONDS,
  IDENTITY_OPTIONS,
  LUCIDWORKS_IDENTITY,
  type LucidworksIdentityOptions,
  lucidworksTokenUrl,
  type ResolvedLucidworksIdentity,
  resolveIdentityOptions,
} from './identity.js';
export { createScopeTokens, type ScopeTokenOptions } from './scope-tokens.js';
export { type OptionChecks, optionChecks } from './validate.js';
