import type { Cluster } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisTokenStore } from '../src/index.js';
import { startRedisCluster } from './support/redis-cluster.js';

let cluster: Awaited<ReturnType<typeof startRedisCluster>>;
let raw: Cluster;
beforeAll(async () => {
  cluster = await startRedisCluster();
  raw = cluster.client();
});
afterAll(() => cluster.stop());

const keys = Array.from(
  { length: 12 },
  (_, i) => `vendor|https://id.example/token|abc|scope-${i}|`,
);
const token = (accessToken: string) => ({
  accessToken,
  obtainedAt: Date.now(),
  expiresAt: Date.now() + 60_000,
});

describe('on a three-node Redis Cluster', () => {
  it('refuses a script over two slots, so the test below can fail', async () => {
    await expect(raw.eval("return redis.call('get',KEYS[2])", 2, 'a', 'b')).rejects.toThrow(
      /CROSSSLOT|slot/i,
    );
  });

  it('stores, leases, releases and wakes for keys spread over every node', async () => {
    const a = redisTokenStore({ client: cluster.client(), prefix: 'c:' });
    const b = redisTokenStore({ client: cluster.client(), prefix: 'c:' });
    try {
      const owners = new Set<string>();
      for (const key of keys) {
        const lease = await a.lease(key, 5000);
        expect(lease).toBeDefined();
        expect(await b.lease(key, 5000)).toBeUndefined();
        expect(await lease?.renew?.(5000)).toBe(true);
        await a.set(key, token(`tok-${key}`));
        expect((await b.get(key))?.accessToken).toBe(`tok-${key}`);
        await b.delete(key, `tok-${key}`);
        expect(await a.get(key)).toBeUndefined();
        await lease?.release();
        expect(await b.lease(key, 5000)).toBeDefined();
        for (const name of await raw.nodes('master')) {
          if ((await name.keys('c:*')).length) owners.add(`${name.options.port}`);
        }
      }
      // The keys really were spread: more than one node holds some.
      expect(owners.size).toBeGreaterThan(1);

      const key = keys[0] as string;
      const waited = a.waitForChange(key, 10_000, new AbortController().signal);
      await new Promise((resolve) => setTimeout(resolve, 100));
      const started = performance.now();
      await b.set(key, token('tok-wake'));
      await waited;
      expect(performance.now() - started).toBeLessThan(5000);
    } finally {
      a.dispose();
      b.dispose();
    }
  });
});
