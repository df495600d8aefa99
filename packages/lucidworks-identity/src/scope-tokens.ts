import { clientCredentials, createTokenManager, type TokenManager } from '@searchauth/core';
import {
  DEFAULT_REFRESH_MARGIN_SECONDS,
  type LucidworksIdentityOptions,
  type ResolvedLucidworksIdentity,
} from './identity.js';

/** What `createScopeTokens` needs: resolved credentials, the scope, and the token manager's knobs. */
export interface ScopeTokenOptions
  extends Omit<LucidworksIdentityOptions, keyof ResolvedLucidworksIdentity>,
    ResolvedLucidworksIdentity {
  /** Names the client in keys, events and errors, e.g. `lucidworks-ai`. */
  vendor: string;
  /** One scope or several separated by a space. */
  scope: string;
  /** Minting revokes the previous token (machinelearning.predict). */
  mintRevokesPrevious?: boolean;
}

/**
 * One token manager for one scope (or one combined scope list) of one client. The request follows
 * the documented curl: `?scope=…&grant_type=client_credentials` (core appends its parameters to a
 * token URL that already has a query), an empty form body, Basic auth, and Cache-Control: no-cache
 * next to the Accept and Content-Type headers core sends.
 */
export function createScopeTokens(options: ScopeTokenOptions): TokenManager {
  const { vendor, tokenUrl, clientId, scope } = options;
  return createTokenManager({
    store: options.store,
    storeTimeoutMs: options.storeTimeoutMs,
    clock: options.clock,
    random: options.random,
    onEvent: options.onEvent,
    mintRevokesPrevious: options.mintRevokesPrevious,
    tokenRequestTimeoutMs: options.tokenTimeoutMs,
    source: clientCredentials({
      vendor,
      tokenUrl: `${tokenUrl}?${new URLSearchParams({ scope })}`,
      clientId,
      clientSecret: options.clientSecret,
      paramsIn: 'query',
      basicEncoding: options.basicEncoding,
      allowInsecureHttp: options.allowInsecureHttp,
      timeoutMs: options.tokenTimeoutMs,
      // Core calls this with the URL and an init; the fetch is looked up per call so that test
      // interceptors installed after client creation still apply.
      fetch: (input, init) => {
        const headers = new Headers(init?.headers);
        headers.set('cache-control', 'no-cache');
        return (options.fetch ?? fetch)(input, { ...init, headers });
      },
    }),
    key: { vendor, tokenUrl, clientId, scope },
    refreshMarginSeconds: options.refreshMarginSeconds ?? DEFAULT_REFRESH_MARGIN_SECONDS,
  });
}
