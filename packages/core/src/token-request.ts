import { abortedError, withTimeout } from './abort.js';
import { discard, parseJson, readText } from './body.js';
import { systemClock } from './clock.js';
import {
  SearchAuthError,
  type SearchAuthErrorCode,
  type SearchAuthErrorOptions,
} from './errors.js';
import { lowLevelCode } from './redact.js';
import { parseRetryAfter } from './retry.js';
import { defined, invalidResponse, type StatusCodes } from './token-http.js';
import type { Clock } from './types.js';

/** One POST to a token endpoint: what to send and how to treat the reply. */
export interface TokenRequestOptions {
  vendor: string;
  /** The token endpoint, exactly as sent. */
  url: string;
  headers: Record<string, string>;
  body: string;
  signal?: AbortSignal;
  /** Default `globalThis.fetch`, looked up per request so interceptors installed later apply. */
  fetch?: typeof fetch;
  /** Allow http:// to hosts other than loopback. Credentials then travel in clear text. */
  allowInsecureHttp?: boolean;
  /** Default 30 000. */
  timeoutMs?: number;
  clock?: Clock;
  /**
   * Overrides the error code of an HTTP status or of an OAuth `error` value of the reply, e.g.
   * `{ 404: 'ERR_REFRESH_TOKEN_INVALID', invalid_grant: 'ERR_REFRESH_TOKEN_INVALID' }`.
   */
  statusCodes?: StatusCodes;
  /** The option a user sets to fix a wrong token URL, named when it answers 404. Default `tokenUrl`. */
  urlOption?: string;
  /** The longest body read; default 64 KiB. */
  maxBytes?: number;
}

/** A successful token response: its text, the text as JSON if it is JSON, and the server's clock. */
export interface TokenReply {
  text: string;
  json?: unknown;
  serverDate?: number;
}

const TOKEN_CODES: StatusCodes = {
  400: 'ERR_INVALID_CLIENT',
  401: 'ERR_INVALID_CLIENT',
  403: 'ERR_FORBIDDEN',
  429: 'ERR_RATE_LIMITED',
};

// RFC 6749 §5.2 and RFC 8707 §2: each OAuth error has its own code (ERR_ + the value in capitals).
const OAUTH_ERRORS =
  /^(invalid_client|invalid_grant|invalid_scope|invalid_target|unauthorized_client|unsupported_grant_type)$/;

/** localhost, 127.0.0.0/8 and ::1: plain http there never leaves the machine. */
export function isLoopback(hostname: string): boolean {
  return /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/.test(hostname);
}

/**
 * Refuses anything but https, and http except to loopback unless `allowInsecureHttp`: credentials
 * and tokens must not cross a network in clear text.
 */
export function requireHttps(
  url: URL,
  allowInsecureHttp: boolean | undefined,
  name: string,
  where: SearchAuthErrorOptions,
): void {
  const { protocol } = url;
  if (
    protocol !== 'https:' &&
    (protocol !== 'http:' || !(allowInsecureHttp || isLoopback(url.hostname)))
  ) {
    throw new SearchAuthError(
      'ERR_INSECURE_URL',
      `${name} must use https (or set allowInsecureHttp)`,
      where,
    );
  }
}

/**
 * Checks a token URL when a source is created: a URL, https (or loopback, or `allowInsecureHttp`),
 * and no user:password@ (fetch would refuse it quoting the URL, password included).
 */
export function checkTokenUrl(
  url: string,
  allowInsecureHttp: boolean | undefined,
  vendor: string,
  name = 'tokenUrl',
): URL {
  const target = URL.canParse(url) && new URL(url);
  if (!target || target.username || target.password) {
    throw new SearchAuthError('ERR_INVALID_OPTIONS', `${name} must be a URL without credentials`, {
      vendor,
    });
  }
  requireHttps(target, allowInsecureHttp, name, { vendor });
  return target;
}

/**
 * Sends one token request and reads the reply, for every token source. It refuses http:// except
 * to loopback, never follows a redirect (that would carry the credentials wherever it points) and
 * maps failures to codes: unreachable or 5xx is ERR_TOKEN_ENDPOINT_UNAVAILABLE (naming the
 * low-level code, e.g. ECONNREFUSED), 404 ERR_TOKEN_ENDPOINT_NOT_FOUND, an OAuth `error` in the
 * body its own code (invalid_scope -> ERR_INVALID_SCOPE, ...), otherwise 400/401 ERR_INVALID_CLIENT,
 * 403 ERR_FORBIDDEN, 429 ERR_RATE_LIMITED, other statuses and bodies over the cap
 * ERR_TOKEN_RESPONSE_INVALID. The server's Retry-After is the error's `retryAfterMs`. No error
 * quotes the body beyond the OAuth error code.
 */
export async function sendTokenRequest(options: TokenRequestOptions): Promise<TokenReply> {
  const { vendor, url, headers, body } = options;
  const where = { vendor, method: 'POST', url };
  checkTokenUrl(url, options.allowInsecureHttp, vendor, options.urlOption);
  const clock = options.clock ?? systemClock;
  const send = options.fetch ?? globalThis.fetch;
  const max = options.maxBytes ?? 65_536;
  const work = async (signal: AbortSignal | undefined): Promise<TokenReply> => {
    let response: Response;
    try {
      response = await send(url, { method: 'POST', headers, body, redirect: 'manual', signal });
    } catch (cause) {
      const causeCode = lowLevelCode(cause);
      throw signal?.aborted
        ? abortedError(vendor, cause)
        : new SearchAuthError(
            'ERR_TOKEN_ENDPOINT_UNAVAILABLE',
            `token endpoint unreachable${causeCode ? `: ${causeCode}` : ''}`,
            { ...where, cause, causeCode },
          );
    }
    const { status } = response;
    if (!response.ok) {
      if (response.type === 'opaqueredirect' || (status > 299 && status < 400)) {
        discard(response);
        let host = '?';
        try {
          host = new URL(response.headers.get('location') as string, url).host || host;
        } catch {}
        throw new SearchAuthError(
          'ERR_REDIRECT_REFUSED',
          `token endpoint redirect to ${host} refused`,
          { ...where, status },
        );
      }
      // Only the OAuth error code is named: error_description may echo request data.
      const { error } = Object(parseJson(await readText(response, 16_384).catch(() => undefined)));
      const oauth = OAUTH_ERRORS.test(error) ? (error as string) : '';
      const codes = options.statusCodes ?? {};
      // The caller's map first (by OAuth error, then by status), then the OAuth error's own code.
      // A 404 without an error body is a wrong URL, whatever the vendor's 404 otherwise means.
      const code =
        codes[oauth] ??
        (status !== 404 || error ? codes[status] : undefined) ??
        (oauth
          ? `ERR_${oauth.toUpperCase()}`
          : status === 404
            ? 'ERR_TOKEN_ENDPOINT_NOT_FOUND'
            : (TOKEN_CODES[status] ??
              (status > 499 ? 'ERR_TOKEN_ENDPOINT_UNAVAILABLE' : 'ERR_TOKEN_RESPONSE_INVALID')));
      throw new SearchAuthError(
        code as SearchAuthErrorCode,
        code === 'ERR_TOKEN_ENDPOINT_NOT_FOUND'
          ? `token endpoint not found: check ${options.urlOption ?? 'tokenUrl'}`
          : `token request failed${oauth ? `: ${oauth}` : ''}`,
        {
          ...where,
          status,
          retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), clock.now()),
        },
      );
    }
    let text: string | undefined;
    try {
      text = await readText(response, max);
    } catch (cause) {
      throw new SearchAuthError('ERR_TOKEN_ENDPOINT_UNAVAILABLE', 'token response cut off', {
        ...where,
        cause,
      });
    }
    if (text === undefined) throw invalidResponse(`over ${max} bytes`, where);
    const date = Date.parse(response.headers.get('date') as string);
    return defined({ text, json: parseJson(text), serverDate: Number.isNaN(date) ? null : date });
  };
  return withTimeout(work, options.signal, options.timeoutMs ?? 30_000, clock, where);
}
