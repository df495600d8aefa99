import { decodeJwt } from 'jose';
import { defined, invalidResponse } from './token-http.js';
import type { StoredToken, TokenResponse } from './types.js';

/** How far the server clock may be from ours before we stop believing it. */
export const MAX_CLOCK_OFFSET_MS = 10 * 60_000;

export interface ExpiryContext {
  vendor: string;
  /** Local time the token request was sent: a lifetime starts no later than that. */
  sentAt: number;
  defaultLifetimeSeconds?: number;
  /** The vendor promises JWT access tokens, so one that does not decode is a broken response. */
  expectJwt?: boolean;
}

/**
 * Server clock minus ours, from the response `Date` header (both directions) or else the JWT `iat`
 * (only when it says the server is ahead: an old cached token also has an early `iat`). Both have
 * whole seconds, so the second is rounded up; the result errs towards expiring early and is bounded.
 */
export function clockOffset(serverDate: number | undefined, iat: unknown, sentAt: number): number {
  const offset =
    serverDate !== undefined
      ? serverDate + 1000 - sentAt
      : typeof iat === 'number'
        ? Math.max(0, iat * 1000 + 1000 - sentAt)
        : 0;
  return Math.min(MAX_CLOCK_OFFSET_MS, Math.max(-MAX_CLOCK_OFFSET_MS, offset));
}

/**
 * Local expiry of a token, in this order: expiresAt / expiresIn from the response, the JWT `exp`, the
 * default lifetime, unknown (the token then lives until the API rejects it).
 */
export function resolveExpiry(response: TokenResponse, context: ExpiryContext): StoredToken {
  const { accessToken, expiresAt: at, expiresIn } = response;
  const { sentAt, expectJwt, defaultLifetimeSeconds } = context;
  const where = { vendor: context.vendor };
  let claims: { exp?: unknown; iat?: unknown } | undefined;
  // An opaque token may contain two dots by chance; only a promised JWT must decode.
  if (expectJwt || accessToken.split('.').length === 3) {
    try {
      claims = decodeJwt(accessToken);
    } catch {
      if (expectJwt) throw invalidResponse('not a JWT', where);
    }
  }
  const offset = clockOffset(response.serverDate, claims?.iat, sentAt);
  const expiresAt =
    at !== undefined
      ? at - offset
      : expiresIn !== undefined
        ? sentAt + expiresIn * 1000
        : typeof claims?.exp === 'number'
          ? claims.exp * 1000 - offset
          : defaultLifetimeSeconds
            ? sentAt + defaultLifetimeSeconds * 1000
            : undefined;
  // A year at most, like expires_in.
  if (expiresAt !== undefined && !(expiresAt > sentAt && expiresAt - sentAt <= 31_536_000_000)) {
    throw invalidResponse('expiry', where);
  }
  return defined({ accessToken, obtainedAt: sentAt, expiresAt, scope: response.scope });
}
