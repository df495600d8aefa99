import { isSearchAuthError } from '@searchauth/core';
import { describe, expect, it } from 'vitest';
import { useSimulator } from './support/sim.js';
import { lucidworksAIClient } from './support/vendors.js';

// Two processes with the same Lucidworks AI credentials and no shared store: each new predict token
// revokes the other's. That cannot be served well, but it must say what is going on (the fix,
// @searchauth/store-redis, has its own tests against a real Redis in packages/store-redis).
const sim = useSimulator({ vendors: ['lucidworks-ai'], tokenLifetimeSeconds: 3600 });
const embed = (ai: ReturnType<typeof lucidworksAIClient>, text: string) =>
  ai.predict('embedding', 'gte-small', { batch: [{ text }] });

describe('a fleet without a shared store on a revoking vendor', () => {
  it('names the other process and the shared store when a fresh token is rejected', async () => {
    const a = lucidworksAIClient(sim());
    const b = lucidworksAIClient(sim());
    try {
      await embed(a, 'a1'); // a mints
      await embed(b, 'b1'); // b mints, revoking a's token
      await embed(a, 'a2'); // a's 401: one forced new token, revoking b's
      await embed(b, 'b2'); // b's 401: the same
      // a's token, seconds old, is rejected again: no third mint in this window, a diagnosis instead.
      const error = await embed(a, 'a3').catch((e: unknown) => e);
      expect(isSearchAuthError(error) && error.code).toBe('ERR_UNAUTHORIZED');
      expect((error as Error).message).toMatch(/after issue: check the account's permissions/);
      expect((error as Error).message).toMatch(/another process minted and revoked it/);
      expect((error as Error).message).toContain('@searchauth/store-redis');
      expect(sim().mintCount({ scope: 'machinelearning.predict' })).toBe(4);
    } finally {
      a.dispose();
      b.dispose();
    }
  });
});
