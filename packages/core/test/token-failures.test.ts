import { describe, expect, it } from 'vitest';
import { createTokenManager, SearchAuthError, type TokenSource } from '../src/index.js';
import { fakeClock, flush, key } from './support.js';

describe('token manager failures', () => {
  it('shares one failure among concurrent callers and does not cache it', async () => {
    const clock = fakeClock();
    let calls = 0;
    const source: TokenSource = async () => {
      calls += 1;
      if (calls === 1) throw new SearchAuthError('ERR_INVALID_CLIENT', 'no');
      return { accessToken: 'ok', expiresIn: 60 };
    };
    const manager = createTokenManager({ source, key, clock });
    const results = await Promise.allSettled([manager.getToken(), manager.getToken()]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(calls).toBe(1);
    // Not cached: after the backoff (up to 30 s for a permanent failure) the next call asks again.
    clock.advance(30_000);
    expect(await manager.getToken()).toBe('ok');
    expect(manager.stats()).toMatchObject({ failures: 1, mints: 2 });
  });

  it('keeps serving after a failed background refresh, backs off, and reports degraded', async () => {
    const clock = fakeClock();
    let fail = false;
    let calls = 0;
    const source: TokenSource = async () => {
      calls += 1;
      if (fail) throw new SearchAuthError('ERR_TOKEN_ENDPOINT_UNAVAILABLE', 'down');
      return { accessToken: `tok-${calls}`, expiresIn: 3600 };
    };
    const events: string[] = [];
    const manager = createTokenManager({
      source,
      key,
      clock,
      random: () => 1,
      onEvent: (e) => events.push(e.type),
    });
    await manager.getToken();
    fail = true;
    clock.advance(3_300_000);
    expect(await manager.getToken()).toBe('tok-1');
    await flush();
    expect(events).toContain('degraded');
    expect(calls).toBe(2);
    // Within the backoff (1 s x 2^0 x random 1) no new attempt is made.
    clock.advance(500);
    expect(await manager.getToken()).toBe('tok-1');
    await flush();
    expect(calls).toBe(2);
    clock.advance(600);
    expect(await manager.getToken()).toBe('tok-1');
    await flush();
    expect(calls).toBe(3);
    fail = false;
    clock.advance(2100); // past the second backoff (2 s)
    await manager.getToken();
    await flush();
    expect(await manager.getToken()).toBe('tok-4');
    expect(manager.stats()).toMatchObject({ failures: 2, degraded: 2 });
  });

  it('lets the failure through once the token has expired', async () => {
    const clock = fakeClock();
    let calls = 0;
    const source: TokenSource = async () => {
      calls += 1;
      if (calls > 1) throw new SearchAuthError('ERR_TOKEN_ENDPOINT_UNAVAILABLE', 'down');
      return { accessToken: 'tok', expiresIn: 60 };
    };
    const manager = createTokenManager({ source, key, clock });
    await manager.getToken();
    clock.advance(59_000); // must-refresh: the refresh fails, the still-valid token is served
    expect(await manager.getToken()).toBe('tok');
    clock.advance(1000);
    await expect(manager.getToken()).rejects.toMatchObject({
      code: 'ERR_TOKEN_ENDPOINT_UNAVAILABLE',
    });
  });
});
