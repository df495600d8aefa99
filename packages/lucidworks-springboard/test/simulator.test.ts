import { type Simulator, startSimulator } from '@searchauth/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSpringboardClient, type SpringboardClientOptions } from '../src/index.js';
import { doc } from './setup.js';

// Real HTTP on 127.0.0.1 against the testkit's Springboard simulator, which follows the spec.
let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator({ vendors: ['lucidworks-springboard'] });
});
afterAll(async () => {
  await sim.stop();
});

function client(overrides: Partial<SpringboardClientOptions> = {}) {
  const creds = sim.credentials['lucidworks-springboard'];
  return createSpringboardClient({
    applicationId: creds.applicationId,
    clientId: creds.clientId,
    clientSecret: creds.clientSecret,
    identityBaseUrl: sim.urls['lucidworks-springboard'].identityBaseUrl,
    apiBaseUrl: sim.urls['lucidworks-springboard'].baseUrl,
    retry: false,
    ...overrides,
  });
}

const session = { utcOffset: '+01:00', sessionId: 'sim-session' };

describe('against the Springboard simulator', () => {
  it('searches, reads a detail and related content with one query token', async () => {
    sim.resetLog();
    const springboard = client();
    const found = await springboard.search({ query: 'shoes', limit: 3, ...session });
    expect(found.docs.length).toBeGreaterThan(0);
    const first = found.docs[0]?.id ?? '';
    await expect(springboard.detail({ id: first })).resolves.toMatchObject({ id: first });
    const related = await springboard.relatedContent({ probe: { documentId: first }, ...session });
    expect(related.docs?.every((d) => d.id !== first)).toBe(true);
    expect(sim.mintCount({ scope: 'connectedsearch.query' })).toBe(1);
    expect(sim.mintCount({ scope: 'datasource.push' })).toBe(0);
    springboard.dispose();
  });

  it('pushes 450 documents in three requests and deletes them again', async () => {
    sim.resetLog();
    const springboard = client();
    const datasource = sim.credentials['lucidworks-springboard'].datasourceId;
    const docs = Array.from({ length: 450 }, (_, i) => doc(`sim-${i}`));
    const saved = await springboard.saveDocuments(datasource, docs);
    expect(saved.ok).toBe(true);
    expect(saved.batches.map((b) => b.externalIds.length)).toEqual([200, 200, 50]);
    const deleted = await springboard.deleteDocuments(datasource, ['sim-0', 'sim-1']);
    expect(deleted.batches[0]?.response).toMatchObject({ deleted: 2 });
    expect(sim.mintCount({ scope: 'datasource.push' })).toBe(1);
    springboard.dispose();
  });

  it('recovers from a revoked query token with one new token', async () => {
    sim.resetLog();
    const springboard = client();
    await springboard.search({ query: 'red', ...session });
    sim.revokeTokens({ vendor: 'lucidworks-springboard', scope: 'connectedsearch.query' });
    await springboard.search({ query: 'blue', ...session });
    expect(sim.mintCount({ scope: 'connectedsearch.query' })).toBe(2);
    springboard.dispose();
  });

  it('combinedScopes: one token serves both APIs', async () => {
    sim.resetLog();
    const springboard = client({ combinedScopes: true });
    const datasource = sim.credentials['lucidworks-springboard'].datasourceId;
    await springboard.search({ query: 'shoes', ...session });
    await springboard.saveDocuments(datasource, [doc('combined-1')]);
    expect(sim.mintCount({ vendor: 'lucidworks-springboard' })).toBe(1);
    springboard.dispose();
  });

  it('maps a missing document to ERR_NOT_FOUND', async () => {
    const springboard = client();
    await expect(springboard.detail({ id: 'no-such-doc' })).rejects.toMatchObject({
      code: 'ERR_NOT_FOUND',
      status: 404,
    });
    springboard.dispose();
  });
});
