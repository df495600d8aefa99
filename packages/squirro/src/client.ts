import type { TokenManager } from '@searchauth/core';
import createClient, { type Client } from 'openapi-fetch';
import { createAuthFetch, createTokenManager, jsonResponseGuard } from './core.js';
import type { paths } from './generated/api.js';
import { type IterateItemsParams, iterateItems, iteratePages } from './iterate.js';
import { resolveOptions, type SquirroClientOptions, VENDOR } from './options.js';
import {
  createSearchItems,
  type Item,
  type ItemsQueryResult,
  type SearchItemsParams,
  throwHttpErrors,
} from './search.js';
import { squirroTokenSource } from './token-source.js';

export interface SquirroClient {
  /** The openapi-fetch client for the spec's paths, sending a cached bearer token to the cluster. */
  client: Client<paths>;
  /** One page of `items/query`; HTTP errors throw a SearchAuthError. */
  searchItems(params: SearchItemsParams): Promise<ItemsQueryResult>;
  /** Every matching item across pages, following `next_params`. */
  iterateItems(params: IterateItemsParams): AsyncGenerator<Item, void, undefined>;
  /** Every page (with `total`, `aggregations`, ...), following `next_params`. */
  iteratePages(params: IterateItemsParams): AsyncGenerator<ItemsQueryResult, void, undefined>;
  /** The token manager: `getToken()`, `stats()`. */
  tokens: TokenManager;
  /** Stops background refresh timers. */
  dispose(): void;
}

/** A Squirro client that logs in with the user's refresh token and keeps the access token fresh. */
export function createSquirroClient(options: SquirroClientOptions): SquirroClient {
  const resolved = resolveOptions(options);
  const { clusterUrl: baseUrl, tokenUrl } = resolved;
  // Core refuses options it does not know: each part gets only its own. The token request's own
  // timeout is tokenTimeoutMs (see squirroTokenSource); the manager's follows it, and so does a
  // shared store's lease that cannot be renewed.
  const { store, storeTimeoutMs, clock, random, onEvent, refreshMarginSeconds, fetch, timeoutMs } =
    options;
  const tokens = createTokenManager({
    source: squirroTokenSource(resolved, options),
    // The refresh token identifies the user; core stores only its hash in the key.
    key: { vendor: VENDOR, tokenUrl, clientId: resolved.refreshToken },
    defaultLifetimeSeconds: resolved.lifetimeSeconds,
    store,
    storeTimeoutMs,
    clock,
    random,
    onEvent,
    refreshMarginSeconds,
    tokenRequestTimeoutMs: options.tokenTimeoutMs,
  });
  const authFetch = createAuthFetch({
    fetch,
    timeoutMs,
    clock,
    random,
    tokens,
    apiOrigin: new URL(baseUrl).origin,
    // items/query is a read sent as POST: safe to retry.
    retry: options.retry === false ? false : { retryNonIdempotent: true, ...options.retry },
  });
  const searchClient = createClient<paths>({ baseUrl, fetch: authFetch });
  searchClient.use(throwHttpErrors);
  const searchItems = createSearchItems(searchClient, resolved.tenant);
  const client = createClient<paths>({ baseUrl, fetch: authFetch });
  // A 2xx that is not JSON is ERR_HTTP, not openapi-fetch's bare SyntaxError.
  client.use(jsonResponseGuard(VENDOR));
  return {
    client,
    searchItems,
    iterateItems: (params) => iterateItems(searchItems, params),
    iteratePages: (params) => iteratePages(searchItems, params),
    tokens,
    dispose: () => tokens.dispose(),
  };
}
