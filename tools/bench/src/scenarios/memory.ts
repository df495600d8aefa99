import type { Cell, Scenario, Target } from '../scenario.js';

/** A token endpoint in-process (no sockets: 100,000 token requests over HTTP would take minutes). */
function tokenFetch(): typeof fetch {
  let n = 0;
  // A token the size of a typical JWT access token.
  const padding = 'x'.repeat(700);
  return async (input) => {
    const url = String(input instanceof Request ? input.url : input);
    if (!url.endsWith('/token')) return new Response('not found', { status: 404 });
    n++;
    return Response.json({
      access_token: `t${n}.${padding}`,
      token_type: 'Bearer',
      expires_in: 3600,
    });
  };
}

const gc = () => (globalThis as { gc?: () => void }).gc?.();
const heapMb = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1_048_576;
};

/**
 * Heap kept after caching a token per tenant, at the cap (10,000 tenants) and at 10× the cap: a
 * bounded cache keeps the second close to the first. Needs --expose-gc (pnpm bench sets it).
 */
export const memory: Scenario = {
  id: 'memory',
  async run({ profile, contenders }) {
    const { tenants, cap } = profile.memory;
    const rows: Array<{ contender: string } & Record<string, Cell>> = [];
    const targets: Target[] = [];
    if (!(globalThis as { gc?: unknown }).gc)
      throw new Error('memory scenario needs node --expose-gc');
    for (const c of contenders) {
      if (!c.cacheTenants) {
        rows.push({ contender: c.name, atCap: 'n/a', atTenants: 'n/a', perTenantBytes: 'n/a' });
        continue;
      }
      // One pass: the heap is read at the cap and at the end, while the cache is still reachable.
      const base = heapMb();
      const heap = new Map<number, number>();
      await c.cacheTenants(tenants, cap, tokenFetch(), (count) => {
        if (count === cap || count === tenants) heap.set(count, heapMb() - base);
      });
      const atCap = heap.get(cap) ?? Number.NaN;
      const atTenants = heap.get(tenants) ?? Number.NaN;
      rows.push({
        contender: c.name,
        atCap,
        atTenants,
        perTenantBytes: (atTenants * 1_048_576) / tenants,
      });
      if (c.searchauth) {
        targets.push({
          scenario: 'memory',
          claim: `${c.name}: heap bounded by the LRU cap (${tenants.toLocaleString('en')} tenants ≤ 1.25 × ${cap.toLocaleString('en')} tenants + 2 MB)`,
          measured: `${atTenants.toFixed(1)} MB after ${tenants.toLocaleString('en')} tenants, ${atCap.toFixed(1)} MB after ${cap.toLocaleString('en')}`,
          pass: atTenants <= atCap * 1.25 + 2,
        });
      }
    }
    return {
      tables: [
        {
          id: 'memory',
          title: `Memory: tokens for ${tenants.toLocaleString('en')} tenants, cap ${cap.toLocaleString('en')}`,
          description:
            'Heap (after GC) still held after caching one ~720-byte token per tenant, at the cap and at 10× the cap; the token endpoint is an in-process fetch. n/a: the library has no per-tenant cache to measure.',
          columns: [
            { key: 'atCap', label: `heap MB, ${cap.toLocaleString('en')} tenants`, digits: 1 },
            {
              key: 'atTenants',
              label: `heap MB, ${tenants.toLocaleString('en')} tenants`,
              digits: 1,
            },
            { key: 'perTenantBytes', label: `bytes/tenant at ${tenants.toLocaleString('en')}` },
          ],
          rows,
        },
      ],
      targets,
    };
  },
};
