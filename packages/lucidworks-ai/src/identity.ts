import type { Clock, Secret, TokenEvent, TokenManager, TokenStore } from '@searchauth/core';
import { clientCredentials, createTokenManager } from './core.js';

/** The Lucidworks identity host and the authorization-server id of the documented token URL. */
export const LUCIDWORKS_IDENTITY = {
  baseUrl: 'https://identity.lucidworks.com',
  authServerId: 'ausao8uveaPmyhv0v357',
} as const;

/** The refresh margin the Lucidworks docs recommend: renew five minutes before expiry. */
export const DEFAULT_REFRESH_MARGIN_SECONDS = 300;

export function lucidworksTokenUrl(identityBaseUrl: string, authServerId: string): string {
  return `${identityBaseUrl}/oauth2/${encodeURIComponent(authServerId)}/v1/token`;
}

export interface ScopeTokenOptions {
  vendor: string;
  tokenUrl: string;
  clientId: Secret;
  clientSecret: Secret;
  /** One scope or several separated by a space. */
  scope: string;
  /** Minting revokes the previous token (machinelearning.predict). */
  mintRevokesPrevious?: boolean;
  refreshMarginSeconds?: number;
  fetch?: typeof fetch;
  allowInsecureHttp?: boolean;
  store?: TokenStore;
  clock?: Clock;
  random?: () => number;
  onEvent?: (event: TokenEvent) => void;
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
    ...options,
    source: clientCredentials({
      vendor,
      tokenUrl: `${tokenUrl}?${new URLSearchParams({ scope })}`,
      clientId,
      clientSecret: options.clientSecret,
      paramsIn: 'query',
      allowInsecureHttp: options.allowInsecureHttp,
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
