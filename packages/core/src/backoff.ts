import { isSearchAuthError, SearchAuthError } from './errors.js';

/**
 * Codes no retry fixes soon: wrong credentials or rights (invalid client/grant/scope/target,
 * unauthorized client, unsupported grant type, forbidden), a dead refresh token, a wrong token URL.
 */
const PERMANENT =
  /INVALID_(CLIENT|GRANT|SCOPE|TARGET)|_FORBIDDEN|REFRESH_TOKEN|UNAUTHORIZED_CLIENT|UNSUPPORTED|NOT_FOUND/;

/**
 * Pause after the n-th failure in a row (0-based): full jitter above a floor, so a key never sends
 * more than 2 token requests a second (floor 0.5 s), doubling up to 30 s; permanent failures start at
 * 15 s and go up to 5 min, since identity providers lock accounts that keep failing. A Retry-After
 * the token endpoint sent (`retryAfterMs` on the error) is honoured up to the same cap.
 */
export function backoffMs(error: unknown, n: number, random: () => number): number {
  const { code, retryAfterMs: after } = (error ?? {}) as { code?: string; retryAfterMs?: unknown };
  const [floor, cap] = PERMANENT.test(code as string) ? [15_000, 300_000] : [500, 30_000];
  const delay = floor + random() * (Math.min(cap, floor * 2 ** (n + 1)) - floor);
  return Math.min(cap, Math.max(delay, typeof after === 'number' ? after : 0));
}

/**
 * Remembers the last failed token request and until when callers get it back without a new request.
 * `blocked()` is that failure as a new SearchAuthError with the same code, the original as `cause`,
 * and `retryAt` (epoch ms of the next allowed attempt), or undefined once a new attempt is allowed.
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
    },
    blocked() {
      const { retryAt } = gate;
      if (retryAt > now()) {
        const known = isSearchAuthError(last) ? last : undefined;
        return Object.assign(
          new SearchAuthError(
            known?.code ?? 'ERR_TOKEN_ENDPOINT_UNAVAILABLE',
            // The failure's own words (its where-part is rebuilt from the same fields), then when.
            `${known?.message.replace(/ \([^()]*\)$/, '') ?? 'token request failed'}; next token request at ${new Date(retryAt).toISOString()}`,
            { ...known, cause: last },
          ),
          { retryAt },
        );
      }
    },
  };
  return gate;
}
