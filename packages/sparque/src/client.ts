import type { TokenManager } from '@searchauth/core';
import createClient, { type Client } from 'openapi-fetch';
import { createAuthFetch, createTokenManager, jsonResponseGuard } from './core.js';
import type { paths } from './generated/api.js';
import { resolveOptions, type SparqueClientOptions } from './options.js';
import { runQuery, type SparqueQuery, type SparqueResponses } from './query.js';
import { type ResponseType, sparquePathSerializer } from './query-path.js';
import { sparqueTokenSource } from './token-source.js';

/** The Query API part of the spec; the token endpoint lives on another host and is the manager's. */
export type SparqueQueryPaths = Omit<paths, '/api/auth'>;

export interface SparqueClient {
  /** The generated openapi-fetch client, authenticated, for the single-endpoint path. */
  client: Client<SparqueQueryPaths>;
  /** Runs a structured query (several endpoints, parameters, context) and returns typed JSON. */
  query<R extends ResponseType = 'results'>(query: SparqueQuery<R>): Promise<SparqueResponses[R]>;
  /** The token manager: `getToken()`, `stats()`. */
  tokens: TokenManager;
  /** Stops background refresh timers. */
  dispose(): void;
}

export function createSparqueClient(options: SparqueClientOptions): SparqueClient {
  const resolved = resolveOptions(options);
  const { authUrl: tokenUrl, apiBaseUrl: baseUrl, clientId, workspace: tenant } = resolved;
  // Core refuses options it does not know: each part gets only its own.
  const { store, storeTimeoutMs, clock, random, onEvent, refreshMarginSeconds, retry, timeoutMs } =
    options;
  const tokens = createTokenManager({
    source: sparqueTokenSource({
      ...resolved,
      fetch: options.fetch,
      allowInsecureHttp: options.allowInsecureHttp,
      clock,
      contentType: options.authContentType,
      timeoutMs: options.tokenTimeoutMs,
    }),
    key: { vendor: 'sparque', tokenUrl, clientId, tenant },
    defaultLifetimeSeconds: options.defaultLifetimeSeconds ?? 3600,
    store,
    storeTimeoutMs,
    clock,
    random,
    onEvent,
    refreshMarginSeconds,
    tokenRequestTimeoutMs: options.tokenTimeoutMs,
  });
  const fetch = createAuthFetch({
    tokens,
    apiOrigin: baseUrl,
    fetch: options.fetch,
    retry,
    timeoutMs,
    clock,
    random,
  });
  const client = createClient<SparqueQueryPaths>({
    baseUrl,
    fetch,
    pathSerializer: sparquePathSerializer,
  });
  // A 2xx that is not JSON is ERR_HTTP, not openapi-fetch's bare SyntaxError.
  client.use(jsonResponseGuard('sparque'));
  return {
    client,
    query: (query) => runQuery({ ...resolved, fetch }, query),
    tokens,
    // Core's manager is a closure: its methods need no `this`.
    dispose: tokens.dispose,
  };
}
