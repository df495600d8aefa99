import { type Simulator, startSimulator } from '@searchauth/testkit';
import { afterAll, beforeAll } from 'vitest';
import { startRedis, type TestRedis } from './redis-server.js';

/**
 * A throwaway redis-server and the testkit's Lucidworks AI simulator (tokens of the given lifetime)
 * for one test file: started before its tests, stopped after them. Read them from the returned
 * object inside tests; they exist once `beforeAll` has run.
 */
export function useRedisAndSimulator(tokenLifetimeSeconds: number) {
  const env = {} as { redis: TestRedis; sim: Simulator };
  beforeAll(async () => {
    [env.redis, env.sim] = await Promise.all([
      startRedis(),
      startSimulator({ vendors: ['lucidworks-ai'], tokenLifetimeSeconds }),
    ]);
  });
  afterAll(async () => {
    await env.sim?.stop();
    await env.redis?.stop();
  });
  return env;
}
