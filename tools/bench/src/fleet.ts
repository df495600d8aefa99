import { fork } from 'node:child_process';
import { startSimulator } from '@searchauth/testkit';
import { refreshWindow } from '../../../packages/core/src/margin.js';
import {
  type LucidworksTarget,
  lucidworksTarget,
} from '../../../packages/store-redis/test/support/lucidworks.js';
import { startRedis } from '../../../packages/store-redis/test/support/redis-server.js';

/** What fleet-worker.ts needs: the simulator's Lucidworks AI part, and Redis when shared. */
export interface FleetWorkerSettings {
  target: LucidworksTarget;
  redisUrl?: string;
  prefix: string;
  concurrency: number;
  durationMs: number;
}

export interface FleetWorkerResult {
  ok: number;
  failures: number;
  errors: Record<string, number>;
  /** Milliseconds per call, failed ones included. */
  latencies: number[];
}

export interface FleetRun {
  store: 'memory' | 'redis';
  mints: number;
  failures: number;
  ok: number;
  unauthorized: number;
  errors: Record<string, number>;
  /** Median and 95th percentile call latency, ms: a revoking 2 s token cannot outlive slower calls. */
  p50: number;
  p95: number;
}

const WORKER = new URL('./fleet-worker.ts', import.meta.url);
const PREDICT = 'machinelearning.predict';

async function runFleet(
  sim: Awaited<ReturnType<typeof startSimulator>>,
  settings: FleetWorkerSettings,
  processes: number,
): Promise<Omit<FleetRun, 'store'>> {
  const workers = Array.from({ length: processes }, () =>
    fork(WORKER, [JSON.stringify(settings)], { execArgv: ['--import', 'tsx'], stdio: 'inherit' }),
  );
  const messages = workers.map(
    (worker) =>
      new Promise<FleetWorkerResult>((resolve, reject) => {
        worker.on('message', (message) => {
          if ((message as { ready?: boolean }).ready) return;
          resolve(message as FleetWorkerResult);
        });
        worker.once('exit', (code) => reject(new Error(`a fleet worker exited with ${code}`)));
      }),
  );
  await Promise.all(workers.map((w) => new Promise((resolve) => w.once('message', resolve))));
  sim.resetLog();
  for (const worker of workers) worker.send('go');
  const results = await Promise.all(messages);
  const errors: Record<string, number> = {};
  const latencies = results.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const at = (share: number) => latencies[Math.floor(share * (latencies.length - 1))] ?? 0;
  for (const r of results) {
    for (const [code, n] of Object.entries(r.errors)) errors[code] = (errors[code] ?? 0) + n;
  }
  return {
    mints: sim.mintCount({ vendor: 'lucidworks-ai', scope: PREDICT }),
    failures: results.reduce((sum, r) => sum + r.failures, 0),
    ok: results.reduce((sum, r) => sum + r.ok, 0),
    unauthorized: sim.requestCount({
      vendor: 'lucidworks-ai',
      endpoint: 'prediction',
      status: 401,
    }),
    errors,
    p50: at(0.5),
    p95: at(0.95),
  };
}

/**
 * Eight processes with the same Lucidworks AI credentials, 50 callers each, for 10 s against the
 * testkit simulator (2 s predict tokens, each new one revoking the last): once with a memory store
 * per process, once sharing Redis. Needs redis-server on PATH.
 */
export async function measureFleet({ processes = 8, concurrency = 50, durationMs = 10_000 } = {}) {
  const lifetimeSeconds = 2;
  const [sim, redis] = await Promise.all([
    startSimulator({ vendors: ['lucidworks-ai'], tokenLifetimeSeconds: lifetimeSeconds }),
    startRedis(),
  ]);
  try {
    const base = {
      target: lucidworksTarget(sim),
      prefix: 'bench:',
      concurrency,
      durationMs,
    };
    const runs: FleetRun[] = [
      { store: 'memory', ...(await runFleet(sim, base, processes)) },
      { store: 'redis', ...(await runFleet(sim, { ...base, redisUrl: redis.url }, processes)) },
    ];
    // What a client can know of the token's life: the JWT `exp` and the `Date` header (the clock
    // offset) have whole seconds and core rounds both against the token, so it counts on the stated
    // lifetime minus 1 s from sending the request. Core's own refresh window for that (the widest
    // jitter: the most mints): for 2 s tokens, a new token every 0.5 s.
    const knownLifetimeSeconds = lifetimeSeconds - 1;
    const known = { accessToken: '', obtainedAt: 0, expiresAt: knownLifetimeSeconds * 1000 };
    const marginSeconds = (known.expiresAt - refreshWindow(known, undefined, 1).refreshAt) / 1000;
    const expectedMints = durationMs / 1000 / (knownLifetimeSeconds - marginSeconds);
    return {
      processes,
      concurrency,
      durationMs,
      lifetimeSeconds,
      knownLifetimeSeconds,
      marginSeconds,
      expectedMints,
      runs,
    };
  } finally {
    await sim.stop();
    await redis.stop();
  }
}
