import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTokenManager, type TokenSource } from '../src/index.js';
import { deferred, fakeClock, flush, key, setupManager } from './support.js';

describe('onEvent listeners', () => {
  const unhandled: unknown[] = [];
  const record = (reason: unknown) => void unhandled.push(reason);
  beforeEach(() => {
    unhandled.length = 0;
    process.on('unhandledRejection', record);
  });
  afterEach(() => void process.off('unhandledRejection', record));

  it.each([
    ['an async listener that rejects', async () => Promise.reject(new Error('listener down'))],
    [
      'a listener that throws',
      () => {
        throw new Error('listener down');
      },
    ],
  ])('%s changes nothing and leaves no unhandled rejection', async (_name, onEvent) => {
    const { manager } = setupManager({ onEvent });
    expect(await manager.getToken()).toBe('tok-1');
    expect(await manager.getToken()).toBe('tok-1');
    await flush(); // Node reports unhandled rejections once the microtask queue drains
    expect(unhandled).toEqual([]);
  });
});

describe('stats', () => {
  it('101 concurrent calls: 1 miss that asks, 100 waits; hits + misses + waits = calls', async () => {
    const { manager } = setupManager();
    await Promise.all(Array.from({ length: 101 }, () => manager.getToken()));
    expect(manager.stats()).toMatchObject({ hits: 0, misses: 1, waits: 100, mints: 1 });
  });

  it('callers waiting for a must-refresh request count as waits', async () => {
    const clock = fakeClock();
    const gate = deferred<void>();
    let n = 0;
    const source: TokenSource = async () => {
      n += 1;
      if (n === 2) await gate.promise;
      return { accessToken: `tok-${n}`, expiresIn: 3600 };
    };
    const manager = createTokenManager({ source, key, clock });
    await manager.getToken();
    clock.advance(3_590_000); // must-refresh
    const calls = Array.from({ length: 101 }, () => manager.getToken());
    await flush();
    gate.resolve();
    expect(new Set(await Promise.all(calls))).toEqual(new Set(['tok-2']));
    const { hits, misses, waits } = manager.stats();
    expect({ hits, misses, waits }).toEqual({ hits: 0, misses: 2, waits: 100 });
  });
});

describe('expiry through the manager', () => {
  it('a token that keeps expiring in transit is ERR_TOKEN_RESPONSE_INVALID after 3 asks', async () => {
    const clock = fakeClock();
    let calls = 0;
    const source: TokenSource = async () => {
      calls += 1;
      clock.advance(1300); // a 1.3 s reply...
      return { accessToken: 'late', expiresIn: 1 }; // ...with expires_in 1
    };
    const manager = createTokenManager({ source, key, clock });
    await expect(manager.getToken()).rejects.toMatchObject({
      code: 'ERR_TOKEN_RESPONSE_INVALID',
      message: expect.stringContaining('expired on arrival'),
    });
    expect(calls).toBe(3);
  });

  it('asks again at once when a server hands back its stored token as it expires', async () => {
    const clock = fakeClock();
    let calls = 0;
    const source: TokenSource = async () => {
      calls += 1;
      clock.advance(300);
      // The first reply: a stored token with 0.2 s left, gone by the time it arrives.
      return calls === 1
        ? { accessToken: 'old', expiresIn: 0.2 }
        : { accessToken: 'new', expiresIn: 600 };
    };
    const manager = createTokenManager({ source, key, clock });
    expect(await manager.getToken()).toBe('new');
    expect(calls).toBe(2);
  });
});
