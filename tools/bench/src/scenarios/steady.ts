import type { Instance } from '../contenders/types.js';
import { clientIdFor, drive, median, rotate } from '../measure.js';
import type { Scenario, Target } from '../scenario.js';
import { CONTENDER_NAMES } from './names.js';

/**
 * Warm clients (token cached) kept `concurrency` deep for `roundMs` each, every contender once per
 * round in a rotating order; ratios to the static baseline are taken per round, then the median.
 * Client and server share two cores, so single rounds swing; medians of per-round ratios do not.
 */
export const steady: Scenario = {
  id: 'steady',
  async run({ vendor, profile, contenders }) {
    const { rounds, roundMs, concurrency } = profile.steady;
    const instances = new Map(
      contenders.map((c) => [
        c.name,
        c.create({
          origin: vendor.origin,
          clientId: clientIdFor(c, 'steady'),
          clientSecret: 'bench-secret',
        }),
      ]),
    );
    // Tokens, connections, JIT: one unmeasured round.
    for (const c of contenders)
      await drive(instances.get(c.name) as Instance, concurrency, roundMs);
    const rounds_: Array<Map<string, { rps: number; cpuUs: number; failures: number }>> = [];
    for (let round = 0; round < rounds; round++) {
      const results = new Map<string, { rps: number; cpuUs: number; failures: number }>();
      for (const c of rotate(contenders, round)) {
        const r = await drive(instances.get(c.name) as Instance, concurrency, roundMs);
        results.set(c.name, {
          rps: r.calls / (r.ms / 1000),
          cpuUs: r.cpuUs / r.calls,
          failures: r.failures,
        });
      }
      rounds_.push(results);
    }
    for (const instance of instances.values()) instance.dispose();
    const base = CONTENDER_NAMES.static;
    const ratio = (name: string, key: 'rps' | 'cpuUs') =>
      median(rounds_.map((r) => (r.get(name)?.[key] as number) / (r.get(base)?.[key] as number)));
    const rows = contenders.map((c) => ({
      contender: c.name,
      rps: median(rounds_.map((r) => r.get(c.name)?.rps as number)),
      rpsRatio: ratio(c.name, 'rps'),
      cpuUs: median(rounds_.map((r) => r.get(c.name)?.cpuUs as number)),
      cpuRatio: ratio(c.name, 'cpuUs'),
      failures: rounds_.reduce((sum, r) => sum + (r.get(c.name)?.failures ?? 0), 0),
    }));
    const row = (name: string) => rows.find((r) => r.contender === name);
    // Targets are judged on client CPU per request: on two shared cores requests/s swings with
    // whatever else runs (the server included), while CPU per request is what the library costs.
    const targets: Target[] = [];
    const layer = row(CONTENDER_NAMES.authFetch);
    if (layer) {
      targets.push({
        scenario: 'steady state',
        claim:
          'token layer alone (createAuthFetch) within 5 % of the static baseline (client CPU per request)',
        measured: `CPU/request ×${layer.cpuRatio.toFixed(3)}; requests/s ×${layer.rpsRatio.toFixed(3)}`,
        pass: layer.cpuRatio <= 1.05,
      });
    }
    const typed = row(CONTENDER_NAMES.typed);
    const middleware = row(CONTENDER_NAMES.middleware);
    if (typed && middleware) {
      targets.push({
        scenario: 'steady state',
        claim:
          'typed client no worse than openapi-fetch + its auth middleware (client CPU per request, 2 % allowance)',
        measured: `typed ×${typed.cpuRatio.toFixed(3)} vs middleware ×${middleware.cpuRatio.toFixed(3)} of baseline CPU/request; requests/s ×${typed.rpsRatio.toFixed(3)} vs ×${middleware.rpsRatio.toFixed(3)}`,
        pass: typed.cpuRatio <= middleware.cpuRatio * 1.02,
      });
    }
    return {
      tables: [
        {
          id: 'steady',
          title: 'Steady-state overhead (token cached)',
          description: `${concurrency} concurrent callers, ${rounds} rounds of ${roundMs} ms per contender, interleaved; medians, ratios to the static baseline per round.`,
          columns: [
            { key: 'rps', label: 'requests/s' },
            { key: 'rpsRatio', label: 'req/s vs static', digits: 3 },
            { key: 'cpuUs', label: 'client CPU µs/request', digits: 1 },
            { key: 'cpuRatio', label: 'CPU vs static', digits: 3 },
            { key: 'failures', label: 'failures' },
          ],
          rows,
        },
      ],
      targets,
    };
  },
};
