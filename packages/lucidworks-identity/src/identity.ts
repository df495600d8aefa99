import type { ClientOptions, Secret } from '@searchauth/core';
import { optionChecks } from './validate.js';

/** The Lucidworks identity host and the authorization-server id of the documented token URL. */
export const LUCIDWORKS_IDENTITY = {
  baseUrl: 'https://identity.lucidworks.com',
  authServerId: 'ausao8uveaPmyhv0v357',
} as const;

/** The refresh margin the Lucidworks docs recommend: renew five minutes before expiry. */
export const DEFAULT_REFRESH_MARGIN_SECONDS = 300;

/** `{identityBaseUrl}/oauth2/{authServerId}/v1/token`, the server id URL-encoded. */
export function lucidworksTokenUrl(identityBaseUrl: string, authServerId: string): string {
  return `${identityBaseUrl}/oauth2/${encodeURIComponent(authServerId)}/v1/token`;
}

/** The client options both Lucidworks clients take for their tokens. */
export interface LucidworksIdentityOptions extends ClientOptions {
  clientId: string | Secret;
  clientSecret: string | Secret;
  /** Full token URL; overrides identityBaseUrl and authServerId. */
  tokenUrl?: string;
  /** Default `https://identity.lucidworks.com`. */
  identityBaseUrl?: string;
  /** Authorization-server id in the token path. Default `ausao8uveaPmyhv0v357`. */
  authServerId?: string;
  /** Refresh this long before expiry, seconds. Default 300 (the docs' advice). */
  refreshMarginSeconds?: number;
  /**
   * How the Basic credentials are encoded. `rfc6749` (default) form-urlencodes id and secret first
   * (RFC 6749 §2.3.1); `plain` sends base64 of `id:secret` as the Lucidworks docs show. They differ
   * only for characters other than letters, digits and `-._*`.
   */
  basicEncoding?: 'rfc6749' | 'plain';
  /**
   * Time limit for one token request, ms (`ERR_TIMEOUT` after it). Default 30,000. A shared store's
   * lease that cannot be renewed lasts this plus 10 s.
   */
  tokenTimeoutMs?: number;
}

/** The option names of `LucidworksIdentityOptions`, for the clients' unknown-option check. */
export const IDENTITY_OPTIONS =
  'clientId clientSecret tokenUrl identityBaseUrl authServerId basicEncoding applicationId apiBaseUrl tokenTimeoutMs:p';

/** The checked credentials and the token URL they are sent to. */
export interface ResolvedLucidworksIdentity {
  clientId: Secret;
  clientSecret: Secret;
  tokenUrl: string;
}

/**
 * Checks the credentials and works out the token URL: `tokenUrl` as given, or the one built from
 * `identityBaseUrl` and `authServerId` (defaults: the documented URL). Failures name `vendor`.
 */
export function resolveIdentityOptions(
  options: LucidworksIdentityOptions,
  vendor: string,
): ResolvedLucidworksIdentity {
  const check = optionChecks(vendor);
  const { allowInsecureHttp: http } = options;
  return {
    clientId: check.secret(options.clientId, 'clientId'),
    clientSecret: check.secret(options.clientSecret, 'clientSecret'),
    tokenUrl:
      options.tokenUrl === undefined
        ? lucidworksTokenUrl(
            check.baseUrl(
              options.identityBaseUrl ?? LUCIDWORKS_IDENTITY.baseUrl,
              'identityBaseUrl',
              http,
            ),
            check.text(options.authServerId ?? LUCIDWORKS_IDENTITY.authServerId, 'authServerId'),
          )
        : check.baseUrl(options.tokenUrl, 'tokenUrl', http),
  };
}
