import type { Contender } from '../contenders/types.js';
import { median, rotate } from '../measure.js';

// The bench server's search reply. A string body, like the server's chunked one, has no
// Content-Length (so openapi-fetch reads it with text()), and is read without leaving the thread.
const SEARCH_BODY = JSON.stringify({ total: 1, items: [{ id: 'a', title: 'tent' }] });
const JSON_HEADERS = { 'content-type': 'application/json' };
const TOKEN_BODY = JSON.stringify({ access_token: `own-${'x'.repeat(24)}`, expires_in: 3600 });

/**
 * Stands in for the network: builds the Request fetch would build from its arguments (so how a
 * library calls fetch still costs what it costs), then answers at once, as the bench server would.
 */
const stubFetch: typeof fetch = async (input, init) => {
  const request = new Request(input, init);
  return new Response(request.url.endsWith('/token') ? TOKEN_BODY : SEARCH_BODY, {
    headers: JSON_HEADERS,
  });
};

/**
 * Client CPU per call that each contender spends besides the network: the same warm clients driven
 * against `stubFetch` one call at a time, every contender once per turn in a rotating order, the time
 * of each call summed per contender. Nothing waits on I/O, so that time is CPU time on this thread.
 * Interleaving single calls pairs the contenders at the finest grain: drifts of the machine (two
 * shared cores in a VM: the same code measured in rounds of 200 ms moved ±10 %) hit all of them
 * alike, and garbage collection falls to whichever allocates. Whole runs still differ (the machine's
 * speed, fresh clients, a different JIT outcome), so there are `repeats` runs with new clients, each
 * contender's time is taken relative to the baseline's in the same run, and the median of those
 * ratios is scaled by the baseline's median time. Returns µs per call (NaN on a failure).
 */
export async function measureOwnCpu(
  contenders: readonly Contender[],
  baseline: string,
  { calls = 15_000, warmup = 3_000, repeats = 5 } = {},
): Promise<Map<string, number>> {
  const real = globalThis.fetch;
  globalThis.fetch = stubFetch;
  try {
    const runs: Array<Map<string, number>> = [];
    for (let repeat = 0; repeat < repeats; repeat++) {
      // Created while the stub is global: openapi-fetch captures fetch when a client is created.
      const instances = contenders.map((c) => ({
        name: c.name,
        instance: c.create({ origin: 'http://127.0.0.1:9', clientId: 'own', clientSecret: 's' }),
        ms: 0,
      }));
      for (let turn = 0; turn < warmup + calls; turn++) {
        for (const entry of rotate(instances, turn)) {
          const start = performance.now();
          try {
            await entry.instance.get('/api/search');
          } catch {
            entry.ms = Number.NaN;
          }
          if (turn >= warmup) entry.ms += performance.now() - start;
        }
      }
      for (const { instance } of instances) instance.dispose();
      runs.push(new Map(instances.map(({ name, ms }) => [name, (ms * 1000) / calls])));
    }
    const base = median(runs.map((r) => r.get(baseline) as number));
    return new Map(
      contenders.map(({ name }) => [
        name,
        base * median(runs.map((r) => (r.get(name) as number) / (r.get(baseline) as number))),
      ]),
    );
  } finally {
    globalThis.fetch = real;
  }
}
