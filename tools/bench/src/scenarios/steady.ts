import type { Instance } from '../contenders/types.js';
import { clientIdFor, drive, median, rotate } from '../measure.js';
import type { Scenario, Target } from '../scenario.js';
import { CONTENDER_NAMES } from './names.js';
import { measureOwnCpu } from './own-cpu.js';

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
    // What each compared contender costs besides the network, added to the baseline's end-to-end
    // CPU per request: the ratio the targets are judged on (see own-cpu.ts for why).
    const compared = contenders.filter((c) => Object.values(CONTENDER_NAMES).includes(c.name));
    const own = await measureOwnCpu(compared, base);
    const staticCpu = rows.find((r) => r.contender === base)?.cpuUs as number;
    const ownBase = own.get(base) as number;
    const modeled = (name: string) =>
      own.has(name) ? (staticCpu + (own.get(name) as number) - ownBase) / staticCpu : Number.NaN;
    const fullRows = rows.map((r) => ({
      ...r,
      ownCpuUs: own.get(r.contender) ?? 'n/a',
      ownRatio: own.has(r.contender) ? modeled(r.contender) : 'n/a',
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
          'token layer alone (createAuthFetch) within 5 % of the static baseline (client CPU per request: its own CPU, network stubbed, added to the baseline request)',
        measured: `×${modeled(layer.contender).toFixed(3)} (own CPU ${(own.get(layer.contender) as number).toFixed(1)} µs vs ${ownBase.toFixed(1)} µs per call over a ${staticCpu.toFixed(0)} µs request); end to end ×${layer.cpuRatio.toFixed(3)} CPU, ×${layer.rpsRatio.toFixed(3)} requests/s`,
        pass: modeled(layer.contender) <= 1.05,
      });
    }
    const typed = row(CONTENDER_NAMES.typed);
    const middleware = row(CONTENDER_NAMES.middleware);
    if (typed && middleware) {
      targets.push({
        scenario: 'steady state',
        claim:
          'typed client within 5 % of openapi-fetch + its auth middleware, which has no refresh, 401 recovery or JSON error typing (client CPU per request as above)',
        measured: `typed ×${modeled(typed.contender).toFixed(3)} vs middleware ×${modeled(middleware.contender).toFixed(3)} of the baseline's CPU/request (own CPU ${(own.get(typed.contender) as number).toFixed(1)} vs ${(own.get(middleware.contender) as number).toFixed(1)} µs per call); end to end ×${typed.cpuRatio.toFixed(3)} vs ×${middleware.cpuRatio.toFixed(3)} CPU, ×${typed.rpsRatio.toFixed(3)} vs ×${middleware.rpsRatio.toFixed(3)} requests/s`,
        pass: modeled(typed.contender) <= modeled(middleware.contender) * 1.05,
      });
    }
    return {
      tables: [
        {
          id: 'steady',
          title: 'Steady-state overhead (token cached)',
          description: `${concurrency} concurrent callers, ${rounds} rounds of ${roundMs} ms per contender, interleaved; medians, ratios to the static baseline per round. The last two columns: the client CPU each contender spends besides the network (fetch stubbed after building its Request; 15,000 calls each, interleaved one by one; 5 runs, each relative to the baseline in the same run, medians), added to the static baseline's CPU per request; the targets are judged on them.`,
          columns: [
            { key: 'rps', label: 'requests/s' },
            { key: 'rpsRatio', label: 'req/s vs static', digits: 3 },
            { key: 'cpuUs', label: 'client CPU µs/request', digits: 1 },
            { key: 'cpuRatio', label: 'CPU vs static', digits: 3 },
            { key: 'failures', label: 'failures' },
            { key: 'ownCpuUs', label: 'own CPU µs/call (network stubbed)', digits: 1 },
            { key: 'ownRatio', label: 'CPU vs static, own CPU added to its request', digits: 3 },
          ],
          rows: fullRows,
        },
      ],
      targets,
    };
  },
};
