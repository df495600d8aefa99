import { clientCredentials, createAuthFetch, createTokenManager } from '@searchauth/core';
import type { Vendor } from './vendor.js';

const CONCURRENCY = 16;

interface Round {
  /** Completed requests per second. */
  rps: number;
  /** CPU time of this (client) process per request, µs: what the client side costs. */
  cpuUs: number;
}

/** Throughput and client CPU per request of `run`, kept CONCURRENCY-deep for `ms`. */
async function throughput(run: () => Promise<unknown>, ms: number): Promise<Round> {
  const cpuBefore = process.cpuUsage();
  const end = performance.now() + ms;
  let done = 0;
  const worker = async () => {
    while (performance.now() < end) {
      await run();
      done += 1;
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const cpu = process.cpuUsage(cpuBefore);
  return {
    rps: done / ((performance.now() - start) / 1000),
    cpuUs: (cpu.user + cpu.system) / done,
  };
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

/**
 * Authenticated fetch with a cached token vs plain fetch with a static Authorization header, same
 * server, alternating rounds (ABBA) so drift hits both alike. Returns mean requests/s, the median
 * per-round ratio plain/authenticated (1.05 = 5% fewer requests per second) and the same ratio of
 * client CPU per request. On a 2-core machine client and server share the CPUs, so single rounds
 * swing by 15-20% and the requests/s ratio by several percent from run to run; CPU per request is the
 * steadier view of what the authenticated fetch itself costs.
 */
export async function measureOverhead(vendor: Vendor, rounds = 20, roundMs = 500) {
  const url = `${vendor.origin}/api/search`;
  const tokens = createTokenManager({
    source: clientCredentials({
      vendor: 'bench',
      tokenUrl: `${vendor.origin}/token`,
      clientId: 'id',
      clientSecret: 'secret',
    }),
    key: { vendor: 'bench', tokenUrl: `${vendor.origin}/token`, clientId: 'id' },
  });
  const authFetch = createAuthFetch({ tokens, apiOrigin: vendor.origin });
  const plain = async () =>
    (await fetch(url, { headers: { authorization: 'Bearer static' } })).text();
  const auth = async () => (await authFetch(url)).text();

  // Connections, JIT and the server's own warm-up: the first second of either side runs slow.
  for (let i = 0; i < 2; i++) {
    await throughput(plain, 750);
    await throughput(auth, 750);
  }
  const plainRuns: Round[] = [];
  const authRuns: Round[] = [];
  for (let round = 0; round < rounds; round++) {
    // ABBA order: whichever side runs second in a round pays for the garbage the first one left.
    if (round % 2) authRuns.push(await throughput(auth, roundMs));
    plainRuns.push(await throughput(plain, roundMs));
    if (!(round % 2)) authRuns.push(await throughput(auth, roundMs));
  }
  tokens.dispose();
  // Medians of per-round ratios: one noisy round (other load on the machine) does not decide.
  const ratioOf = (key: keyof Round, invert: boolean) =>
    median(
      plainRuns.map((p, i) => {
        const a = authRuns[i] as Round;
        return invert ? p[key] / a[key] : a[key] / p[key];
      }),
    );
  return {
    plainRps: mean(plainRuns.map((r) => r.rps)),
    authRps: mean(authRuns.map((r) => r.rps)),
    ratio: ratioOf('rps', true),
    plainCpuUs: mean(plainRuns.map((r) => r.cpuUs)),
    authCpuUs: mean(authRuns.map((r) => r.cpuUs)),
    cpuRatio: ratioOf('cpuUs', false),
  };
}
