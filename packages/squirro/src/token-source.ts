import type { TokenSource } from '@searchauth/core';
import { refreshTokenGrant } from './core.js';
import type { ResolvedSquirroOptions, SquirroClientOptions } from './options.js';
import { VENDOR } from './options.js';

/**
 * Squirro's login: `POST {cluster}/api/user/oauth2/token` with the form body
 * `grant_type=refresh_token&refresh_token=...`. The response has no expiry (the manager assumes
 * `accessTokenLifetimeSeconds`). As documented, 404 means the refresh token is unknown and 410 that it
 * expired or was revoked; 401 (authentication missing) means it was not accepted either. 400 is
 * Squirro's "invalid input" (its SDK raises an input error), a malformed request rather than a bad
 * token. None is retried, since the same request can never succeed.
 */
export function squirroTokenSource(
  resolved: ResolvedSquirroOptions,
  options: SquirroClientOptions,
): TokenSource {
  return refreshTokenGrant({
    vendor: VENDOR,
    tokenUrl: resolved.tokenUrl,
    refreshToken: resolved.refreshToken,
    onRefreshTokenRotated: options.onRefreshTokenRotated,
    fetch: options.fetch,
    allowInsecureHttp: options.allowInsecureHttp,
    timeoutMs: options.tokenTimeoutMs,
    // A wrong cluster URL (a trailing /api, say) answers the login with 404.
    urlOption: 'clusterUrl',
    statusCodes: {
      400: 'ERR_BAD_REQUEST',
      401: 'ERR_REFRESH_TOKEN_INVALID',
      404: 'ERR_REFRESH_TOKEN_INVALID',
      410: 'ERR_REFRESH_TOKEN_EXPIRED',
    },
  });
}
