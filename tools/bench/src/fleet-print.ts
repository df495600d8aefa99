import { availableParallelism, loadavg } from 'node:os';
import { findRedisServer } from '../../../packages/store-redis/test/support/redis-server.js';
import { measureFleet } from './fleet.js';

/** Runs the fleet benchmark, prints its table, and returns the targets it missed. */
export async function printFleet(): Promise<string[]> {
  if (!findRedisServer()) {
    console.log(
      '\nfleet              not run: redis-server is not on PATH (apt-get install -y redis-server)',
    );
    return ['fleet not run (no redis-server)'];
  }
  const fleet = await measureFleet();
  const { processes, concurrency, durationMs, lifetimeSeconds, expectedMints } = fleet;
  const mintBound = expectedMints + 1;
  console.log(
    `\nfleet              ${processes} processes x ${concurrency} concurrent predict calls, ` +
      `${durationMs / 1000} s, ${lifetimeSeconds} s tokens, each mint revokes the last ` +
      `(Redis target: at most ${mintBound} mints, 0 failures; memory stores: at most ` +
      `${processes * mintBound} mints, bounded by refreshes and backoff, not by ${processes * concurrency} callers)`,
  );
  console.log(
    `  a client knows a ${lifetimeSeconds} s JWT lives ${fleet.knownLifetimeSeconds} s (whole-second exp and Date) ` +
      `and refreshes it ${fleet.marginSeconds} s early: one mint per ` +
      `${fleet.knownLifetimeSeconds - fleet.marginSeconds} s = ${expectedMints} for the fleet; fewer when minting is slow`,
  );
  console.log(
    '  store    mints  calls ok  caller-visible failures  401s at the server  latency p50/p95',
  );
  for (const run of fleet.runs) {
    const errors = Object.entries(run.errors)
      .map(([code, n]) => `${code} ${n}`)
      .join(', ');
    console.log(
      `  ${run.store.padEnd(7)}  ${String(run.mints).padStart(5)}  ${String(run.ok).padStart(8)}  ` +
        `${String(run.failures).padStart(23)}  ${String(run.unauthorized).padStart(18)}  ` +
        `${`${run.p50}/${run.p95} ms`.padStart(15)}` +
        (errors ? `  (${errors})` : ''),
    );
  }
  // Nine processes share the host's cores: on a busy host calls queue for seconds, longer than a
  // 2 s token revoked every second can wait, and failures then measure the host, not the store.
  console.log(
    `  host: ${availableParallelism()} cores, load average ${loadavg()[0]?.toFixed(1)} at the end`,
  );
  const redis = fleet.runs.find((run) => run.store === 'redis');
  const missed: string[] = [];
  // One mint per refresh window for the whole fleet. Fewer is no fault: each window starts when its
  // token request is sent, so a slow token endpoint stretches every window.
  if (redis && redis.mints > mintBound) missed.push('fleet mints with Redis');
  if (redis && redis.failures > 0) missed.push('fleet failures with Redis');
  const memory = fleet.runs.find((run) => run.store === 'memory');
  if (memory && memory.mints > processes * mintBound) missed.push('fleet mints with memory stores');
  return missed;
}
