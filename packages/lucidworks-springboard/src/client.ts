import type { TokenManager } from '@searchauth/core';
import type { Client } from 'openapi-fetch';
import { scopeClients } from './deps.js';
import {
  resolveOptions,
  SPRINGBOARD_SCOPES,
  type SpringboardClientOptions,
  VENDOR,
} from './options.js';
import { pushHelpers } from './push.js';
import { queryHelpers, type SpringboardQueryPaths } from './query.js';

export interface SpringboardClient
  extends ReturnType<typeof queryHelpers>,
    ReturnType<typeof pushHelpers> {
  /** Generated openapi-fetch client for the Query API, authenticated with a query-scope token. */
  query: Client<SpringboardQueryPaths>;
  /**
   * The Push API's authenticated fetch (push-scope token only). The Push URL is not documented, so
   * push requests go through this fetch with the configured paths rather than a generated client.
   */
  pushFetch: typeof fetch;
  /** Token managers per scope. With `combinedScopes` both are the same manager. */
  tokens: { query: TokenManager; push: TokenManager };
  /** Stops background refresh timers of every token manager. */
  dispose(): void;
}

export function createSpringboardClient(options: SpringboardClientOptions): SpringboardClient {
  const resolved = resolveOptions(options);
  const { apiBaseUrl } = resolved;
  const { query: queryScope, push: pushScope } = SPRINGBOARD_SCOPES;
  const forScope = scopeClients({
    ...options,
    ...resolved,
    vendor: VENDOR,
    // Query API reads are POSTs and a Push save is create-or-update, so replaying them after
    // 429/5xx is safe; core only retries POST when told so.
    retry: options.retry === false ? false : { retryNonIdempotent: true, ...options.retry },
  });
  // Query and Push tokens are independent (minting one leaves the other valid), so each scope gets
  // its own manager unless the caller asked for one token carrying both scopes.
  const combined = options.combinedScopes === true;
  const queryClients = forScope<SpringboardQueryPaths>(
    combined ? `${queryScope} ${pushScope}` : queryScope,
    apiBaseUrl,
  );
  const [queryTokens, , query, api] = queryClients;
  const [pushTokens, pushFetch] = combined ? queryClients : forScope(pushScope, apiBaseUrl);

  return {
    query,
    pushFetch,
    tokens: { query: queryTokens, push: pushTokens },
    ...queryHelpers(api),
    ...pushHelpers({ ...resolved, fetch: pushFetch }),
    dispose() {
      queryTokens.dispose();
      pushTokens.dispose();
    },
  };
}
