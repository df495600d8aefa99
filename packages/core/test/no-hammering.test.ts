import { describe, expect, it } from 'vitest';
import {
  createTokenManager,
  memoryStore,
  SearchAuthError,
  type TokenEvent,
  type TokenSource,
  type TokenStore,
} from '../src/index.js';
import { countingSource, fakeClock, flush, key } from './support.js';

/** A token endpoint that is down: every call fails with `code`, optionally saying Retry-After. */
function downSource(
  code: 'ERR_TOKEN_ENDPOINT_UNAVAILABLE' | 'ERR_INVALID_CLIENT',
  retryAfterMs?: number,
) {
  const sentAt: number[] = [];
  let now = () => 0;
  const source: TokenSource = async () => {
    sentAt.push(now());
    throw Object.assign(new SearchAuthError(code, 'down', { vendor: 'test', status: 503 }), {
      retryAfterMs,
    });
  };
  return { source, sentAt, setClock: (clock: () => number) => (now = clock) };
}

/** Most requests in any 1 s window. */
const perSecond = (times: number[]) =>
  Math.max(0, ...times.map((t) => times.filter((u) => u >= t && u < t + 1000).length));

describe('no hammering without a valid token', () => {
  it.each([1, 10, 1000])(
    '%i callers in a loop during a 6 s outage: at most 2 token requests a second',
    async (callers) => {
      const clock = fakeClock();
      const down = downSource('ERR_TOKEN_ENDPOINT_UNAVAILABLE');
      down.setClock(() => clock.now());
      // random 0: the shortest backoff the jitter can give.
      const manager = createTokenManager({ source: down.source, key, clock, random: () => 0 });
      for (let ms = 0; ms < 6000; ms += 100) {
        await Promise.allSettled(Array.from({ length: callers }, () => manager.getToken()));
        clock.advance(100);
      }
      expect(perSecond(down.sentAt)).toBeLessThanOrEqual(2);
      expect(down.sentAt.length).toBeGreaterThan(3); // it does keep trying
    },
    30_000, // 60,000 calls with 1,000 callers: a CPU-bound loop, not a wait
  );

  it('gives callers inside the window the last failure at once, then tries again after it', async () => {
    const clock = fakeClock();
    let fail = true;
    const sent: number[] = [];
    const original = new SearchAuthError('ERR_TOKEN_ENDPOINT_UNAVAILABLE', 'down', {
      vendor: 'test',
    });
    const source: TokenSource = async () => {
      sent.push(clock.now());
      if (fail) throw original;
      return { accessToken: 'ok', expiresIn: 3600 };
    };
    const manager = createTokenManager({ source, key, clock, random: () => 1 });
    await expect(manager.getToken()).rejects.toBe(original);
    const blocked = await manager.getToken().catch((e: unknown) => e);
    expect(blocked).toMatchObject({
      code: 'ERR_TOKEN_ENDPOINT_UNAVAILABLE',
      retryAt: clock.now() + 1000,
    });
    expect((blocked as Error).cause).toBe(original);
    expect((blocked as Error).message).toContain(new Date(clock.now() + 1000).toISOString());
    // The failure's own words stay, with its where-part once: the caller learns why, then when.
    expect((blocked as Error).message).toMatch(/^down; next token request at \S+ \(test\)$/);
    await expect(manager.recoverFromUnauthorized('x')).rejects.toMatchObject({
      retryAt: clock.now() + 1000,
    });
    expect(sent.length).toBe(1);
    fail = false;
    clock.advance(1000);
    expect(await manager.getToken()).toBe('ok'); // the first call after the window asks again
    expect(sent.length).toBe(2);
  });

  it('honours the Retry-After the token endpoint sent', async () => {
    const clock = fakeClock();
    const down = downSource('ERR_TOKEN_ENDPOINT_UNAVAILABLE', 20_000);
    const manager = createTokenManager({ source: down.source, key, clock, random: () => 0 });
    await manager.getToken().catch(() => {});
    clock.advance(19_999);
    await expect(manager.getToken()).rejects.toMatchObject({ retryAt: expect.any(Number) });
    expect(down.sentAt.length).toBe(1);
    clock.advance(1);
    await manager.getToken().catch(() => {});
    expect(down.sentAt.length).toBe(2);
  });

  it('a wrong client secret: 87 calls in a minute send at most 4 token requests, not 87', async () => {
    const clock = fakeClock();
    const down = downSource('ERR_INVALID_CLIENT');
    // random 0: the shortest backoff, 15 s each time.
    const manager = createTokenManager({ source: down.source, key, clock, random: () => 0 });
    for (let i = 0; i < 87; i++) {
      await expect(manager.getToken()).rejects.toMatchObject({ code: 'ERR_INVALID_CLIENT' });
      clock.advance(690);
    }
    expect(down.sentAt.length).toBeLessThanOrEqual(4);
  });

  it('keeps the existing background behaviour while a token is valid', async () => {
    const clock = fakeClock();
    let calls = 0;
    const events: string[] = [];
    const source: TokenSource = async () => {
      calls += 1;
      if (calls > 1) throw new SearchAuthError('ERR_TOKEN_ENDPOINT_UNAVAILABLE', 'down');
      return { accessToken: 'tok', expiresIn: 3600 };
    };
    const manager = createTokenManager({
      source,
      key,
      clock,
      onEvent: (e) => void events.push(e.type),
    });
    await manager.getToken();
    clock.advance(3_300_000);
    expect(await manager.getToken()).toBe('tok');
    await flush();
    expect(await manager.getToken()).toBe('tok');
    expect(events).toContain('degraded');
  });
});

describe('a persistent 401 right after a fresh token', () => {
  async function rejectedTwice(
    options: { mintRevokesPrevious?: boolean; store?: TokenStore } = {},
  ) {
    const clock = fakeClock();
    const { source, calls } = countingSource();
    const events: TokenEvent[] = [];
    const manager = createTokenManager({
      source,
      key,
      clock,
      onEvent: (e) => void events.push(e),
      ...options,
    });
    await manager.getToken();
    clock.advance(5_000);
    expect(await manager.recoverFromUnauthorized('tok-1')).toBe('tok-2');
    clock.advance(4_000);
    const error = await manager.recoverFromUnauthorized('tok-2').catch((e: unknown) => e);
    return { clock, calls, error: error as SearchAuthError, events, manager };
  }

  it('forces re-authentication at most once per 30 s, then says to check permissions', async () => {
    const { clock, calls, error, manager } = await rejectedTwice();
    expect(error).toMatchObject({ code: 'ERR_UNAUTHORIZED' });
    expect(error.message).toMatch(/4 s after issue: check the account's permissions/);
    expect(error.message).not.toContain('store-redis');
    expect(calls.map((c) => c.reason)).toEqual(['initial', 'unauthorized']);
    // Callers get that answer at once until 30 s after the forced re-authentication...
    await expect(manager.getToken()).rejects.toMatchObject({ code: 'ERR_UNAUTHORIZED' });
    await expect(manager.recoverFromUnauthorized('tok-2')).rejects.toMatchObject({
      code: 'ERR_UNAUTHORIZED',
    });
    expect(calls.length).toBe(2);
    // ...and a new attempt after it (the forced one was 30 s ago).
    clock.advance(26_000);
    expect(await manager.getToken()).toBe('tok-3');
    expect(calls.map((c) => c.reason)).toEqual(['initial', 'unauthorized', 'initial']);
  });

  it('names the other likely cause when minting revokes and the store is not shared', async () => {
    const { error, events } = await rejectedTwice({ mintRevokesPrevious: true });
    expect(error.message).toContain('@searchauth/store-redis');
    expect(events.find((e) => e.type === 'refresh-failure')?.error?.message).toContain(
      'store-redis',
    );
  });

  it('does not name it when the store has a lease shared across processes', async () => {
    const clock = fakeClock();
    const { error } = await rejectedTwice({
      mintRevokesPrevious: true,
      store: memoryStore({ clock }),
    });
    expect(error.message).not.toContain('store-redis');
  });
});
