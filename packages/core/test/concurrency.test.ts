import { describe, expect, it } from 'vitest';
import {
  createAuthFetch,
  createTokenManager,
  SearchAuthError,
  type TokenSource,
} from '../src/index.js';
import { countingSource, fakeClock, flush, key } from './support.js';

describe('concurrency', () => {
  it('10,000 concurrent getToken() calls make one token request', async () => {
    const { source, calls } = countingSource();
    const manager = createTokenManager({ source, key, clock: fakeClock() });
    const tokens = await Promise.all(Array.from({ length: 10_000 }, () => manager.getToken()));
    expect(calls.length).toBe(1);
    expect(new Set(tokens)).toEqual(new Set(['tok-1']));
  });

  it('50 concurrent requests rejected with 401 cause one new token and one replay each', async () => {
    const { source, calls } = countingSource();
    const tokens = createTokenManager({ source, key, clock: fakeClock() });
    await tokens.getToken();
    const seen: string[] = [];
    const api: typeof fetch = async (_input, init) => {
      const auth = new Headers(init?.headers).get('authorization') ?? '';
      seen.push(auth);
      // Hold every first attempt until all 50 have been sent with the old token.
      await flush(3);
      return new Response(null, { status: auth === 'Bearer tok-1' ? 401 : 200 });
    };
    const authFetch = createAuthFetch({ tokens, apiOrigin: 'https://api.example.com', fetch: api });
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => authFetch('https://api.example.com/search')),
    );
    expect(responses.every((r) => r.status === 200)).toBe(true);
    expect(calls.length).toBe(2);
    expect(seen.filter((s) => s === 'Bearer tok-1').length).toBe(50);
    expect(seen.filter((s) => s === 'Bearer tok-2').length).toBe(50);
  });

  it('a failing background refresh causes no caller-visible failure until expiry', async () => {
    const clock = fakeClock();
    let n = 0;
    const source: TokenSource = async () => {
      n += 1;
      if (n > 1) throw new SearchAuthError('ERR_TOKEN_ENDPOINT_UNAVAILABLE', 'down');
      return { accessToken: 'only', expiresIn: 600 };
    };
    const degraded: number[] = [];
    const manager = createTokenManager({
      source,
      key,
      clock,
      onEvent: (e) => e.type === 'degraded' && degraded.push(clock.now()),
    });
    await manager.getToken();
    let failures = 0;
    // Every 250 ms, 20 concurrent callers, from issue to expiry.
    for (let t = 0; t < 600_000; t += 250) {
      const results = await Promise.allSettled(
        Array.from({ length: 20 }, () => manager.getToken()),
      );
      failures += results.filter((r) => r.status === 'rejected').length;
      await flush(2);
      clock.advance(250);
    }
    expect(failures).toBe(0);
    expect(degraded.length).toBeGreaterThan(3);
    // Backoff: far fewer attempts than calls (2,400 x 20 calls in the window).
    expect(n).toBeLessThan(60);
    await expect(manager.getToken()).rejects.toMatchObject({
      code: 'ERR_TOKEN_ENDPOINT_UNAVAILABLE',
    });
  });
});
