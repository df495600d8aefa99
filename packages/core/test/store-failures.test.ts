import { describe, expect, it } from 'vitest';
import { createTokenManager, memoryStore, type TokenEvent, type TokenStore } from '../src/index.js';
import { countingSource, fakeClock, flush, key } from './support.js';

type Method = 'get' | 'set' | 'delete' | 'lease' | 'release';
const RAW = 'redis://user:store-password@cache:6379 refused';

/** A memory store (with lease) whose `broken` calls throw or never answer. */
function brokenStore(clock: ReturnType<typeof fakeClock>, broken: Method[], how: 'throw' | 'hang') {
  const base = memoryStore({ clock });
  const fail = () =>
    how === 'throw' ? Promise.reject(new Error(RAW)) : new Promise<never>(() => {});
  const calls: Method[] = [];
  const wrap =
    <A extends unknown[], R>(name: Method, call: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> => {
      calls.push(name);
      return broken.includes(name) ? fail() : call(...args);
    };
  const store: TokenStore = {
    get: wrap('get', base.get),
    set: wrap('set', base.set),
    delete: wrap('delete', base.delete),
    lease: wrap('lease', async (k: string, ttl: number) => {
      const lease = await base.lease?.(k, ttl);
      return lease && { release: wrap('release', lease.release) };
    }),
  };
  return { store, calls };
}

/** Steps the fake clock until `promise` settles (store timeouts run on it). */
async function settle<T>(clock: ReturnType<typeof fakeClock>, promise: Promise<T>): Promise<T> {
  let done = false;
  void promise.then(
    () => (done = true),
    () => (done = true),
  );
  for (let i = 0; i < 50 && !done; i++) {
    await flush();
    clock.advance(250);
  }
  return promise;
}

describe('a store that fails never costs a caller its token', () => {
  it.each<[Method[], 'throw' | 'hang', string]>([
    [['get', 'set', 'delete', 'lease', 'release'], 'throw', 'ERR_STORE_UNAVAILABLE'],
    [['get', 'set', 'delete', 'lease', 'release'], 'hang', 'ERR_STORE_TIMEOUT'],
    [['get'], 'hang', 'ERR_STORE_TIMEOUT'],
    [['set'], 'throw', 'ERR_STORE_UNAVAILABLE'],
    [['lease'], 'hang', 'ERR_STORE_TIMEOUT'],
    [['release'], 'hang', 'ERR_STORE_TIMEOUT'],
  ])('%j that %s: the fresh token is used, degraded %s, one mint', async (broken, how, code) => {
    const clock = fakeClock();
    const { store } = brokenStore(clock, broken, how);
    const { source, calls } = countingSource();
    const events: TokenEvent[] = [];
    const manager = createTokenManager({
      source,
      key,
      clock,
      store,
      mintRevokesPrevious: true,
      onEvent: (e) => void events.push(e),
    });
    expect(await settle(clock, manager.getToken())).toBe('tok-1');
    // A failing store never makes each call mint (each mint would revoke the last token).
    for (let i = 0; i < 10; i++) expect(await settle(clock, manager.getToken())).toBe('tok-1');
    expect(calls.length).toBe(1);
    const degraded = events.filter((e) => e.type === 'degraded');
    expect(degraded.length).toBeGreaterThan(0);
    expect(degraded[0]?.error).toMatchObject({
      code,
      message: expect.stringMatching(/^token store/),
    });
    expect(JSON.stringify(events)).not.toContain('store-password');
    expect(manager.stats().degraded).toBe(degraded.length);
  });

  it('keeps the store error only as the cause, and recovers once the store answers again', async () => {
    const clock = fakeClock();
    const broken: Method[] = ['get', 'set'];
    const { store } = brokenStore(clock, broken, 'hang');
    const { source, calls } = countingSource(60);
    const errors: unknown[] = [];
    const manager = createTokenManager({
      source,
      key,
      clock,
      store,
      storeTimeoutMs: 200,
      onEvent: (e) => void (e.error && errors.push(e.error)),
    });
    expect(await settle(clock, manager.getToken())).toBe('tok-1');
    expect(errors[0]).toMatchObject({
      code: 'ERR_STORE_TIMEOUT',
      message: 'token store get failed (test)',
    });
    broken.length = 0; // the store comes back
    clock.advance(60_000);
    expect(await settle(clock, manager.getToken())).toBe('tok-2');
    expect(calls.length).toBe(2);
    const other = createTokenManager({ source: countingSource().source, key, clock, store });
    expect(await other.getToken()).toBe('tok-2'); // stored once the store worked again
  });

  it('releases a lease that was granted after its call timed out', async () => {
    const clock = fakeClock();
    const base = memoryStore({ clock });
    let grant: (() => void) | undefined;
    let released = 0;
    const store: TokenStore = {
      ...base,
      lease: (k, ttl) =>
        new Promise((resolve) => {
          grant = () =>
            void base.lease?.(k, ttl).then((lease) =>
              resolve(
                lease && {
                  release: () => {
                    released += 1;
                    return lease.release();
                  },
                },
              ),
            );
        }),
    };
    const manager = createTokenManager({ source: countingSource().source, key, clock, store });
    expect(await settle(clock, manager.getToken())).toBe('tok-1');
    grant?.();
    await flush();
    expect(released).toBe(1);
  });
});
