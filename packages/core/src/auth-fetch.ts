import { fetchFailed, sleep, withTimeout } from './abort.js';
import { discard, readUpTo } from './body.js';
import { systemClock } from './clock.js';
import { isSearchAuthError, SearchAuthError } from './errors.js';
import { checkOptions } from './options.js';
import { remember } from './redact.js';
import { parseRetryAfter } from './retry.js';
import { HEADER_SAFE } from './token-http.js';
import type { AuthFetchOptions } from './types.js';

/**
 * Replays after 401s, each with a token this call has not sent yet. Several: where every new token
 * revokes the last (Lucidworks AI predict), a fleet rotates the token while requests are in flight,
 * and a call delayed past a few rotations (a starved process, a queueing server) meets a revoked token
 * each time it is sent. It cannot loop on a bad account: recovering a token this process was just
 * forced to mint throws instead, so that ends after two requests. The cap (and the retry time budget)
 * bound a server that rejects every token while new ones keep coming.
 */
const MAX_REPLAYS = 8;

/**
 * A fetch for openapi-fetch's `createClient({ fetch })`: attaches the bearer token to requests for
 * the API origin only, replays after a 401 with a recovered token (see MAX_REPLAYS), retries
 * 429/502/503/504 and honours abort signals and `timeoutMs` (the wait for a token included). It
 * resolves with the final Response whatever its status; failures are SearchAuthErrors (a malformed
 * URL stays a TypeError).
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
    // Web streams are async iterables too.
    if (Object(body)[Symbol.asyncIterator]) {
      body = await readUpTo(body as unknown as AsyncIterable<string>, maxBody);
    }
    const once = body instanceof ReadableStream;
    const retries =
      !once && (retryNonIdempotent || /^(GET|HEAD|OPTIONS|PUT|DELETE|TRACE)$/.test(method));
    const started = clock.now();
    let token: string | undefined;
    let rejected: string | undefined;
    let replays = 0;
    // A replay's 401, handed back if no newer token comes (as when only one replay was made).
    let kept: Response | undefined;
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
            }
            const auth = token && `Bearer ${token}`;
            // A Request with no body and nothing to override (openapi-fetch's call) goes as it is,
            // the token set on it as openapi-fetch's own auth middleware does: building a second
            // Request costs more client CPU than the rest of this layer. Immutable headers (a
            // platform's incoming request) take the general path.
            if (request && !body && signal === request.signal && !Object.keys(init).length) {
              let set = true;
              try {
                if (auth) request.headers.set('authorization', auth);
              } catch {
                set = false;
              }
              if (set) return send(request);
            }
            const headers = new Headers(get('headers'));
            if (auth) headers.set('authorization', auth);
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
        const code = (error as SearchAuthError).code;
        // Unless the caller's signal or timeout ended the wait.
        if (kept && code !== 'ERR_ABORTED' && code !== 'ERR_TIMEOUT') return kept;
        throw isSearchAuthError(error)
          ? error
          : fetchFailed(signal, 'ERR_NETWORK', 'request failed', where, error);
      }
      if (kept) discard(kept);
      kept = undefined;
      const { status } = response;
      // A 401 counts only when the API origin sent it: after a redirect elsewhere it came from a
      // host that never saw the token, and the token stays valid.
      if (
        status === 401 &&
        token &&
        replays++ < MAX_REPLAYS &&
        (replays === 1 || clock.now() - started <= budgetMs) &&
        (!response.url || isApi(response.url))
      ) {
        // A replay after a 401 that the token we sent caused.
        rejected = token;
        attempt--;
        if (replays > 1) {
          kept = response;
          continue;
        }
      } else {
        // Retry-After, else exponential backoff with full jitter; a wait beyond maxDelayMs or the
        // time budget hands back the response instead.
        const now = clock.now();
        const delay =
          retries && attempt < maxAttempts && statuses.includes(status)
            ? (parseRetryAfter(response.headers.get('retry-after'), now) ??
              (options.random ?? Math.random)() *
                Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1)))
            : NaN;
        if (!(delay <= maxDelayMs && now - started + delay <= budgetMs)) return response;
        discard(response);
        await sleep(clock, delay, signal, vendor);
        continue;
      }
      discard(response);
    }
  };
}
