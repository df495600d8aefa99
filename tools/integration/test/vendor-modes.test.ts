import { createSparqueClient } from '@searchauth/sparque';
import { createSquirroClient } from '@searchauth/squirro';
import { type Simulator, simulatorClientOptions, startSimulator } from '@searchauth/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { simClock } from './support/clock.js';

const running: Simulator[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((sim) => sim.stop()));
});
async function simulator(options: Parameters<typeof startSimulator>[0]) {
  const sim = await startSimulator(options);
  running.push(sim);
  return sim;
}

describe('SPARQUE account without the API Usage role (every API call answers 401)', () => {
  it('fails each call with ERR_UNAUTHORIZED and forces one login per 30 s at most: the quota is spared', async () => {
    const sim = await simulator({ vendors: ['sparque'], sparqueAccountRole: 'Data Provider' });
    const client = createSparqueClient(simulatorClientOptions(sim).sparque);
    const search = () =>
      client.query({ endpoints: [{ name: 'search', parameters: { query: 'tent' } }] });

    // The first call: the request, one forced login (ForceReauth), the replay, both refused.
    await expect(search()).rejects.toMatchObject({ code: 'ERR_UNAUTHORIZED', status: 401 });
    // The token was refused seconds after it was issued: the account lacks a permission. Within
    // 30 s no call logs in again; each says so and names the fix.
    const calls = 4;
    for (let i = 1; i < calls; i++) {
      await expect(search()).rejects.toMatchObject({
        code: 'ERR_UNAUTHORIZED',
        message: expect.stringMatching(/check the account's permissions/),
      });
    }
    expect(sim.requestCount({ endpoint: 'query' })).toBeLessThanOrEqual(calls);
    expect(sim.requestCount({ endpoint: 'token' })).toBeLessThanOrEqual(3);
    expect(sim.mintCount({ vendor: 'sparque' })).toBeLessThanOrEqual(2);
    client.dispose();
  });
});

describe('Squirro multi-node cluster (a login hands back the still-valid access token)', () => {
  it('recovers when a login returned a token older than the client assumes: one 401, one new login', async () => {
    const sim = await simulator({ vendors: ['squirro'], squirroReusesAccessTokens: true });
    const options = simulatorClientOptions(sim).squirro;
    const search = (client: ReturnType<typeof createSquirroClient>) =>
      client.searchItems({ projectId: sim.credentials.squirro.projectId, query: 'tent' });

    // Process 1 logs in at t0: token A, which the server ends at t0 + 600 s.
    const first = createSquirroClient({ ...options, clock: simClock(sim) });
    await search(first);
    // Process 2 logs in 300 s later and is handed A again; it assumes A lives 600 s from now.
    sim.advanceClock(300_000);
    const second = createSquirroClient({ ...options, clock: simClock(sim) });
    await search(second);
    expect(sim.mintCount({ vendor: 'squirro' })).toBe(1);

    // At t0 + 700 s A is gone, though process 2 expects it to last until t0 + 900 s.
    sim.advanceClock(400_000);
    const page = await search(second);
    expect(page.items.length).toBeGreaterThan(0);
    expect(sim.requestCount({ endpoint: 'items-query', status: 401 })).toBe(1);
    expect(sim.requestCount({ endpoint: 'token' })).toBe(3);
    expect(sim.mintCount({ vendor: 'squirro' })).toBe(2);
    first.dispose();
    second.dispose();
  });
});
