import { describe, expect, it } from 'vitest';
import { backoffMs, createFailureGate } from '../src/backoff.js';
import { SearchAuthError } from '../src/index.js';
import { T0 } from './support.js';

const failure = (
  code: 'ERR_TOKEN_ENDPOINT_UNAVAILABLE' | 'ERR_INVALID_CLIENT',
  retryAfterMs?: number,
) => Object.assign(new SearchAuthError(code, 'x', { vendor: 'v', status: 503 }), { retryAfterMs });

describe('backoffMs', () => {
  it.each<[string, { error: unknown; n: number; random: number; want: number }]>([
    [
      'first transient failure, lowest jitter: the 0.5 s floor',
      { error: failure('ERR_TOKEN_ENDPOINT_UNAVAILABLE'), n: 0, random: 0, want: 500 },
    ],
    [
      'first transient failure, highest jitter',
      { error: failure('ERR_TOKEN_ENDPOINT_UNAVAILABLE'), n: 0, random: 1, want: 1000 },
    ],
    ['doubling', { error: failure('ERR_TOKEN_ENDPOINT_UNAVAILABLE'), n: 3, random: 1, want: 8000 }],
    [
      'capped at 30 s',
      { error: failure('ERR_TOKEN_ENDPOINT_UNAVAILABLE'), n: 20, random: 1, want: 30_000 },
    ],
    [
      'Retry-After honoured',
      { error: failure('ERR_TOKEN_ENDPOINT_UNAVAILABLE', 20_000), n: 0, random: 0, want: 20_000 },
    ],
    [
      'Retry-After 60 s capped at 30 s',
      { error: failure('ERR_TOKEN_ENDPOINT_UNAVAILABLE', 60_000), n: 0, random: 0, want: 30_000 },
    ],
    [
      'a non-numeric Retry-After is ignored',
      { error: Object.assign(new Error('x'), { retryAfterMs: '9' }), n: 0, random: 0, want: 500 },
    ],
    ['a plain error', { error: new Error('x'), n: 0, random: 0, want: 500 }],
    ['undefined', { error: undefined, n: 0, random: 0, want: 500 }],
    [
      'permanent: 15 s at least',
      { error: failure('ERR_INVALID_CLIENT'), n: 0, random: 0, want: 15_000 },
    ],
    [
      'permanent: up to 5 min',
      { error: failure('ERR_INVALID_CLIENT'), n: 10, random: 1, want: 300_000 },
    ],
  ])('%s', (_name, { error, n, random, want }) => {
    expect(backoffMs(error, n, () => random)).toBe(want);
  });

  it.each([
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
  ] as const)('%s backs off like a permanent failure', (code) => {
    expect(backoffMs(new SearchAuthError(code, 'x'), 0, () => 0)).toBe(15_000);
  });

  it.each([
    'ERR_TOKEN_ENDPOINT_UNAVAILABLE',
    'ERR_RATE_LIMITED',
    'ERR_TIMEOUT',
    'ERR_NETWORK',
    'ERR_TOKEN_RESPONSE_INVALID',
    'ERR_UNAUTHORIZED',
  ] as const)('%s backs off like a transient failure', (code) => {
    expect(backoffMs(new SearchAuthError(code, 'x'), 0, () => 0)).toBe(500);
  });
});

describe('createFailureGate', () => {
  it('hands back the last failure with its code, cause, retryAt and when, until retryAt', () => {
    let now = T0;
    const gate = createFailureGate(
      () => now,
      () => 1,
    );
    expect(gate.blocked()).toBeUndefined();
    const original = failure('ERR_TOKEN_ENDPOINT_UNAVAILABLE');
    gate.failed(original);
    const blocked = gate.blocked();
    expect(blocked).toBeInstanceOf(SearchAuthError);
    expect(blocked).toMatchObject({
      code: 'ERR_TOKEN_ENDPOINT_UNAVAILABLE',
      retryAt: T0 + 1000,
      vendor: 'v',
      status: 503,
    });
    expect(blocked?.cause).toBe(original);
    expect(blocked?.message).toContain(new Date(T0 + 1000).toISOString());
    expect(JSON.parse(JSON.stringify(blocked))).toMatchObject({ retryAt: T0 + 1000 });
    now = T0 + 1000;
    expect(gate.blocked()).toBeUndefined();
    gate.failed(original);
    expect(gate.retryAt).toBe(now + 2000); // the second failure in a row
    gate.ok();
    expect(gate.blocked()).toBeUndefined();
    gate.failed(original);
    expect(gate.retryAt).toBe(now + 1000); // a success resets the backoff
  });

  it('gives a source error that is no SearchAuthError a typed code', () => {
    const gate = createFailureGate(
      () => T0,
      () => 0,
    );
    const raw = new Error('socket hang up');
    gate.failed(raw);
    expect(gate.blocked()).toMatchObject({ code: 'ERR_TOKEN_ENDPOINT_UNAVAILABLE' });
    expect(gate.blocked()?.cause).toBe(raw);
  });
});
