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
    const targets: Target[] = [];
    const layer = row(CONTENDER_NAMES.authFetch);
    if (layer) {
      targets.push({
        scenario: 'steady state',
        claim: 'token layer alone (createAuthFetch) within 5 % of the static baseline (requests/s)',
        measured: `${(layer.rpsRatio * 100).toFixed(1)} % of baseline requests/s; CPU/request ×${layer.cpuRatio.toFixed(3)}`,
        pass: layer.rpsRatio >= 0.95,
      });
    }
    const typed = row(CONTENDER_NAMES.typed);
    const middleware = row(CONTENDER_NAMES.middleware);
    if (typed && middleware) {
      // Both run openapi-fetch; a 2-point allowance covers round-to-round noise on a shared machine.
      targets.push({
        scenario: 'steady state',
        claim:
          'typed client no worse than openapi-fetch + its auth middleware (requests/s ratio, 2-point noise allowance)',
        measured: `typed ${(typed.rpsRatio * 100).toFixed(1)} % vs middleware ${(middleware.rpsRatio * 100).toFixed(1)} % of baseline`,
        pass: typed.rpsRatio >= middleware.rpsRatio - 0.02,
      });
    }
    return {
      tables: [
        {
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
