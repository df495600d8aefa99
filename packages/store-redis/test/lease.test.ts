import type { TokenLease } from '@searchauth/core';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RedisTokenStore, redisTokenStore } from '../src/index.js';
import { keyName } from './support/key-name.js';
import { startRedis, type TestRedis } from './support/redis-server.js';

let redis: TestRedis;
let a: RedisTokenStore;
let b: RedisTokenStore;
let raw: Redis;
beforeAll(async () => {
  redis = await startRedis();
  raw = redis.client();
  // Two stores on two connections: two processes as far as Redis can tell.
  a = redisTokenStore({ client: redis.client(), prefix: 'lease:' });
  b = redisTokenStore({ client: redis.client(), prefix: 'lease:' });
});
afterAll(async () => {
  a.dispose();
  b.dispose();
  await redis.stop();
});

let n = 0;
const nextKey = () => `vendor|https://id.example/token|abc|scope-${++n}|`;
const soon = { accessToken: 'tok', obtainedAt: Date.now(), expiresAt: Date.now() + 60_000 };

describe('lease', () => {
  it('goes to one holder at a time, across connections, and expires on its own', async () => {
    const key = nextKey();
    const held = await a.lease(key, 300);
    expect(held).toBeDefined();
    expect(await b.lease(key, 300)).toBeUndefined();
    expect(await raw.pttl(`${keyName('lease:', key)}:lease`)).toBeLessThanOrEqual(300);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await b.lease(key, 300)).toBeDefined();
  });

  it('is released only by its owner (compare-and-delete)', async () => {
    const key = nextKey();
    const first = await a.lease(key, 200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const second = await b.lease(key, 10_000);
    // The first holder's lease lapsed and a peer took it: a late release must not free it.
    await first?.release();
    expect(await a.lease(key, 10_000)).toBeUndefined();
    await second?.release();
    expect(await a.lease(key, 10_000)).toBeDefined();
  });

  it('renews while held and reports a lost lease', async () => {
    const key = nextKey();
    const held = await a.lease(key, 200);
    expect(await held?.renew?.(10_000)).toBe(true);
    const name = `${keyName('lease:', key)}:lease`;
    expect(await raw.pttl(name)).toBeGreaterThan(9000);
    await raw.del(name);
    expect(await held?.renew?.(10_000)).toBe(false);
  });
});

describe('waitForChange', () => {
  const waitFor = async (store: RedisTokenStore, key: string, ms: number, signal?: AbortSignal) => {
    const started = performance.now();
    await store.waitForChange(key, ms, signal ?? new AbortController().signal);
    return performance.now() - started;
  };
  // The subscription is sent before the wait; a short pause lets it reach Redis first.
  const subscribed = () => new Promise((resolve) => setTimeout(resolve, 50));

  it.each([
    ['a peer stores a token', (key: string) => b.set(key, soon)],
    ['a peer deletes the token', (key: string) => b.delete(key)],
    ['a peer releases the lease', (_key: string, lease?: TokenLease) => lease?.release()],
  ])('wakes a waiter when %s', async (_name, change) => {
    const key = nextKey();
    // A peer holds the lease, as when the manager waits; without one the wait ends at once.
    const lease = await b.lease(key, 20_000);
    const waited = waitFor(a, key, 10_000);
    await subscribed();
    await change(key, lease);
    expect(await waited).toBeLessThan(5000);
  });

  it('wakes every waiter of the key, not those of another key', async () => {
    const key = nextKey();
    const other = nextKey();
    const waits = [waitFor(a, key, 10_000), waitFor(a, key, 10_000), waitFor(b, key, 10_000)];
    await b.lease(other, 5000);
    const unrelated = waitFor(a, other, 600);
    await subscribed();
    await b.set(key, soon);
    for (const ms of await Promise.all(waits)) expect(ms).toBeLessThan(5000);
    expect(await unrelated).toBeGreaterThanOrEqual(550);
  });

  it('resolves after its time when nothing changes, and at once on abort', async () => {
    const key = nextKey();
    await b.lease(key, 10_000);
    expect(await waitFor(a, key, 150)).toBeGreaterThanOrEqual(140);
    const controller = new AbortController();
    const waited = waitFor(a, key, 10_000, controller.signal);
    setTimeout(() => controller.abort(), 50);
    expect(await waited).toBeLessThan(5000);
    controller.abort();
    expect(await waitFor(a, nextKey(), 10_000, controller.signal)).toBeLessThan(50);
  });

  it('ends at once when the lease is already gone: a release published before it listened', async () => {
    const key = nextKey();
    const lease = await b.lease(key, 10_000);
    await lease?.release();
    expect(await waitFor(a, key, 10_000)).toBeLessThan(5000);
  });

  it('ends when a lease nobody releases lapses (a crashed holder), not at its own time', async () => {
    const key = nextKey();
    await b.lease(key, 300);
    const waited = await waitFor(a, key, 10_000);
    expect(waited).toBeGreaterThanOrEqual(250);
    expect(waited).toBeLessThan(5000);
  });

  it('opens one subscriber connection lazily and closes it on dispose, waking its waiters', async () => {
    const client = redis.client();
    const store = redisTokenStore({ client, prefix: 'lease:' });
    await store.get(nextKey());
    const count = async () =>
      Number((await raw.info('clients')).match(/connected_clients:(\d+)/)?.[1]);
    const clientsBefore = await count();
    const key = nextKey();
    await b.lease(key, 10_000);
    const waited = waitFor(store, key, 10_000);
    await subscribed();
    expect(await count()).toBe(clientsBefore + 1);
    store.dispose();
    expect(await waited).toBeLessThan(5000);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await count()).toBe(clientsBefore);
  });

  it('waits its full time without failing while Redis cannot subscribe', async () => {
    const client = redis.client({ enableOfflineQueue: false, lazyConnect: true });
    const store = redisTokenStore({ client, prefix: 'lease:' });
    expect(await waitFor(store, nextKey(), 200)).toBeGreaterThanOrEqual(190);
    store.dispose();
  });
});
