export { sleep, withTimeout } from './abort.js';
export { createAuthFetch } from './auth-fetch.js';
export { checkBaseUrl } from './base-url.js';
export { systemClock } from './clock.js';
export {
  isSearchAuthError,
  SearchAuthError,
  type SearchAuthErrorCode,
  type SearchAuthErrorOptions,
} from './errors.js';
export { type ClientCredentialsOptions, clientCredentials } from './grants/client-credentials.js';
export { type RefreshTokenGrantOptions, refreshTokenGrant } from './grants/refresh-token.js';
export { httpError } from './http-error.js';
export { type JsonGuardContext, jsonResponseGuard } from './json-guard.js';
export { type MemoryStoreOptions, memoryStore } from './memory-store.js';
export { CLIENT_OPTIONS, checkOptions } from './options.js';
export { fingerprint, isSecret, Secret } from './secret.js';
export { parseTokenResponse, type StatusCodes } from './token-http.js';
export { tokenKey } from './token-key.js';
export { createTokenManager } from './token-manager.js';
export {
  checkTokenUrl,
  isLoopback,
  sendTokenRequest,
  type TokenReply,
  type TokenRequestOptions,
} from './token-request.js';
export type {
  AuthFetchOptions,
  ClientOptions,
  Clock,
  RetryOptions,
  StoredToken,
  TokenEvent,
  TokenEventType,
  TokenKeyParts,
  TokenLease,
  TokenManager,
  TokenManagerOptions,
  TokenRequestContext,
  TokenResponse,
  TokenSource,
  TokenStats,
  TokenStore,
} from './types.js';
