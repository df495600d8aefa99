import { isSearchAuthError, SearchAuthError, type SearchAuthErrorCode } from './errors.js';

/** Failures no retry can fix soon: wrong credentials or rights, a dead refresh token, a wrong URL. */
const PERMANENT = new Set<string>([
  'ERR_INVALID_CLIENT',
  'ERR_FORBIDDEN',
  'ERR_REFRESH_TOKEN_INVALID',
  'ERR_REFRESH_TOKEN_EXPIRED',
  'ERR_INVALID_GRANT',
  'ERR_INVALID_SCOPE',
  'ERR_INVALID_TARGET',
  'ERR_UNAUTHORIZED_CLIENT',
  'ERR_UNSUPPORTED_GRANT_TYPE',
  'ERR_TOKEN_ENDPOINT_NOT_FOUND',
]);

/**
 * Pause after the n-th failure in a row (0-based): full jitter above a floor, so one key never sends
 * more than 2 token requests a second (floor 0.5 s), doubling up to 30 s; permanent failures start at
 * 15 s and go up to 5 min, since identity providers lock accounts that keep failing. A Retry-After
 * the token endpoint sent (`retryAfterMs` on the error) is honoured up to the same cap.
 */
export function backoffMs(error: unknown, n: number, random: () => number): number {
  const code = (error as { code?: unknown } | null)?.code as string;
  const [floor, cap] = PERMANENT.has(code) ? [15_000, 300_000] : [500, 30_000];
  const after = (error as { retryAfterMs?: unknown } | null)?.retryAfterMs;
  const delay = floor + random() * (Math.min(cap, floor * 2 ** (n + 1)) - floor);
  return Math.min(cap, Math.max(delay, typeof after === 'number' && after > 0 ? after : 0));
}

/**
 * Remembers the last failed token request and until when callers get it back without a new request.
 * `blocked()` is that failure as a new SearchAuthError with the same code, the original as `cause`,
 * and `retryAt` (epoch ms of the next allowed attempt).
 */
export function createFailureGate(now: () => number, random: () => number) {
  let failures = 0;
  let last: unknown;
  const gate = {
    retryAt: 0,
    failed(error: unknown) {
      last = error;
      gate.retryAt = now() + backoffMs(error, failures++, random);
    },
    ok() {
      failures = gate.retryAt = 0;
      last = undefined;
    },
    blocked(): SearchAuthError | undefined {
      const { retryAt } = gate;
      const wait = retryAt - now();
      if (wait <= 0 || !last) return;
      const known = isSearchAuthError(last) ? last : undefined;
      const error = new SearchAuthError(
        (known?.code ?? 'ERR_TOKEN_ENDPOINT_UNAVAILABLE') as SearchAuthErrorCode,
        `the last token request failed (${known?.code ?? 'source error'}); next attempt in ${Math.ceil(wait / 1000)} s, at ${new Date(retryAt).toISOString()}`,
        { ...known, cause: last },
      );
      return Object.assign(error, { retryAt });
    },
  };
  return gate;
}
