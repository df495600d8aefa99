export type {
  Clock,
  RetryOptions,
  SearchAuthErrorCode,
  StoredToken,
  TokenEvent,
  TokenLease,
  TokenManager,
  TokenStore,
} from '@searchauth/core';
export { createSquirroClient, type SquirroClient } from './client.js';
export { isSearchAuthError, memoryStore, SearchAuthError, Secret } from './core.js';
export type { components, operations, paths } from './generated/api.js';
export { DEFAULT_PAGE_SIZE, type IterateItemsParams } from './iterate.js';
export {
  DEFAULT_ACCESS_TOKEN_LIFETIME_SECONDS,
  type SquirroClientOptions,
  TOKEN_PATH,
} from './options.js';
export type {
  Item,
  ItemsQuery,
  ItemsQueryResult,
  NextParams,
  SearchItemsParams,
} from './search.js';
