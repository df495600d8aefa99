import { memoryStore } from '@searchauth/core';
import type { Contender } from '../contenders/types.js';
import { clientIdFor, drive } from '../measure.js';
import type { Cell, Context, Scenario } from '../scenario.js';

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

/** Revocation on mint (Lucidworks predict): 4 independent instances, then 4 sharing a store. */
export const revocation: Scenario = {
  id: 'revocation',
  async run(context) {
    const { profile, contenders } = context;
    const rows: Array<{ contender: string } & Record<string, Cell>> = [];
    for (const c of contenders.filter((c) => c.name !== 'static token (baseline)')) {
      const alone = await fleet(context, c, false);
      const shared = c.sharesStore ? await fleet(context, c, true) : undefined;
      rows.push({
        contender: c.name,
        tokens: alone.tokens,
        unauthorized: alone.unauthorized,
        failures: alone.failures,
        sharedTokens: shared?.tokens ?? 'n/a',
        sharedUnauthorized: shared?.unauthorized ?? 'n/a',
        sharedFailures: shared?.failures ?? 'n/a',
      });
    }
    const { instances, concurrency, ms } = profile.revocation;
    return {
      tables: [
        {
          id: 'revocation',
          title: 'Revocation on mint: 4 instances, every mint revokes the previous token',
          description: `${instances} instances × ${concurrency} callers for ${ms / 1000} s, ${LIFETIME_SECONDS} s tokens; left independent instances, right the same ${instances} sharing one memoryStore (in one process).`,
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
      targets: [],
    };
  },
};
