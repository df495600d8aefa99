import { createLucidworksAIClient } from '@searchauth/lucidworks-ai';
import { redisTokenStore } from '@searchauth/store-redis';
import { startSimulator } from '@searchauth/testkit';
import {
  findRedisServer,
  startRedis,
} from '../../../packages/store-redis/test/support/redis-server.js';
import type { StepResult } from './engine.js';

const PROCESSES = 4;
const CALLERS = 5;
const SECONDS = 3;
const LIFETIME_SECONDS = 2;

/**
 * Four Lucidworks AI clients with the same credentials, each on its own Redis connection as four
 * processes would be, five callers each, predicting for 3 s with 2 s tokens that revoke each other: one token per
 * refresh for the whole fleet, no failed call. Undefined when redis-server is not installed.
 */
export async function fleetStep(): Promise<StepResult | undefined> {
  if (!findRedisServer()) return undefined;
  const [redis, sim] = await Promise.all([
    startRedis(),
    startSimulator({ vendors: ['lucidworks-ai'], tokenLifetimeSeconds: LIFETIME_SECONDS }),
  ]);
  try {
    const urls = sim.urls['lucidworks-ai'];
    const { applicationId, customerId, clientId, clientSecret } = sim.credentials['lucidworks-ai'];
    const fleet = Array.from({ length: PROCESSES }, () => {
      const store = redisTokenStore({ client: redis.client({ maxRetriesPerRequest: 1 }) });
      const ai = createLucidworksAIClient({
        applicationId,
        customerId,
        clientId,
        clientSecret,
        identityBaseUrl: urls.identityBaseUrl,
        apiBaseUrl: urls.baseUrl,
        platformBaseUrl: urls.platformBaseUrl,
        store,
        // Four clients share this one event loop with the simulator and Redis's replies: on a busy
        // machine a reply can be read after core's 1 s store timeout, and the fleet would then
        // mint uncoordinated. The demo shows coordination, so it gives the store more time.
        storeTimeoutMs: 5_000,
      });
      return { ai, store };
    });
    let ok = 0;
    let failed = 0;
    const codes = new Set<string>();
    const until = Date.now() + SECONDS * 1000;
    await Promise.all(
      fleet.flatMap(({ ai }) =>
        Array.from({ length: CALLERS }, async () => {
          while (Date.now() < until) {
            await ai.predict('embedding', 'gte-small', { batch: [{ text: 'tent' }] }).then(
              () => ok++,
              (error: { code?: string }) => {
                failed++;
                codes.add(error.code ?? 'other');
              },
            );
          }
        }),
      ),
    );
    for (const { ai, store } of fleet) {
      ai.dispose();
      store.dispose();
    }
    const mints = sim.mintCount({ scope: 'machinelearning.predict' });
    // One at the start, then one per refresh: a JWT's whole-second exp, rounded towards expiring
    // early, can count a 2 s token as 1 s, refreshed at 75% of that; one more for a slow start.
    const most = 1 + Math.ceil(SECONDS / ((LIFETIME_SECONDS - 1) * 0.75)) + 1;
    return {
      title: `${PROCESSES} processes share one predict token through Redis`,
      ok: failed === 0 && mints <= most,
      lines: [
        `${ok} predictions succeeded, ${failed} failed${codes.size ? ` (${[...codes].join(', ')})` : ''}, ` +
          `in ${SECONDS} s with ${LIFETIME_SECONDS} s tokens that revoke each other`,
        `token requests for the whole fleet: ${mints} (at most ${most})`,
      ],
    };
  } finally {
    await sim.stop();
    await redis.stop();
  }
}
