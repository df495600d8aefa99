import { describe, expect, it } from 'vitest';
import {
  createTokenManager,
  memoryStore,
  type TokenRequestContext,
  type TokenSource,
  tokenKey,
} from '../src/index.js';
import { fakeClock, flush, key } from './support.js';

/**
 * Like SPARQUE's token storage: hands back the token it issued while that is valid, unless forced
 * (reason `unauthorized`); each token lives `lifetime` s; no expires_in in the reply.
 */
function tokenStorage(clock: ReturnType<typeof fakeClock>, lifetime = 600) {
  const calls: TokenRequestContext[] = [];
  const until = new Map<string, number>();
  let issued = { token: '', until: 0 };
  const source: TokenSource = async (context) => {
    calls.push(context);
    if (context.reason === 'unauthorized' || clock.now() >= issued.until) {
      issued = { token: `tok-${calls.length}`, until: clock.now() + lifetime * 1000 };
      until.set(issued.token, issued.until);
    }
    return { accessToken: issued.token };
  };
  return { source, calls, until };
}

describe('servers that hand back the token they already issued', () => {
  it('keeps the first expiry (no default lifetime re-applied) and stops refreshing until must-refresh', async () => {
    const clock = fakeClock();
    const { source, calls, until } = tokenStorage(clock);
    const manager = createTokenManager({
      source,
      key,
      clock,
      defaultLifetimeSeconds: 600,
      random: () => 0,
    });
    const seen = new Set<string>();
    // One caller a second for one lifetime and a bit.
    for (let s = 0; s < 700; s++) {
      const token = await manager.getToken();
      expect(clock.now()).toBeLessThan(until.get(token) as number); // never served past its expiry
      seen.add(token);
      await flush(3);
      clock.advance(1000);
    }
    // initial, refresh-ahead and must-refresh (both got the same token back), new token at expiry:
    // 4 token requests per lifetime (7 before, each of them taking the token for 600 s more).
    expect(calls.map((c) => c.reason)).toEqual(['initial', 'refresh', 'refresh', 'refresh']);
    expect(seen.size).toBe(2);
  });

  it('takes a stated expiry for a token handed back', async () => {
    const clock = fakeClock();
    let n = 0;
    const source: TokenSource = async () => ({
      accessToken: 'same',
      expiresIn: ++n === 1 ? 600 : 900,
    });
    const manager = createTokenManager({ source, key, clock, random: () => 0 });
    await manager.getToken();
    clock.advance(500_000); // refresh-due
    await manager.getToken();
    await flush();
    clock.advance(500_000); // past the first expiry, within the stated second one
    expect(await manager.getToken()).toBe('same');
    expect(n).toBe(2);
  });

  it('a recovery that gets the rejected token back asks twice more, forcing re-authentication', async () => {
    const clock = fakeClock();
    const calls: TokenRequestContext[] = [];
    // A Squirro cluster whose nodes hand back the old token on the first two logins.
    const source: TokenSource = async (context) => {
      calls.push(context);
      return { accessToken: calls.length <= 3 ? 'old' : 'new', expiresIn: 600 };
    };
    const manager = createTokenManager({ source, key, clock });
    expect(await manager.getToken()).toBe('old');
    const recovering = manager.recoverFromUnauthorized('old');
    await flush();
    expect(calls.length).toBe(2);
    clock.advance(250); // short backoff
    await flush();
    expect(calls.length).toBe(3);
    clock.advance(500);
    expect(await recovering).toBe('new');
    expect(calls.map((c) => c.reason)).toEqual([
      'initial',
      'unauthorized',
      'unauthorized',
      'unauthorized',
    ]);
  });

  it('gives up with ERR_UNAUTHORIZED when the rejected token keeps coming back', async () => {
    const clock = fakeClock();
    let calls = 0;
    const source: TokenSource = async () => {
      calls += 1;
      return { accessToken: 'old', expiresIn: 600 };
    };
    const manager = createTokenManager({ source, key, clock });
    await manager.getToken();
    const recovering = manager.recoverFromUnauthorized('old').catch((e: unknown) => e);
    for (let i = 0; i < 5; i++) {
      clock.advance(500);
      await flush();
    }
    expect(await recovering).toMatchObject({
      code: 'ERR_UNAUTHORIZED',
      message: expect.stringContaining('rejected token'),
    });
    expect(calls).toBe(4);
  });

  it('never adopts a rejected token from the store', async () => {
    const clock = fakeClock();
    const store = memoryStore({ clock });
    let n = 0;
    const source: TokenSource = async () => ({ accessToken: `tok-${++n}`, expiresIn: 600 });
    const manager = createTokenManager({ source, key, clock, store });
    await manager.getToken();
    expect(await manager.recoverFromUnauthorized('tok-1')).toBe('tok-2');
    // A peer that has not seen the 401 writes the rejected token back.
    await store.set(await tokenKey(key), {
      accessToken: 'tok-1',
      obtainedAt: clock.now(),
      expiresAt: clock.now() + 600_000,
    });
    clock.advance(31_000);
    expect(await manager.recoverFromUnauthorized('tok-2')).toBe('tok-3');
  });

  it('a refresh joined by a recovery cannot make the rejected token current again', async () => {
    const clock = fakeClock();
    const { source, calls } = tokenStorage(clock, 3600);
    const manager = createTokenManager({
      source,
      key,
      clock,
      random: () => 0,
      defaultLifetimeSeconds: 3600,
    });
    expect(await manager.getToken()).toBe('tok-1');
    clock.advance(3_300_000);
    await manager.getToken(); // starts the refresh in the background
    const recovering = manager.recoverFromUnauthorized('tok-1');
    expect(await recovering).not.toBe('tok-1');
    expect(await manager.getToken()).not.toBe('tok-1');
    expect(calls.map((c) => c.reason)).toEqual(['initial', 'refresh', 'unauthorized']);
  });
});
