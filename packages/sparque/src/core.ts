// Every module takes core's functions from here, so the bundle imports @searchauth/core once
// instead of once per module: a saving that counts against the 2 kB size budget.
export {
  CLIENT_OPTIONS,
  checkBaseUrl,
  checkOptions,
  createAuthFetch,
  createTokenManager,
  httpError,
  isSearchAuthError,
  isSecret,
  jsonResponseGuard,
  memoryStore,
  parseTokenResponse,
  SearchAuthError,
  Secret,
  sendTokenRequest,
} from '@searchauth/core';
