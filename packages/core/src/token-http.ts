import { parseJson, readText } from './body.js';
import { SearchAuthError, type SearchAuthErrorCode } from './errors.js';
import type { TokenResponse } from './types.js';

/** Maps HTTP statuses of a token endpoint to error codes, e.g. `{ 404: 'ERR_REFRESH_TOKEN_INVALID' }`. */
export type StatusCodes = Partial<Record<number, SearchAuthErrorCode>>;

const TOKEN_CODES: StatusCodes = {
  400: 'ERR_INVALID_CLIENT',
  401: 'ERR_INVALID_CLIENT',
  403: 'ERR_FORBIDDEN',
  429: 'ERR_RATE_LIMITED',
};

/** Drops the properties that are undefined or null, so results carry only what is known. */
export const defined = <T extends object>(value: T) =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v != null)) as {
    [K in keyof T]: Exclude<T[K], null>;
  };

/** The error for a non-2xx token response; `statusCodes` overrides the default status map. */
export function tokenEndpointError(
  response: Response,
  ctx: { vendor: string; method: string; url: string; statusCodes?: StatusCodes },
): SearchAuthError {
  const { status } = response;
  const code =
    ctx.statusCodes?.[status] ??
    TOKEN_CODES[status] ??
    (status > 499 ? 'ERR_TOKEN_ENDPOINT_UNAVAILABLE' : 'ERR_TOKEN_RESPONSE_INVALID');
  return new SearchAuthError(code, 'token request failed', { ...ctx, status });
}

/** ERR_TOKEN_RESPONSE_INVALID naming what is wrong, never quoting the response. */
export const invalidResponse = (what: string, where: { vendor: string; url?: string }) =>
  new SearchAuthError('ERR_TOKEN_RESPONSE_INVALID', `invalid token response: ${what}`, where);

/** Reads a token response body (at most `maxBytes`, default 64 KiB); errors never quote it. */
export async function readTokenBody(
  response: Response,
  ctx: { vendor: string; url: string; maxBytes?: number },
): Promise<{ text: string; json: unknown | undefined; serverDate?: number }> {
  const max = ctx.maxBytes ?? 65_536;
  let text: string | undefined;
  try {
    text = await readText(response, max);
  } catch (cause) {
    throw new SearchAuthError('ERR_TOKEN_ENDPOINT_UNAVAILABLE', 'token response cut off', {
      ...ctx,
      cause,
    });
  }
  if (text === undefined) throw invalidResponse(`over ${max} bytes`, ctx);
  const date = Date.parse(response.headers.get('date') as string);
  return defined({ text, json: parseJson(text), serverDate: Number.isNaN(date) ? null : date });
}

/** Validates an OAuth2 token response object; anything malformed is ERR_TOKEN_RESPONSE_INVALID. */
export function parseTokenResponse(
  body: unknown,
  ctx: { vendor: string; url: string; serverDate?: number },
): TokenResponse {
  const object = typeof body === 'object' && body !== null && !Array.isArray(body);
  const fields = (object ? body : {}) as Record<string, unknown>;
  const { access_token: token, token_type: type, refresh_token: refresh, scope } = fields;
  const raw = fields.expires_in;
  const seconds = typeof raw === 'string' && /^\d+$/.test(raw) ? +raw : raw;
  const problem = !object
    ? 'not a JSON object'
    : // Visible ASCII only: what fits in an Authorization header, and never an HTML page.
      typeof token !== 'string' || !/^[\x21-\x7e]+$/.test(token)
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
