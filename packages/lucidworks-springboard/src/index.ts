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

export type { Batch, BatchLimits } from './batching.js';
export { planBatches } from './batching.js';
export { createSpringboardClient, type SpringboardClient } from './client.js';
export {
  DEFAULT_REFRESH_MARGIN_SECONDS,
  isSearchAuthError,
  LUCIDWORKS_IDENTITY,
  lucidworksTokenUrl,
  memoryStore,
  SearchAuthError,
  Secret,
} from './deps.js';
export type { PushDeleteDocument, PushDocument } from './documents.js';
export type { components, operations, paths } from './generated/api.js';
export {
  DEFAULT_PUSH_PATHS,
  PUSH_LIMITS,
  type ResolvedSpringboardOptions,
  SPRINGBOARD_SCOPES,
  type SpringboardClientOptions,
  type SpringboardPushOptions,
} from './options.js';
export type { PushBatchResult, PushCallOptions, PushResult } from './push.js';
export {
  type CallOptions,
  type DetailRequest,
  type DetailResponse,
  type RelatedContentRequest,
  type RelatedContentResponse,
  type SearchDoc,
  type SearchRequest,
  type SearchResponse,
  type SpringboardQueryPaths,
  utcOffsetOf,
} from './query.js';
