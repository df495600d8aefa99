import type { Contender, Instance } from './contenders/types.js';

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** The contenders in a different order each repeat, so no one always runs first or last. */
export function rotate<T>(items: readonly T[], by: number): T[] {
  const n = by % items.length;
  return [...items.slice(n), ...items.slice(0, n)];
}

/** Outcome of driving one instance with a fixed number of looping callers. */
export interface LoadResult {
  calls: number;
  failures: number;
  /** Wall time the callers ran, ms. */
  ms: number;
  /** Client CPU time (user + system) of this process while they ran, µs. */
  cpuUs: number;
}

/**
 * `callers` loops, each calling `instance.get` until `ms` have passed or `maxCalls` calls were made
 * in total (bounded in time and count), pausing `pauseMs` between calls (0: none).
 */
export async function drive(
  instance: Instance,
  callers: number,
  ms: number,
  { pauseMs = 0, maxCalls = 2_000_000 } = {},
): Promise<LoadResult> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const end = start + ms;
  let calls = 0;
  let failures = 0;
  const loop = async () => {
    while (performance.now() < end && calls < maxCalls) {
      calls++;
      try {
        await instance.get('/api/search');
      } catch {
        failures++;
      }
      if (pauseMs) await sleep(pauseMs);
    }
  };
  await Promise.all(Array.from({ length: callers }, loop));
  const used = process.cpuUsage(cpu);
  return { calls, failures, ms: performance.now() - start, cpuUs: used.user + used.system };
}

let runs = 0;
/** A client id no other run uses: the server's counters are per client id. */
export const clientIdFor = (contender: Contender, scenario: string) =>
  `${scenario}-${contender.name.replace(/[^a-z0-9]+/gi, '-')}-${++runs}`;

/** Token requests in the busiest 1 s window and on average per second over [from, to]. */
export function tokenRate(times: number[], from: number, to: number) {
  const inside = times.filter((t) => t >= from && t <= to).sort((a, b) => a - b);
  let peak = 0;
  for (let i = 0, j = 0; j < inside.length; j++) {
    while ((inside[j] as number) - (inside[i] as number) >= 1000) i++;
    peak = Math.max(peak, j - i + 1);
  }
  return { count: inside.length, perSecond: inside.length / ((to - from) / 1000), peak };
}
