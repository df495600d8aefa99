import type { Contender, Instance } from '../contenders/types.js';
import { drive, median, rotate } from '../measure.js';

// The bench server's search reply, sent the way it sends it (chunked: no Content-Length).
const SEARCH_BODY = JSON.stringify({ total: 1, items: [{ id: 'a', title: 'tent' }] });

/**
 * Stands in for the network: builds the Request fetch would build from its arguments (so how a
 * library calls fetch still costs what it costs), then answers at once, as the bench server would.
 */
const stubFetch: typeof fetch = async (input, init) => {
  const request = new Request(input, init);
  const json = (text: string) =>
    new Response(new Blob([text]).stream(), { headers: { 'content-type': 'application/json' } });
  return request.url.endsWith('/token')
    ? json(JSON.stringify({ access_token: `own-${'x'.repeat(24)}`, expires_in: 3600 }))
    : json(SEARCH_BODY);
};

/**
 * Client CPU per call that each contender spends besides the network: the same warm clients driven
 * against `stubFetch`, every contender once per round in a rotating order, median per contender.
 * End-to-end figures on two shared cores swing by ±10 % between runs of the same code; this one
 * keeps the transport, which is the same for all, out of the comparison.
 */
export async function measureOwnCpu(
  contenders: readonly Contender[],
  { rounds = 15, roundMs = 200, concurrency = 16 } = {},
): Promise<Map<string, number>> {
  const real = globalThis.fetch;
  globalThis.fetch = stubFetch;
  try {
    // Created while the stub is global: openapi-fetch captures fetch when a client is created.
    const instances = contenders.map(
      (c) =>
        [
          c.name,
          c.create({ origin: 'http://127.0.0.1:9', clientId: 'own', clientSecret: 's' }),
        ] as const,
    );
    const perRound: Array<Map<string, number>> = [];
    for (const [, instance] of instances) await drive(instance, concurrency, roundMs);
    for (let round = 0; round < rounds; round++) {
      const cpu = new Map<string, number>();
      for (const [name, instance] of rotate(instances, round)) {
        const load = await drive(instance as Instance, concurrency, roundMs);
        cpu.set(name, load.failures ? Number.NaN : load.cpuUs / load.calls);
      }
      perRound.push(cpu);
    }
    for (const [, instance] of instances) instance.dispose();
    return new Map(
      instances.map(([name]) => [name, median(perRound.map((r) => r.get(name) as number))]),
    );
  } finally {
    globalThis.fetch = real;
  }
}
