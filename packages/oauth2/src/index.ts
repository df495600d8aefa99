export type {
  Clock,
  RetryOptions,
  StoredToken,
  TokenEvent,
  TokenLease,
  TokenManager,
  TokenStore,
} from '@searchauth/core';
export {
  isSearchAuthError,
  memoryStore,
  SearchAuthError,
  type SearchAuthErrorCode,
  Secret,
} from '@searchauth/core';
export { createOAuth2Client, type OAuth2Client } from './client.js';
export type { components as TokenEndpointComponents } from './generated/api.js';
export { DEFAULT_TOKEN_PATH, type OAuth2ClientOptions } from './options.js';
