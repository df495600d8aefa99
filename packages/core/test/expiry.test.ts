import { describe, expect, it } from 'vitest';
import { clockOffset, MAX_CLOCK_OFFSET_MS, resolveExpiry } from '../src/expiry.js';
import type { TokenResponse } from '../src/index.js';
import { jwt, T0 } from './support.js';

const S = T0 / 1000; // T0 in epoch seconds
const MIN = 60_000;

describe('resolveExpiry', () => {
  it.each<[string, { given: TokenResponse; defaultLifetimeSeconds?: number; want?: number }]>([
    ['expires_in', { given: { accessToken: 'a', expiresIn: 3600 }, want: T0 + 3600_000 }],
    [
      'expiresAt on a server clock 2 min ahead (Date header)',
      {
        given: { accessToken: 'a', expiresAt: T0 + 2 * MIN + 600_000, serverDate: T0 + 2 * MIN },
        want: T0 + 600_000 - 1000,
      },
    ],
    ['JWT exp', { given: { accessToken: jwt({ exp: S + 600 }) }, want: T0 + 600_000 }],
    [
      'JWT exp from a server 5 min ahead (Date header)',
      {
        given: { accessToken: jwt({ exp: S + 300 + 600 }), serverDate: T0 + 5 * MIN },
        want: T0 + 600_000 - 1000,
      },
    ],
    [
      'JWT exp from a server 5 min behind (Date header)',
      {
        given: { accessToken: jwt({ exp: S - 300 + 600 }), serverDate: T0 - 5 * MIN },
        want: T0 + 600_000 - 1000,
      },
    ],
    [
      'JWT exp with an iat 2 min ahead and no Date header',
      { given: { accessToken: jwt({ iat: S + 120, exp: S + 720 }) }, want: T0 + 599_000 },
    ],
    [
      'JWT exp with an old iat (a cached token): no offset',
      { given: { accessToken: jwt({ iat: S - 1800, exp: S + 1800 }) }, want: T0 + 1800_000 },
    ],
    [
      'JWT exp from a server 1 h ahead: offset bounded to 10 min',
      {
        given: { accessToken: jwt({ exp: S + 3600 + 600 }), serverDate: T0 + 60 * MIN },
        want: T0 + 3600_000,
      },
    ],
    [
      'expires_in wins over JWT exp',
      { given: { accessToken: jwt({ exp: S + 7200 }), expiresIn: 60 }, want: T0 + 60_000 },
    ],
    [
      'default lifetime for an opaque token',
      { given: { accessToken: 'opaque' }, defaultLifetimeSeconds: 600, want: T0 + 600_000 },
    ],
    [
      'default lifetime for a dotted token that is no JWT',
      { given: { accessToken: 'a.b.c' }, defaultLifetimeSeconds: 600, want: T0 + 600_000 },
    ],
    ['unknown expiry', { given: { accessToken: 'opaque' }, want: undefined }],
  ])('%s', (_name, { given, defaultLifetimeSeconds, want }) => {
    const token = resolveExpiry(given, { vendor: 'v', sentAt: T0, defaultLifetimeSeconds });
    expect(token.expiresAt).toBe(want);
    expect(token.obtainedAt).toBe(T0);
    expect(token.accessToken).toBe(given.accessToken);
  });

  it.each<[string, { given: TokenResponse; expectJwt?: boolean }]>([
    ['an opaque token when a JWT was promised', { given: { accessToken: 'x' }, expectJwt: true }],
    ['a JWT that expired already', { given: { accessToken: jwt({ exp: S - 10 }) } }],
    ['an expiresAt in the past', { given: { accessToken: 'x', expiresAt: T0 - 1 } }],
    ['an expiry more than a year away', { given: { accessToken: 'x', expiresAt: T0 + 4e10 } }],
  ])('rejects %s as ERR_TOKEN_RESPONSE_INVALID', (_name, { given, expectJwt }) => {
    expect(() => resolveExpiry(given, { vendor: 'v', sentAt: T0, expectJwt })).toThrow(
      expect.objectContaining({ code: 'ERR_TOKEN_RESPONSE_INVALID' }),
    );
  });
});

describe('clockOffset', () => {
  it.each<[string, { serverDate?: number; iat?: number; want: number }]>([
    ['nothing known', { want: 0 }],
    ['a Date header in the same second (rounded up)', { serverDate: T0, want: 1000 }],
    ['a Date header 5 min behind', { serverDate: T0 - 5 * MIN, want: -5 * MIN + 1000 }],
    ['a Date header 20 min ahead', { serverDate: T0 + 20 * MIN, want: MAX_CLOCK_OFFSET_MS }],
    ['a Date header 20 min behind', { serverDate: T0 - 20 * MIN, want: -MAX_CLOCK_OFFSET_MS }],
    ['an iat 2 min ahead', { iat: S + 120, want: 121_000 }],
    ['an iat in the past (maybe an old token)', { iat: S - 120, want: 0 }],
    ['a Date header rather than iat', { serverDate: T0 - 5 * MIN, iat: S, want: -299_000 }],
  ])('%s', (_name, { serverDate, iat, want }) => {
    expect(clockOffset(serverDate, iat, T0)).toBe(want);
  });
});
