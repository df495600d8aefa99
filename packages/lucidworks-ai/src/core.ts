// Every module takes core's functions from here, so the bundle imports @searchauth/core once
// instead of once per module: a saving that counts against the 2 kB size budget.
export {
  createAuthFetch,
  httpError,
  isSearchAuthError,
  SearchAuthError,
  Secret,
  systemClock,
} from '@searchauth/core';
