import { abortedError, sleep, withTimeout } from './abort.js';
import { discard, readUpTo } from './body.js';
import { systemClock } from './clock.js';
import { isSearchAuthError, SearchAuthError } from './errors.js';
import { checkOptions } from './options.js';
import { lowLevelCode, remember } from './redact.js';
import { parseRetryAfter } from './retry.js';
import { HEADER_SAFE } from './token-http.js';
import type { AuthFetchOptions } from './types.js';

/**
 * A fetch for openapi-fetch's `createClient({ fetch })`: attaches the bearer token to requests for
 * the API origin only, replays once after a 401 with a recovered token, retries 429/502/503/504 and
 * honours abort signals and `timeoutMs` (the wait for a token included). It resolves with the final
 * Response whatever its status; failures are SearchAuthErrors (a malformed URL stays a TypeError).
 */
export function createAuthFetch(options: AuthFetchOptions): typeof fetch {
  checkOptions(
    options,
    'tokens:o! apiOrigin:u! fetch:f retry:x timeoutMs:p maxReplayBodyBytes:n clock:o random:f',
    'createAuthFetch',
    options?.tokens?.vendor,
  );
  const { tokens, timeoutMs, retry = {} } = options;
  const { vendor } = tokens;
  if (retry) {
    checkOptions(
      retry,
      'maxAttempts:p baseDelayMs:n maxDelayMs:n budgetMs:n statuses:o retryNonIdempotent:b',
      'createAuthFetch retry',
      vendor,
    );
  }
  const origins = [options.apiOrigin].flat().map((origin) => new URL(origin).origin);
  const isApi = (url: string) =>
    origins.some((o) => url.startsWith(`${o}/`)) || origins.includes(new URL(url).origin);
  const send = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const clock = options.clock ?? systemClock;
  const maxBody = options.maxReplayBodyBytes ?? 1_048_576;
  const {
    // `retry: false` leaves one attempt.
    maxAttempts = retry ? 3 : 1,
    baseDelayMs = 200,
    maxDelayMs = 10_000,
    budgetMs = 30_000,
    statuses = [429, 502, 503, 504],
    retryNonIdempotent,
  } = retry || {};

  return async (input, init = {}) => {
    // openapi-fetch passes one Request; others pass (url, init). No Request is built for the
    // latter: that would cost more than everything else here.
    const request = input instanceof Request ? input : undefined;
    const get = <K extends 'method' | 'signal' | 'headers' | 'redirect'>(name: K) =>
      init[name] ?? request?.[name];
    const url = request?.url ?? String(input);
    const method = (get('method') ?? 'GET').toUpperCase();
    const signal = get('signal');
    const where = { vendor, method, url };
    const bearer = isApi(url);
    // As fetch does: an init body that is undefined or null leaves the Request's body in place.
    let body = init.body ?? request?.body;
    // A one-shot body (a stream, a Node stream.Readable or any async iterable) is read into memory
    // so the 401 replay and retries send exactly the same bytes; past the cap it is sent once as it
    // is, and a replay is refused. Other bodies (string, Blob, FormData, ...) can be sent again as is.
    if (body instanceof ReadableStream || Object(body)[Symbol.asyncIterator]) {
      body = await readUpTo(body as unknown as AsyncIterable<string>, maxBody);
    }
    const once = body instanceof ReadableStream;
    const retries =
      !once && (retryNonIdempotent || /^(GET|HEAD|OPTIONS|PUT|DELETE|TRACE)$/.test(method));
    const started = clock.now();
    let token: string | undefined;
    let rejected: string | undefined;
    let replayed: string | undefined;
    for (let attempt = 1; ; attempt++) {
      let response: Response;
      try {
        response = await withTimeout(
          async (signal) => {
            if (bearer) {
              token = await (rejected
                ? tokens.recoverFromUnauthorized(rejected, { signal })
                : tokens.getToken({ signal }));
            }
            if (rejected && once) {
              throw new SearchAuthError(
                'ERR_BODY_NOT_REPLAYABLE',
                `401: a body over ${maxBody} bytes cannot be replayed`,
                { ...where, status: 401 },
              );
            }
            rejected = undefined;
            const headers = new Headers(get('headers'));
            if (token) {
              // Headers.set would throw a TypeError quoting the token.
              if (!HEADER_SAFE.test(token)) {
                throw new SearchAuthError(
                  'ERR_TOKEN_RESPONSE_INVALID',
                  'the access token is not a valid header value',
                  where,
                );
              }
              remember(token);
              headers.set('authorization', `Bearer ${token}`);
            }
            return send(url, {
              ...init,
              method,
              headers,
              body,
              signal,
              redirect: get('redirect'),
              ...(once && { duplex: 'half' }),
            } as RequestInit);
          },
          signal,
          timeoutMs,
          clock,
          where,
        );
      } catch (error) {
        const causeCode = lowLevelCode(error);
        throw isSearchAuthError(error)
          ? error
          : signal?.aborted
            ? abortedError(vendor, error)
            : new SearchAuthError(
                'ERR_NETWORK',
                `request failed${causeCode ? `: ${causeCode}` : ''}`,
                {
                  ...where,
                  cause: error,
                  causeCode,
                },
              );
      }
      const { status } = response;
      // A 401 counts only when the API origin sent it: after a redirect elsewhere it came from a
      // host that never saw the token, and the token stays valid.
      if (status === 401 && token && !replayed && (!response.url || isApi(response.url))) {
        // One replay after a 401 that the token we sent caused.
        replayed = rejected = token;
        attempt--;
      } else {
        // Retry-After, else exponential backoff with full jitter; a wait beyond maxDelayMs or the
        // time budget hands back the response instead.
        const now = clock.now();
        const delay =
          retries && attempt < maxAttempts && statuses.includes(status)
            ? (parseRetryAfter(response.headers.get('retry-after'), now) ??
              (options.random ?? Math.random)() *
                Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1)))
            : Number.NaN;
        if (!(delay <= maxDelayMs && now - started + delay <= budgetMs)) return response;
        discard(response);
        await sleep(clock, delay, signal, vendor);
        continue;
      }
      discard(response);
    }
  };
}
