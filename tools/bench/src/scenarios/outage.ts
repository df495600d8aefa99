import type { Contender, Instance } from '../contenders/types.js';
import { clientIdFor, drive, sleep, tokenRate } from '../measure.js';
import type { Cell, Context, Scenario, Target } from '../scenario.js';

/** Token endpoint answers 503 while callers keep calling. */
type Phase = 'before expiry' | 'after expiry';
const LIFETIME_SECONDS: Record<Phase, number> = { 'before expiry': 2, 'after expiry': 1 };

async function prepare(context: Context, c: Contender, phase: Phase) {
  const clientId = clientIdFor(c, 'outage');
  await context.vendor.configure({ [clientId]: { lifetimeSeconds: LIFETIME_SECONDS[phase] } });
  const instance = c.create({
    origin: context.vendor.origin,
    clientId,
    clientSecret: 'bench-secret',
  });
  // Every contender starts holding a valid token.
  await instance.get('/api/search').catch(() => {});
  return { c, clientId, instance };
}

/**
 * One outage: the given contenders side by side (each its own client id), `callers` callers each.
 * "before expiry": the outage starts while the token is valid and outlasts it; "after expiry": it
 * starts once the token has expired. Callers pause between calls (more callers, longer pause) so a
 * client that fails at once does not spin the CPU the others need.
 */
async function outageRun(context: Context, contenders: Contender[], phase: Phase, callers: number) {
  const { vendor, profile } = context;
  const runs: Array<{ c: Contender; clientId: string; instance: Instance }> = [];
  for (const c of contenders) runs.push(await prepare(context, c, phase));
  if (phase === 'after expiry') await sleep(LIFETIME_SECONDS[phase] * 1000 + 100);
  await vendor.outage(503);
  const from = Date.now();
  const pauseMs = Math.max(10, callers / 10);
  const loads = await Promise.all(
    runs.map((r) => drive(r.instance, callers, profile.outage.ms, { pauseMs })),
  );
  const to = Date.now();
  await vendor.outage(undefined);
  for (const r of runs) r.instance.dispose();
  return Promise.all(
    runs.map(async (r, i) => {
      const stats = await vendor.stats(r.clientId);
      const rate = tokenRate(stats.tokenTimes, from, to);
      return {
        contender: r.c,
        calls: loads[i]?.calls ?? 0,
        failures: loads[i]?.failures ?? 0,
        ...rate,
      };
    }),
  );
}

/** Up to 10 callers the contenders share one outage; 1,000 callers each get their own. */
async function outageRuns(context: Context, phase: Phase, callers: number) {
  const contenders = context.contenders.filter((c) => c.name !== 'static token (baseline)');
  if (callers <= 10) return outageRun(context, contenders, phase, callers);
  const results = [];
  for (const c of contenders) results.push(...(await outageRun(context, [c], phase, callers)));
  return results;
}

export const outage: Scenario = {
  id: 'outage',
  async run(context) {
    const { profile } = context;
    const rows: Array<{ contender: string } & Record<string, Cell>> = [];
    const targets: Target[] = [];
    for (const phase of ['before expiry', 'after expiry'] as const) {
      for (const callers of profile.outage.callers) {
        for (const r of await outageRuns(context, phase, callers)) {
          rows.push({
            contender: `${r.contender.name} — ${phase}, ${callers.toLocaleString('en')} caller(s)`,
            library: r.contender.name,
            calls: r.calls,
            failures: r.failures,
            tokens: r.count,
            perSecond: r.perSecond,
            peak: r.peak,
          });
          if (r.contender.searchauth) {
            targets.push({
              scenario: 'token endpoint outage',
              claim: `${r.contender.name}, ${phase}, ${callers} caller(s): ≤ 2 token requests/s`,
              measured: `${r.perSecond.toFixed(2)}/s (peak ${r.peak} in one second, ${r.count} in ${profile.outage.ms / 1000} s)`,
              pass: r.perSecond <= 2,
            });
          }
        }
      }
    }
    return {
      tables: [
        {
          id: 'outage',
          title: 'Token endpoint outage (503 on every token request)',
          description: `Outage of ${profile.outage.ms / 1000} s; tokens live ${LIFETIME_SECONDS['before expiry']} s (before expiry: the outage starts with a valid token and outlasts it) or 1 s (after expiry: it starts once the token has expired). Up to 10 callers the contenders share one outage (one key each); 1,000 callers run one contender at a time.`,
          columns: [
            { key: 'calls', label: 'calls' },
            { key: 'failures', label: 'caller failures' },
            { key: 'tokens', label: 'token requests' },
            { key: 'perSecond', label: 'token requests/s', digits: 2 },
            { key: 'peak', label: 'busiest second' },
          ],
          rows,
        },
      ],
      targets,
    };
  },
};
