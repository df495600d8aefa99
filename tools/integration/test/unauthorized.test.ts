import { describe, expect, it } from 'vitest';
import { expectFailure, SecretLedger } from './support/secrets.js';
import { useSimulator } from './support/sim.js';
import { callsOf, mintsOf, VENDOR_CASES } from './support/vendors.js';

const sim = useSimulator();
const cases = VENDOR_CASES.map((c) => [c.name, c] as const);

describe('401 recovery', () => {
  it.each(cases)('%s: a revoked token costs one new mint and one replay', async (_name, c) => {
    const s = sim();
    const client = c.create(s);
    await client.call('tent');
    const before = await client.tokens.getToken();
    expect(s.revokeTokens({ vendor: c.vendor, scope: c.scope })).toBe(1);

    await expect(client.call('jacket')).resolves.toBeGreaterThan(0);
    expect(mintsOf(s, c)).toBe(2);
    expect(callsOf(s, c, 401)).toBe(1);
    expect(callsOf(s, c, 200)).toBe(2);
    expect(await client.tokens.getToken()).not.toBe(before);
    expect(client.tokens.stats()).toMatchObject({ mints: 2, invalidations: 1 });
    client.dispose();
  });

  it.each(cases)('%s: 50 callers hit by one revocation share one new mint', async (_name, c) => {
    const s = sim();
    const client = c.create(s);
    await client.call('tent');
    s.revokeTokens({ vendor: c.vendor, scope: c.scope });

    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => client.call(`tent ${i}`)),
    );
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    expect(mintsOf(s, c)).toBe(2);
    // Every request that left with the dead token is replayed once; none twice.
    expect(callsOf(s, c, 401)).toBe(50);
    expect(callsOf(s, c, 200)).toBe(51);
    client.dispose();
  });

  it.each(cases)('%s: a 401 after the replay is ERR_UNAUTHORIZED', async (_name, c) => {
    const s = sim();
    const ledger = new SecretLedger(s);
    // The server revokes every token just before each API request reaches it.
    const hostile: typeof fetch = (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      if (!/\/(token|auth)$/.test(new URL(url).pathname)) s.revokeTokens({ vendor: c.vendor });
      return ledger.fetch(input, init);
    };
    const client = c.create(s, { fetch: hostile });
    await expectFailure(ledger, client.call('tent'), 'ERR_UNAUTHORIZED');
    expect(callsOf(s, c, 401)).toBe(2);
    expect(mintsOf(s, c)).toBe(2);
    expect(ledger.size).toBeGreaterThanOrEqual(2);
    client.dispose();
  });
});
