import { clientIdFor, median, rotate } from '../measure.js';
import type { Scenario, Table, Target } from '../scenario.js';

/** N concurrent requests on a cold client: how many token requests reach the server. */
export const stampede: Scenario = {
  id: 'stampede',
  async run({ vendor, profile, contenders }) {
    const tables: Table[] = [];
    const targets: Target[] = [];
    for (const size of profile.stampedeSizes) {
      const samples = new Map<
        string,
        Array<{ tokens: number; failures: number; unauthorized: number; ms: number }>
      >();
      // 10,000 requests per contender take seconds: one run at that size.
      for (let rep = 0; rep < (size > 1_000 ? 1 : profile.repeats); rep++) {
        for (const contender of rotate(contenders, rep)) {
          const clientId = clientIdFor(contender, 'stampede');
          const instance = contender.create({
            origin: vendor.origin,
            clientId,
            clientSecret: 'bench-secret',
          });
          const unknownBefore = await vendor.unknownUnauthorized();
          const start = performance.now();
          const results = await Promise.allSettled(
            Array.from({ length: size }, () => instance.get('/api/search')),
          );
          const ms = performance.now() - start;
          instance.dispose();
          const stats = await vendor.stats(clientId);
          const list = samples.get(contender.name) ?? [];
          list.push({
            tokens: stats.tokenRequests,
            failures: results.filter((r) => r.status === 'rejected').length,
            unauthorized: stats.unauthorized + (await vendor.unknownUnauthorized()) - unknownBefore,
            ms,
          });
          samples.set(contender.name, list);
        }
      }
      tables.push({
        id: `stampede-${size}`,
        title: `Cold stampede: ${size.toLocaleString('en')} concurrent requests`,
        description: `${size.toLocaleString('en')} requests started at once on a new client; median of ${size > 1_000 ? 1 : profile.repeats} run(s).`,
        columns: [
          { key: 'tokens', label: 'token requests' },
          { key: 'failures', label: 'caller failures' },
          { key: 'unauthorized', label: '401s at server' },
          { key: 'ms', label: 'time (ms)' },
        ],
        rows: contenders.map((c) => {
          const list = samples.get(c.name) ?? [];
          return {
            contender: c.name,
            tokens: median(list.map((s) => s.tokens)),
            failures: median(list.map((s) => s.failures)),
            unauthorized: median(list.map((s) => s.unauthorized)),
            ms: median(list.map((s) => s.ms)),
          };
        }),
      });
      for (const c of contenders.filter((c) => c.searchauth)) {
        const list = samples.get(c.name) ?? [];
        const worst = Math.max(...list.map((s) => s.tokens));
        const failed = Math.max(...list.map((s) => s.failures));
        targets.push({
          scenario: `stampede ${size}`,
          claim: `${c.name}: exactly 1 token request for ${size.toLocaleString('en')} callers, none failing`,
          measured: `${list.map((s) => s.tokens).join(', ')} token request(s); ${failed} failure(s)`,
          pass: worst === 1 && Math.min(...list.map((s) => s.tokens)) === 1 && failed === 0,
        });
      }
    }
    return { tables, targets };
  },
};
