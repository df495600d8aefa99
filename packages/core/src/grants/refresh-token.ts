import { Secret } from '../secret.js';
import type { StatusCodes } from '../token-http.js';
import type { TokenSource } from '../types.js';
import { formPoster } from './form-request.js';

/** Options of `refreshTokenGrant`: the token endpoint, the refresh token and optional client. */
export interface RefreshTokenGrantOptions {
  vendor: string;
  tokenUrl: string;
  refreshToken: string | Secret;
  clientId?: string | Secret;
  clientSecret?: string | Secret;
  /** How a client secret is sent. Default `body` (form fields). */
  clientAuth?: 'basic' | 'body';
  extraParams?: Record<string, string>;
  /** Called with a rotated refresh token so you can persist it; its errors are ignored. */
  onRefreshTokenRotated?: (token: Secret) => void | Promise<void>;
  fetch?: typeof fetch;
  allowInsecureHttp?: boolean;
  /** Per token request, ms. Default 30 000. */
  timeoutMs?: number;
  /** Overrides the status -> error code map (400 already means ERR_REFRESH_TOKEN_INVALID). */
  statusCodes?: StatusCodes;
}

const optional = (value: string | Secret | undefined) =>
  value === undefined ? value : Secret.from(value);

/** The OAuth2 refresh-token grant (RFC 6749 §6); keeps a rotated refresh token for the next request. */
export function refreshTokenGrant(options: RefreshTokenGrantOptions): TokenSource {
  let refreshToken = Secret.from(options.refreshToken);
  const post = formPoster(
    {
      ...options,
      paramsIn: 'body',
      // RFC 6749 §5.2: an invalid, expired or revoked refresh token is a 400 invalid_grant.
      statusCodes: { 400: 'ERR_REFRESH_TOKEN_INVALID', ...options.statusCodes },
    },
    'body',
    optional(options.clientId),
    optional(options.clientSecret),
  );
  return async ({ signal }) => {
    const { refreshToken: rotated, ...response } = await post(signal, {
      ...options.extraParams,
      grant_type: 'refresh_token',
      refresh_token: refreshToken.reveal(),
    });
    if (rotated !== undefined && rotated !== refreshToken.reveal()) {
      refreshToken = new Secret(rotated);
      try {
        await options.onRefreshTokenRotated?.(refreshToken);
      } catch {
        // The new refresh token is kept in memory either way.
      }
    }
    return response;
  };
}
