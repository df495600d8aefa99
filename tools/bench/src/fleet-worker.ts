// One process of the fleet benchmark (fleet.ts forks eight): a Lucidworks AI client on its own
// memory store or on the shared Redis store, `concurrency` callers predicting for `durationMs`.
import { createLucidworksAIClient } from '@searchauth/lucidworks-ai';
import { redisTokenStore } from '@searchauth/store-redis';
import { Redis } from 'ioredis';
import type { FleetWorkerResult, FleetWorkerSettings } from './fleet.js';

const settings = JSON.parse(process.argv[2] as string) as FleetWorkerSettings;
const send = (message: object) => process.send?.(message);
const redis = settings.redisUrl
  ? new Redis(settings.redisUrl, { maxRetriesPerRequest: 1, commandTimeout: 1000 })
  : undefined;
const store = redis && redisTokenStore({ client: redis, prefix: settings.prefix });
const ai = createLucidworksAIClient({ ...settings.target, store });

// Start together: the parent says go once every worker has loaded.
await new Promise<void>((resolve) => {
  process.once('message', () => resolve());
  send({ ready: true });
});
const result: FleetWorkerResult = { ok: 0, failures: 0, errors: {}, latencies: [] };
const until = Date.now() + settings.durationMs;
await Promise.all(
  Array.from({ length: settings.concurrency }, async (_, caller) => {
    while (Date.now() < until) {
      const started = performance.now();
      try {
        await ai.predict('embedding', 'gte-small', { batch: [{ text: `caller ${caller}` }] });
        result.ok += 1;
      } catch (error) {
        result.failures += 1;
        const code = (error as { code?: string }).code ?? 'other';
        result.errors[code] = (result.errors[code] ?? 0) + 1;
      }
      result.latencies.push(Math.round(performance.now() - started));
    }
  }),
);
send(result);
ai.dispose();
store?.dispose();
redis?.disconnect();
process.disconnect?.();
