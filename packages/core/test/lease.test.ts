import { describe, expect, it } from 'vitest';
import {
  type Clock,
  createTokenManager,
  memoryStore,
  SearchAuthError,
  type TokenEvent,
  type TokenSource,
  type TokenStore,
  tokenKey,
} from '../src/index.js';
import { countingSource, deferred, fakeClock, flush, key } from './support.js';

/** A store shared by "processes" (managers) with the cross-process lease store-redis offers. */
function leasedStore(clock: Clock) {
  const base = memoryStore({ clock });
  const held = new Map<string, number>();
  let granted = 0;
  const store: TokenStore = {
    ...base,
    async lease(k, ttlMs) {
      if ((held.get(k) ?? 0) > clock.now()) return undefined;
      held.set(k, clock.now() + ttlMs);
      granted += 1;
      return { release: async () => void held.delete(k) };
    },
  };
  return { store, held, granted: () => granted };
}

describe('store lease', () => {
  it('waits while a peer holds the lease and adopts the token it stores', async () => {
    const clock = fakeClock();
    const { store } = leasedStore(clock);
    const { source, calls } = countingSource();
    const events: TokenEvent[] = [];
    const manager = createTokenManager({
      source,
      key,
      clock,
      store,
      onEvent: (e) => events.push(e),
    });
    const peer = await store.lease?.(await tokenKey(key), 30_000);
    const waiting = manager.getToken();
    await flush();
    expect(events.map((e) => e.type)).toContain('lease-wait');
    await store.set(await tokenKey(key), { accessToken: 'from-peer', obtainedAt: clock.now() });
    await peer?.release();
    clock.advance(100);
    await flush();
    expect(await waiting).toBe('from-peer');
    expect(calls.length).toBe(0);
    expect(manager.stats()).toMatchObject({ leaseWaits: 1, mints: 0 });
  });

  it('makes two processes mint once between them', async () => {
    const clock = fakeClock();
    const { store } = leasedStore(clock);
    const gate = deferred<void>();
    let mints = 0;
    const source: TokenSource = async () => {
      mints += 1;
      await gate.promise;
      return { accessToken: `tok-${mints}`, expiresIn: 3600 };
    };
    const options = { source, key, clock, store, mintRevokesPrevious: true };
    const a = createTokenManager(options);
    const b = createTokenManager(options);
    const both = Promise.all([a.getToken(), b.getToken()]);
    await flush();
    gate.resolve();
    for (let i = 0; i < 10; i++) {
      clock.advance(1000);
      await flush();
    }
    expect(await both).toEqual(['tok-1', 'tok-1']);
    expect(mints).toBe(1);
  });

  it('releases the lease after a failed mint', async () => {
    const clock = fakeClock();
    const { store, held } = leasedStore(clock);
    const source: TokenSource = async () => {
      throw new SearchAuthError('ERR_TOKEN_ENDPOINT_UNAVAILABLE', 'down');
    };
    const manager = createTokenManager({ source, key, clock, store });
    await expect(manager.getToken()).rejects.toMatchObject({
      code: 'ERR_TOKEN_ENDPOINT_UNAVAILABLE',
    });
    expect(held.size).toBe(0);
  });

  it('takes the lease again once a dead holder lets it expire', async () => {
    const clock = fakeClock();
    const { store } = leasedStore(clock);
    const { source, calls } = countingSource();
    const manager = createTokenManager({ source, key, clock, store });
    await store.lease?.(await tokenKey(key), 5000); // a peer that never releases
    const waiting = manager.getToken();
    for (let i = 0; i < 10; i++) {
      clock.advance(1000);
      await flush();
    }
    expect(await waiting).toBe('tok-1');
    expect(calls.length).toBe(1);
  });

  it('lets a caller abort while waiting for the lease', async () => {
    const clock = fakeClock();
    const { store } = leasedStore(clock);
    const manager = createTokenManager({ source: countingSource().source, key, clock, store });
    await store.lease?.(await tokenKey(key), 30_000);
    const controller = new AbortController();
    const waiting = manager.getToken({ signal: controller.signal });
    await flush();
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ code: 'ERR_ABORTED' });
  });
});
