import { describe, expect, it } from 'vitest';
import { type RedisTokenStore, redisTokenStore } from '../src/index.js';
import { aiClient, embed, lucidworksTarget } from './support/lucidworks.js';
import { useRedisAndSimulator } from './support/redis-and-simulator.js';

// Several "processes" (managers, each with its own Redis connection and store) on one Redis, against
// the Lucidworks AI simulator, which revokes a client's predict token when it mints the next one.
const env = useRedisAndSimulator(3600);

const PREDICT = 'machinelearning.predict';
let run = 0;
function fleet(size: number) {
  const prefix = `fleet-${++run}:`;
  const stores: RedisTokenStore[] = [];
  const clients = Array.from({ length: size }, () => {
    const store = redisTokenStore({ client: env.redis.client(), prefix });
    stores.push(store);
    return aiClient(lucidworksTarget(env.sim), store);
  });
  const close = () => {
    for (const client of clients) client.dispose();
    for (const store of stores) store.dispose();
  };
  return { clients, close };
}

describe('a fleet on one Redis', () => {
  it('mints one predict token for many processes starting at once', async () => {
    env.sim.resetLog();
    const { clients, close } = fleet(4);
    try {
      const results = await Promise.allSettled(
        clients.flatMap((ai) => Array.from({ length: 10 }, (_, i) => embed(ai, `q${i}`))),
      );
      expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
      expect(env.sim.mintCount({ scope: PREDICT })).toBe(1);
      expect(env.sim.requestCount({ endpoint: 'prediction', status: 401 })).toBe(0);
    } finally {
      close();
    }
  });

  it('adopts the newer token a peer minted after a 401 instead of minting again', async () => {
    env.sim.resetLog();
    const { clients, close } = fleet(2);
    const [first, second] = clients as [(typeof clients)[0], (typeof clients)[0]];
    try {
      await embed(first, 'a');
      await embed(second, 'b');
      expect(env.sim.mintCount({ scope: PREDICT })).toBe(1);
      // The token stops working (say an admin revoked it): the first process mints the next one.
      env.sim.revokeTokens({ vendor: 'lucidworks-ai', scope: PREDICT });
      await embed(first, 'c');
      expect(env.sim.mintCount({ scope: PREDICT })).toBe(2);
      // The second still holds the old token: its 401 makes it re-read Redis and adopt.
      await embed(second, 'd');
      expect(env.sim.mintCount({ scope: PREDICT })).toBe(2);
      expect(second.tokens.predict.stats().mints).toBe(0);
      expect(env.sim.requestCount({ endpoint: 'prediction', status: 401 })).toBe(2);
    } finally {
      close();
    }
  });

  it('after a revocation mints once for the whole fleet, never two at a time', async () => {
    env.sim.resetLog();
    const { clients, close } = fleet(4);
    try {
      await Promise.all(clients.map((ai) => embed(ai, 'warm')));
      env.sim.revokeTokens({ vendor: 'lucidworks-ai', scope: PREDICT });
      env.sim.setFaults([{ vendor: 'lucidworks-ai', endpoint: 'token', kind: 'latency', ms: 300 }]);
      const results = await Promise.allSettled(
        clients.flatMap((ai) => Array.from({ length: 10 }, (_, i) => embed(ai, `r${i}`))),
      );
      expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
      expect(env.sim.mintCount({ scope: PREDICT })).toBe(2);
    } finally {
      env.sim.clearFaults();
      close();
    }
  });
});
