import {
  type Clock,
  createTokenManager,
  systemClock,
  type TokenEvent,
  type TokenSource,
} from '@searchauth/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisTokenStore } from '../src/index.js';
import { startRedis, type TestRedis } from './support/redis-server.js';

let redis: TestRedis;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(() => redis.stop());

const MINUTE = 60_000;
const skewed = (offsetMs: number): Clock => ({ ...systemClock, now: () => Date.now() + offsetMs });
const key = { vendor: 'oauth2', tokenUrl: 'https://auth.example/oauth/v2/token', clientId: 'id' };

/** A manager on its own connection and clock: one host of a fleet. */
function host(prefix: string, clock: Clock, source: TokenSource) {
  const events: TokenEvent[] = [];
  const store = redisTokenStore({ client: redis.client(), prefix, clock });
  const manager = createTokenManager({ source, key, clock, store, onEvent: (e) => events.push(e) });
  const remaining = () => {
    const last = events.findLast((e) => e.expiresAt !== undefined);
    return (last?.expiresAt as number) - clock.now();
  };
  return { manager, store, events, remaining, clock };
}

describe('hosts whose clocks differ by minutes', () => {
  it.each([
    ['ahead', 7 * MINUTE, -7 * MINUTE],
    ['behind', -7 * MINUTE, 7 * MINUTE],
  ])('agree on the remaining lifetime when the minting host is %s', async (_name, offA, offB) => {
    let mints = 0;
    // Two minutes: a reader that took the writer's clock for its own would see it expired (or
    // living 14 minutes longer than it does).
    const source: TokenSource = async () => ({ accessToken: `tok-${++mints}`, expiresIn: 120 });
    const prefix = `skew-${_name}:`;
    const a = host(prefix, skewed(offA), source);
    const b = host(prefix, skewed(offB), source);
    try {
      expect(await a.manager.getToken()).toBe('tok-1');
      expect(await b.manager.getToken()).toBe('tok-1');
      // The second call is a hit, whose event carries the expiry the manager holds.
      expect(await b.manager.getToken()).toBe('tok-1');
      expect(mints).toBe(1);
      expect(b.manager.stats().mints).toBe(0);
      expect(Math.abs(a.remaining() - b.remaining())).toBeLessThan(1000);
      expect(b.remaining()).toBeGreaterThan(115_000);
      expect(b.remaining()).toBeLessThanOrEqual(120_000);
    } finally {
      for (const h of [a, b]) {
        h.manager.dispose();
        h.store.dispose();
      }
    }
  });
});
