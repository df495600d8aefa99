import { abortedError, withTimeout } from './abort.js';
import { discard, parseJson, readText } from './body.js';
import { systemClock } from './clock.js';
import { SearchAuthError, type SearchAuthErrorOptions } from './errors.js';
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
  /** Overrides the status -> error code map, e.g. `{ 404: 'ERR_REFRESH_TOKEN_INVALID' }`. */
  statusCodes?: StatusCodes;
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
 * Sends one token request and reads the reply, for every token source. It refuses http:// except
 * to loopback, never follows a redirect (that would carry the credentials wherever it points) and
 * maps failures to codes: unreachable or 5xx is ERR_TOKEN_ENDPOINT_UNAVAILABLE, 400/401
 * ERR_INVALID_CLIENT, 403 ERR_FORBIDDEN, 429 ERR_RATE_LIMITED, other statuses and bodies over the
 * cap ERR_TOKEN_RESPONSE_INVALID. No error quotes the body.
 */
export async function sendTokenRequest(options: TokenRequestOptions): Promise<TokenReply> {
  const { vendor, url, headers, body } = options;
  const target = new URL(url);
  const where = { vendor, method: 'POST', url };
  requireHttps(target, options.allowInsecureHttp, 'the token URL', where);
  const send = options.fetch ?? globalThis.fetch;
  const max = options.maxBytes ?? 65_536;
  const work = async (signal: AbortSignal | undefined): Promise<TokenReply> => {
    let response: Response;
    try {
      response = await send(url, { method: 'POST', headers, body, redirect: 'manual', signal });
    } catch (cause) {
      throw signal?.aborted
        ? abortedError(vendor, cause)
        : new SearchAuthError('ERR_TOKEN_ENDPOINT_UNAVAILABLE', 'token endpoint unreachable', {
            ...where,
            cause,
          });
    }
    const { status } = response;
    if (!response.ok) {
      discard(response);
      if (response.type === 'opaqueredirect' || (status > 299 && status < 400)) {
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
      const code =
        options.statusCodes?.[status] ??
        TOKEN_CODES[status] ??
        (status > 499 ? 'ERR_TOKEN_ENDPOINT_UNAVAILABLE' : 'ERR_TOKEN_RESPONSE_INVALID');
      throw new SearchAuthError(code, 'token request failed', { ...where, status });
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
  return withTimeout(
    work,
    options.signal,
    options.timeoutMs ?? 30_000,
    options.clock ?? systemClock,
    where,
  );
}
