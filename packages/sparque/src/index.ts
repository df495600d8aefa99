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
export { createSparqueClient, type SparqueClient, type SparqueQueryPaths } from './client.js';
export { isSearchAuthError, memoryStore, SearchAuthError, Secret } from './core.js';
export type { components, operations, paths } from './generated/api.js';
export { SPARQUE_HOSTS, type SparqueClientOptions } from './options.js';
export type { ResultObject, SparqueQuery, SparqueResponses, TupleEntry } from './query.js';
export {
  buildQueryPath,
  type EndpointCall,
  type ParameterValue,
  type QueryPathParts,
  type ResponseType,
  sparquePathSerializer,
} from './query-path.js';
export {
  parseSparqueTokenResponse,
  type SparqueTokenFields,
  type SparqueTokenParser,
} from './token-response.js';
export {
  type AuthContentType,
  type SparqueTokenSourceOptions,
  sparqueTokenSource,
} from './token-source.js';
