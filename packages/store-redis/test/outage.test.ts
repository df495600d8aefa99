import type { TokenEvent } from '@searchauth/core';
import { describe, expect, it } from 'vitest';
import { redisTokenStore } from '../src/index.js';
import { aiClient, embed, lucidworksTarget } from './support/lucidworks.js';
import { useRedisAndSimulator } from './support/redis-and-simulator.js';

const env = useRedisAndSimulator(2);

const KEY = 'vendor|https://id.example/token|abc|scope|';
/** The client options the README recommends: a command fails within a second, not never. */
const FAIL_FAST = { maxRetriesPerRequest: 1, commandTimeout: 1000 };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Redis down', () => {
  it('fails store calls fast with the recommended client options', async () => {
    const store = redisTokenStore({ client: env.redis.client(FAIL_FAST), prefix: 'down:' });
    await store.set(KEY, { accessToken: 'tok', obtainedAt: Date.now() });
    await env.redis.kill();
    try {
      for (const call of [() => store.get(KEY), () => store.lease(KEY, 1000)]) {
        const started = performance.now();
        await expect(call()).rejects.toThrow();
        expect(performance.now() - started).toBeLessThan(2500);
      }
      const started = performance.now();
      await store.waitForChange(KEY, 300, new AbortController().signal);
      expect(performance.now() - started).toBeLessThan(2500);
    } finally {
      await env.redis.restart();
      store.dispose();
    }
  });

  it('killed and restarted mid-run costs callers nothing', async () => {
    const events: TokenEvent[] = [];
    const client = env.redis.client(FAIL_FAST);
    const store = redisTokenStore({ client, prefix: 'outage:' });
    const ai = aiClient(lucidworksTarget(env.sim), store, { onEvent: (e) => events.push(e) });
    let calls = 0;
    const failures: string[] = [];
    let running = true;
    const worker = async () => {
      while (running) {
        calls += 1;
        await embed(ai, 'q').catch((error: Error) => failures.push(error.message));
        await sleep(20);
      }
    };
    const workers = Array.from({ length: 8 }, worker);
    try {
      await sleep(1500);
      await env.redis.kill();
      await sleep(3000);
      await env.redis.restart();
      await sleep(3000);
    } finally {
      running = false;
      await Promise.all(workers);
      ai.dispose();
      store.dispose();
    }
    expect(failures).toEqual([]);
    expect(calls).toBeGreaterThan(8);
    const codes = new Set(events.filter((e) => e.type === 'degraded').map((e) => e.error?.code));
    expect([...codes].some((code) => /^ERR_STORE_(UNAVAILABLE|TIMEOUT)$/.test(String(code)))).toBe(
      true,
    );
    // Back on Redis: the tokens minted since the restart are shared again.
    expect(await env.redis.client().keys('outage:*')).not.toEqual([]);
  }, 60_000);
});
