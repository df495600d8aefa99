// Every module takes its runtime imports from here, so the bundle has one import statement per
// package instead of one per module: bytes that count against the 2 kB size budget.
export {
  CLIENT_OPTIONS,
  checkOptions,
  httpError,
  isSearchAuthError,
  memoryStore,
  SearchAuthError,
  Secret,
} from '@searchauth/core';
export {
  DEFAULT_REFRESH_MARGIN_SECONDS,
  IDENTITY_OPTIONS,
  LUCIDWORKS_IDENTITY,
  lucidworksTokenUrl,
  optionChecks,
  resolveClientOptions,
  scopeClients,
} from '@searchauth/lucidworks-identity';
