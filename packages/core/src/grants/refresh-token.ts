import { checkOptions } from '../options.js';
import { Secret } from '../secret.js';
import type { StatusCodes } from '../token-http.js';
import type { TokenSource } from '../types.js';
import { FORM_RULES, formPoster } from './form-request.js';

/** Options of `refreshTokenGrant`: the token endpoint, the refresh token and optional client. */
export interface RefreshTokenGrantOptions {
  vendor: string;
  tokenUrl: string;
  refreshToken: string | Secret;
  clientId?: string | Secret;
  clientSecret?: string | Secret;
  /** How a client secret is sent. Default `body` (form fields). */
  clientAuth?: 'basic' | 'body';
  /** How Basic credentials are encoded; see `ClientCredentialsOptions.basicEncoding`. */
  basicEncoding?: 'rfc6749' | 'plain';
  extraParams?: Record<string, string>;
  /**
   * Called with a rotated refresh token so you can persist it, even when the rest of that reply is
   * refused; its errors are ignored.
   */
  onRefreshTokenRotated?: (token: Secret) => void | Promise<void>;
  fetch?: typeof fetch;
  allowInsecureHttp?: boolean;
  /** Per token request, ms. Default 30 000. */
  timeoutMs?: number;
  /** Overrides the status (or OAuth error) -> error code map (400 and invalid_grant already mean ERR_REFRESH_TOKEN_INVALID). */
  statusCodes?: StatusCodes;
  /** The option named when the token URL answers 404. Default `tokenUrl`. */
  urlOption?: string;
}

const optional = (value: string | Secret | undefined) =>
  value === undefined ? value : Secret.from(value);

/** The OAuth2 refresh-token grant (RFC 6749 §6); keeps a rotated refresh token for the next request. */
export function refreshTokenGrant(options: RefreshTokenGrantOptions): TokenSource {
  checkOptions(
    options,
    `${FORM_RULES} refreshToken:c! clientId:c clientSecret:c onRefreshTokenRotated:f`,
    'refreshTokenGrant',
    options?.vendor,
  );
  let refreshToken = Secret.from(options.refreshToken);
  // The server revokes the old refresh token as it answers: keep the new one whatever else the
  // reply gets wrong (a token_type we refuse, a bad expires_in), or the client is locked out.
  const keep = async (json: unknown) => {
    const rotated = Object(json).refresh_token;
    if (typeof rotated === 'string' && rotated && rotated !== refreshToken.reveal()) {
      refreshToken = new Secret(rotated);
      try {
        await options.onRefreshTokenRotated?.(refreshToken);
      } catch {
        // The new refresh token is kept in memory either way.
      }
    }
  };
  const post = formPoster(
    {
      ...options,
      paramsIn: 'body',
      // RFC 6749 §5.2: an invalid, expired or revoked refresh token is a 400 invalid_grant.
      statusCodes: {
        400: 'ERR_REFRESH_TOKEN_INVALID',
        invalid_grant: 'ERR_REFRESH_TOKEN_INVALID',
        ...options.statusCodes,
      },
    },
    'body',
    optional(options.clientId),
    optional(options.clientSecret),
    keep,
  );
  return async ({ signal }) => {
    const { refreshToken: _, ...response } = await post(
      signal,
      new URLSearchParams({
        ...options.extraParams,
        grant_type: 'refresh_token',
        refresh_token: refreshToken.reveal(),
      }),
    );
    return response;
  };
}
