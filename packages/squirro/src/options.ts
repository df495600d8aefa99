import type { ClientOptions, RetryOptions } from '@searchauth/core';
import {
  CLIENT_OPTIONS,
  checkBaseUrl,
  checkOptions,
  isSecret,
  SearchAuthError,
  Secret,
} from './core.js';

export const VENDOR = 'squirro';
/** Squirro's access tokens live 10 minutes unless the server is configured otherwise. */
export const DEFAULT_ACCESS_TOKEN_LIFETIME_SECONDS = 600;
export const TOKEN_PATH = '/api/user/oauth2/token';

export interface SquirroClientOptions extends ClientOptions {
  /** The cluster URL, e.g. `https://squirro.example.com` (a path prefix is kept). */
  clusterUrl: string;
  /** The user token from Settings → API Access; Squirro calls it the refresh token. */
  refreshToken: string | Secret;
  /** Default tenant for `searchItems` / `iterateItems` (the login response's `tenant`). */
  tenant?: string;
  /**
   * How long an access token is assumed to live, in seconds; the response does not say.
   * Default 600 (Squirro's default). A token rejected earlier is replaced on its first 401.
   */
  accessTokenLifetimeSeconds?: number;
  /** Called with a new refresh token when the server rotates it; persist it for the next start. */
  onRefreshTokenRotated?: (token: Secret) => void | Promise<void>;
  /**
   * Retries of 429/502/503/504 on API requests. The items query is a read sent as POST, so it is
   * retried by default (`retryNonIdempotent: true`); pass `false` to turn retries off.
   */
  retry?: RetryOptions | false;
  /** Timeout for one token request, ms. */
  tokenTimeoutMs?: number;
}

export interface ResolvedSquirroOptions {
  clusterUrl: string;
  tokenUrl: string;
  refreshToken: Secret;
  tenant: string | undefined;
  lifetimeSeconds: number;
}

export function resolveOptions(options: SquirroClientOptions): ResolvedSquirroOptions {
  if (!options || typeof options !== 'object') throw invalid('options are required');
  checkOptions(
    options,
    `${CLIENT_OPTIONS} clusterUrl refreshToken tenant accessTokenLifetimeSeconds onRefreshTokenRotated tokenTimeoutMs`,
    'createSquirroClient',
    VENDOR,
  );
  const {
    refreshToken,
    tenant,
    accessTokenLifetimeSeconds: lifetimeSeconds = DEFAULT_ACCESS_TOKEN_LIFETIME_SECONDS,
    onRefreshTokenRotated: rotated,
  } = options;
  const clusterUrl = checkBaseUrl(options.clusterUrl, 'clusterUrl', {
    vendor: VENDOR,
    allowInsecureHttp: options.allowInsecureHttp,
  });
  // Number.isFinite is false for non-numbers too.
  if (!(Number.isFinite(lifetimeSeconds) && lifetimeSeconds > 0)) {
    throw invalid('accessTokenLifetimeSeconds must be a positive number of seconds');
  }
  if (rotated !== undefined && typeof rotated !== 'function') {
    throw invalid('onRefreshTokenRotated must be a function');
  }
  return {
    clusterUrl,
    tokenUrl: clusterUrl + TOKEN_PATH,
    refreshToken: isSecret(refreshToken)
      ? refreshToken
      : Secret.from(requireText(refreshToken, 'refreshToken')),
    tenant: tenant === undefined ? tenant : requireText(tenant, 'tenant'),
    lifetimeSeconds,
  };
}

export function requireText(value: unknown, name: string): string {
  if (typeof value !== 'string' || !value.trim())
    throw invalid(`${name} must be a non-empty string`);
  return value;
}

export function invalid(message: string): SearchAuthError {
  return new SearchAuthError('ERR_INVALID_OPTIONS', message, { vendor: VENDOR });
}
