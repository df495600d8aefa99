import { decodeJwt } from 'jose';
import { defined, invalidResponse } from './token-http.js';
import type { StoredToken, TokenResponse } from './types.js';

export interface ExpiryContext {
  vendor: string;
  /** Local time the token request was sent: a lifetime starts no later than that. */
  sentAt: number;
  /** Local time the reply was read: a token that expires by then is dead on arrival. Default sentAt. */
  receivedAt?: number;
  defaultLifetimeSeconds?: number;
  /** The vendor promises JWT access tokens, so one that does not decode is a broken response. */
  expectJwt?: boolean;
}

/**
 * Server clock minus ours, from the response `Date` header (both directions) or else the JWT `iat`
 * (only when it says the server is ahead: an old cached token also has an early `iat`). Both have
 * whole seconds, so the second is rounded up. Not bounded: a bound would keep a token past its
 * `exp` when the server is further ahead, and make every token look expired when it is further behind.
 */
export const clockOffset = (serverDate: number | undefined, iat: unknown, sentAt: number) =>
  serverDate !== undefined
    ? serverDate + 1000 - sentAt
    : typeof iat === 'number'
      ? Math.max(0, iat * 1000 + 1000 - sentAt)
      : 0;

/**
 * Local expiry of a token: the earliest the response states (expiresAt, expiresIn counted from when the
 * request was sent, the JWT `exp`, the last two moved by the clock offset); else the default lifetime;
 * else unknown (the token then lives until the API rejects it). A JWT `exp` that looks past on arrival
 * gives way to a stated expiry: the server clock may be behind (no `Date` header), or the offset,
 * rounded up to whole seconds, makes a token with under a second left look dead.
 * A token that has expired by the time the reply is read is ERR_TOKEN_RESPONSE_INVALID.
 */
export function resolveExpiry(response: TokenResponse, context: ExpiryContext): StoredToken {
  const { accessToken, expiresAt: at, expiresIn } = response;
  const { sentAt, expectJwt, defaultLifetimeSeconds, receivedAt = sentAt } = context;
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
  const exp = typeof claims?.exp === 'number' ? claims.exp * 1000 - offset : undefined;
  const stated = [
    at === undefined ? at : at - offset,
    expiresIn === undefined ? expiresIn : sentAt + expiresIn * 1000,
    (exp as number) <= receivedAt && (at ?? expiresIn) !== undefined ? undefined : exp,
  ].filter((time) => time !== undefined);
  const expiresAt = stated.length
    ? Math.min(...stated)
    : defaultLifetimeSeconds
      ? sentAt + defaultLifetimeSeconds * 1000
      : undefined;
  // A year at most, like expires_in.
  if (
    expiresAt !== undefined &&
    !(expiresAt > receivedAt && expiresAt - sentAt <= 31_536_000_000)
  ) {
    throw invalidResponse(expiresAt > sentAt ? 'expired on arrival' : 'expiry', where);
  }
  return defined({ accessToken, obtainedAt: sentAt, expiresAt, scope: response.scope });
}
