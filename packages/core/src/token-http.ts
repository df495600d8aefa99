import { SearchAuthError, type SearchAuthErrorCode } from './errors.js';
import { remember } from './redact.js';
import type { TokenResponse } from './types.js';

/**
 * Maps HTTP statuses of a token endpoint, or OAuth `error` values of its reply, to error codes,
 * e.g. `{ 404: 'ERR_REFRESH_TOKEN_INVALID', invalid_grant: 'ERR_REFRESH_TOKEN_INVALID' }`.
 */
export type StatusCodes = Partial<Record<number | string, SearchAuthErrorCode>>;

/** Drops the properties that are undefined or null, so results carry only what is known. */
export const defined = <T extends object>(value: T) =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v != null)) as {
    [K in keyof T]: Exclude<T[K], null>;
  };

/** ERR_TOKEN_RESPONSE_INVALID naming what is wrong, never quoting the response. */
export const invalidResponse = (what: string, where: { vendor: string; url?: string }) =>
  new SearchAuthError('ERR_TOKEN_RESPONSE_INVALID', `invalid token response: ${what}`, where);

/** Visible ASCII only: what fits in an Authorization header, and never an HTML page. */
export const HEADER_SAFE = /^[\x21-\x7e]+$/;

/** Validates an OAuth2 token response object; anything malformed is ERR_TOKEN_RESPONSE_INVALID. */
export function parseTokenResponse(
  body: unknown,
  ctx: { vendor: string; url: string; serverDate?: number },
): TokenResponse {
  const object = typeof body === 'object' && body !== null && !Array.isArray(body);
  const fields = (object ? body : {}) as Record<string, unknown>;
  const { access_token: token, token_type: type, refresh_token: refresh, scope } = fields;
  // Known from now on: scrubbed from any error text, whatever else is wrong with the reply.
  for (const value of [token, refresh]) if (typeof value === 'string') remember(value);
  const raw = fields.expires_in;
  const seconds = typeof raw === 'string' && /^\d+$/.test(raw) ? +raw : raw;
  const problem = !object
    ? 'not a JSON object'
    : typeof token !== 'string' || !HEADER_SAFE.test(token)
      ? 'access_token'
      : type != null && !(typeof type === 'string' && /^bearer$/i.test(type))
        ? 'token_type'
        : seconds != null && !(typeof seconds === 'number' && seconds > 0 && seconds <= 31_536_000)
          ? 'expires_in'
          : refresh != null && (typeof refresh !== 'string' || !refresh) && 'refresh_token';
  if (problem) throw invalidResponse(problem, ctx);
  return defined({
    accessToken: token as string,
    expiresIn: seconds as number | undefined,
    refreshToken: refresh as string | undefined,
    scope: typeof scope === 'string' ? scope : undefined,
    serverDate: ctx.serverDate,
  });
}
