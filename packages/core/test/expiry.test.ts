import { describe, expect, it } from 'vitest';
import { clockOffset, resolveExpiry } from '../src/expiry.js';
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
      // Bounding the offset to 10 min kept this 600 s token for 3,600 s.
      'JWT exp from a server 1 h ahead: the offset is trusted in full',
      {
        given: { accessToken: jwt({ exp: S + 3600 + 600 }), serverDate: T0 + 60 * MIN },
        want: T0 + 600_000 - 1000,
      },
    ],
    [
      // Bounding the offset to 10 min made every such token look expired.
      'JWT exp from a server 1 h behind (Date header): not rejected',
      {
        given: { accessToken: jwt({ exp: S - 3600 + 600 }), serverDate: T0 - 60 * MIN },
        want: T0 + 600_000 - 1000,
      },
    ],
    [
      'JWT exp that looks past without a Date header gives way to expires_in',
      { given: { accessToken: jwt({ exp: S - 3000 }), expiresIn: 600 }, want: T0 + 600_000 },
    ],
    [
      'expires_in earlier than the JWT exp wins',
      { given: { accessToken: jwt({ exp: S + 7200 }), expiresIn: 60 }, want: T0 + 60_000 },
    ],
    [
      'JWT exp earlier than expires_in wins',
      { given: { accessToken: jwt({ exp: S + 59 }), expiresIn: 60 }, want: T0 + 59_000 },
    ],
    [
      'a JWT handed back with its expires_in: the earlier',
      { given: { accessToken: jwt({ exp: S + 100 }), expiresIn: 3600 }, want: T0 + 100_000 },
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

  it('rejects a token that expired in transit (a 1.3 s reply with expires_in 1)', () => {
    const context = { vendor: 'v', sentAt: T0, receivedAt: T0 + 1300 };
    expect(() => resolveExpiry({ accessToken: 'x', expiresIn: 1 }, context)).toThrow(
      expect.objectContaining({
        code: 'ERR_TOKEN_RESPONSE_INVALID',
        message: expect.stringContaining('expired on arrival'),
      }),
    );
    expect(resolveExpiry({ accessToken: 'x', expiresIn: 2 }, context).expiresAt).toBe(T0 + 2000);
  });
});

describe('clockOffset', () => {
  it.each<[string, { serverDate?: number; iat?: number; want: number }]>([
    ['nothing known', { want: 0 }],
    ['a Date header in the same second (rounded up)', { serverDate: T0, want: 1000 }],
    ['a Date header 5 min behind', { serverDate: T0 - 5 * MIN, want: -5 * MIN + 1000 }],
    ['a Date header 60 min ahead', { serverDate: T0 + 60 * MIN, want: 60 * MIN + 1000 }],
    ['a Date header 60 min behind', { serverDate: T0 - 60 * MIN, want: -60 * MIN + 1000 }],
    ['an iat 2 min ahead', { iat: S + 120, want: 121_000 }],
    ['an iat in the past (maybe an old token)', { iat: S - 120, want: 0 }],
    ['a Date header rather than iat', { serverDate: T0 - 5 * MIN, iat: S, want: -299_000 }],
  ])('%s', (_name, { serverDate, iat, want }) => {
    expect(clockOffset(serverDate, iat, T0)).toBe(want);
  });
});
