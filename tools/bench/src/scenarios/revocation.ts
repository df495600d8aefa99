import { memoryStore } from '@searchauth/core';
import type { Contender } from '../contenders/types.js';
import { clientIdFor, drive, median, rotate } from '../measure.js';
import type { Context, Scenario, Target } from '../scenario.js';

const LIFETIME_SECONDS = 2;

/** Several instances of one client against a vendor whose every mint revokes the previous token. */
async function fleet(context: Context, c: Contender, shared: boolean) {
  const { vendor, profile } = context;
  const { ms, instances, concurrency } = profile.revocation;
  const clientId = clientIdFor(c, shared ? 'revoke-shared' : 'revoke');
  await vendor.configure({ [clientId]: { lifetimeSeconds: LIFETIME_SECONDS, revokeOnMint: true } });
  // One process here: a shared memoryStore stands in for store-redis (its fleet bench covers processes).
  const store = shared ? memoryStore() : undefined;
  const fleet = Array.from({ length: instances }, () =>
    c.create({
      origin: vendor.origin,
      clientId,
      clientSecret: 'bench-secret',
      store,
      mintRevokesPrevious: true,
    }),
  );
  const loads = await Promise.all(fleet.map((instance) => drive(instance, concurrency, ms)));
  for (const instance of fleet) instance.dispose();
  const stats = await vendor.stats(clientId);
  return {
    calls: loads.reduce((sum, l) => sum + l.calls, 0),
    failures: loads.reduce((sum, l) => sum + l.failures, 0),
    unauthorized: stats.unauthorized,
    tokens: stats.tokenRequests,
  };
}

type Sample = Awaited<ReturnType<typeof fleet>>;

/**
 * Revocation on mint (Lucidworks predict): 4 independent instances, then 4 sharing a store; every
 * contender once per repeat, in a rotated order, medians in the table.
 */
export const revocation: Scenario = {
  id: 'revocation',
  async run(context) {
    const { profile } = context;
    const contenders = context.contenders.filter((c) => c.name !== 'static token (baseline)');
    const alone = new Map<string, Sample[]>();
    const shared = new Map<string, Sample[]>();
    const add = (into: Map<string, Sample[]>, name: string, sample: Sample) =>
      into.set(name, [...(into.get(name) ?? []), sample]);
    for (let rep = 0; rep < profile.repeats; rep++) {
      for (const c of rotate(contenders, rep)) {
        add(alone, c.name, await fleet(context, c, false));
        if (c.sharesStore) add(shared, c.name, await fleet(context, c, true));
      }
    }
    const pick = (from: Map<string, Sample[]>, name: string, key: keyof Sample) => {
      const list = from.get(name);
      return list ? median(list.map((s) => s[key])) : 'n/a';
    };
    const rows = contenders.map((c) => ({
      contender: c.name,
      tokens: pick(alone, c.name, 'tokens'),
      unauthorized: pick(alone, c.name, 'unauthorized'),
      failures: pick(alone, c.name, 'failures'),
      sharedTokens: pick(shared, c.name, 'tokens'),
      sharedUnauthorized: pick(shared, c.name, 'unauthorized'),
      sharedFailures: pick(shared, c.name, 'failures'),
    }));
    const { instances, concurrency, ms } = profile.revocation;
    // With a shared store the instances share one token: no call may fail (the 401s of a token
    // revoked in flight are recovered). Without one they cannot be served, only diagnosed.
    const targets: Target[] = contenders
      .filter((c) => c.searchauth && c.sharesStore)
      .map((c) => {
        const list = shared.get(c.name) ?? [];
        const failures = Math.max(...list.map((s) => s.failures));
        return {
          scenario: 'revocation on mint',
          claim: `${c.name}: ${instances} instances sharing a store, 0 caller failures`,
          measured: `${failures} failure(s) (worst of ${list.length} run(s))`,
          pass: failures === 0,
        };
      });
    return {
      tables: [
        {
          id: 'revocation',
          title: 'Revocation on mint: 4 instances, every mint revokes the previous token',
          description: `${instances} instances × ${concurrency} callers for ${ms / 1000} s, ${LIFETIME_SECONDS} s tokens; left independent instances, right the same ${instances} sharing one memoryStore (in one process); median of ${profile.repeats} run(s).`,
          columns: [
            { key: 'tokens', label: 'token requests' },
            { key: 'unauthorized', label: '401s at server' },
            { key: 'failures', label: 'caller failures' },
            { key: 'sharedTokens', label: 'shared store: token requests' },
            { key: 'sharedUnauthorized', label: 'shared: 401s' },
            { key: 'sharedFailures', label: 'shared: failures' },
          ],
          rows,
        },
      ],
      targets,
    };
  },
};
