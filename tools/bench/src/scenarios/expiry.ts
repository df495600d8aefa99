import { clientIdFor, drive, median, rotate } from '../measure.js';
import type { Scenario, Target } from '../scenario.js';

const LIFETIME_SECONDS = 1;

/** 1-second tokens under constant load: who fails, who meets 401s, how many token requests. */
export const expiry: Scenario = {
  id: 'expiry',
  async run({ vendor, profile, contenders }) {
    const { ms, concurrency } = profile.expiry;
    const samples = new Map<string, Array<Record<string, number>>>();
    for (let rep = 0; rep < profile.repeats; rep++) {
      for (const c of rotate(contenders, rep)) {
        const clientId = clientIdFor(c, 'expiry');
        await vendor.configure({ [clientId]: { lifetimeSeconds: LIFETIME_SECONDS } });
        const instance = c.create({
          origin: vendor.origin,
          clientId,
          clientSecret: 'bench-secret',
        });
        const unknownBefore = await vendor.unknownUnauthorized();
        const load = await drive(instance, concurrency, ms);
        instance.dispose();
        const stats = await vendor.stats(clientId);
        const list = samples.get(c.name) ?? [];
        list.push({
          calls: load.calls,
          failures: load.failures,
          unauthorized: stats.unauthorized + (await vendor.unknownUnauthorized()) - unknownBefore,
          tokens: stats.tokenRequests,
          tokensPerLifetime: stats.tokenRequests / (load.ms / 1000 / LIFETIME_SECONDS),
        });
        samples.set(c.name, list);
      }
    }
    const pick = (name: string, key: string) =>
      median((samples.get(name) ?? []).map((s) => s[key] as number));
    const targets: Target[] = contenders
      .filter((c) => c.searchauth)
      .map((c) => {
        const list = samples.get(c.name) ?? [];
        const failures = Math.max(...list.map((s) => s.failures as number));
        const unauthorized = Math.max(...list.map((s) => s.unauthorized as number));
        return {
          scenario: 'expiry under load',
          claim: `${c.name}: 0 caller failures and 0 401s at the server with 1 s tokens`,
          measured: `${failures} failure(s), ${unauthorized} 401(s) (worst of ${list.length} run(s))`,
          pass: failures === 0 && unauthorized === 0,
        };
      });
    return {
      tables: [
        {
          id: 'expiry',
          title: 'Expiry under load: 1 s tokens',
          description: `${concurrency} concurrent callers for ${ms / 1000} s against tokens that live 1 s; median of ${profile.repeats} run(s).`,
          columns: [
            { key: 'calls', label: 'calls' },
            { key: 'failures', label: 'caller failures' },
            { key: 'unauthorized', label: '401s at server' },
            { key: 'tokens', label: 'token requests' },
            { key: 'tokensPerLifetime', label: 'token requests per lifetime', digits: 1 },
          ],
          rows: contenders.map((c) => ({
            contender: c.name,
            calls: pick(c.name, 'calls'),
            failures: pick(c.name, 'failures'),
            unauthorized: pick(c.name, 'unauthorized'),
            tokens: pick(c.name, 'tokens'),
            tokensPerLifetime: pick(c.name, 'tokensPerLifetime'),
          })),
        },
      ],
      targets,
    };
  },
};
