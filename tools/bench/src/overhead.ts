import { clientCredentials, createAuthFetch, createTokenManager } from '@searchauth/core';
import type { Vendor } from './vendor.js';

const CONCURRENCY = 16;

/** Completed requests per second for `run` kept CONCURRENCY-deep for `ms`. */
async function throughput(run: () => Promise<unknown>, ms: number): Promise<number> {
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
  return done / ((performance.now() - start) / 1000);
}

/**
 * Authenticated fetch with a cached token vs plain fetch with a static Authorization header, same
 * server, alternating rounds (ABBA) so drift hits both alike. Returns mean requests/s and the median
 * per-round ratio plain/authenticated (1.05 = 5% fewer requests per second).
 */
export async function measureOverhead(vendor: Vendor, rounds = 8, roundMs = 1000) {
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

  await throughput(plain, 500);
  await throughput(auth, 500);
  const plainRuns: number[] = [];
  const authRuns: number[] = [];
  for (let round = 0; round < rounds; round++) {
    // ABBA order: whichever side runs second in a round pays for the garbage the first one left.
    if (round % 2) authRuns.push(await throughput(auth, roundMs));
    plainRuns.push(await throughput(plain, roundMs));
    if (!(round % 2)) authRuns.push(await throughput(auth, roundMs));
  }
  tokens.dispose();
  // The median of per-round ratios: one noisy round (other load on the machine) does not decide.
  const ratios = plainRuns.map((p, i) => p / (authRuns[i] as number)).sort((a, b) => a - b);
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const ratio = ((ratios[(rounds - 1) >> 1] as number) + (ratios[rounds >> 1] as number)) / 2;
  return { plainRps: mean(plainRuns), authRps: mean(authRuns), ratio };
}
