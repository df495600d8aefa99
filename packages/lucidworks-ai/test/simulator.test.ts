import { memoryStore } from '@searchauth/core';
import { type Simulator, startSimulator } from '@searchauth/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLucidworksAIClient, type LucidworksAIClientOptions } from '../src/index.js';

// Real HTTP on 127.0.0.1 against the testkit's Lucidworks AI simulator, which follows the spec.
let sim: Simulator;
const PREDICT = 'machinelearning.predict';
const fast = { initialDelayMs: 0, timeoutMs: 5_000 };

beforeAll(async () => {
  sim = await startSimulator({ vendors: ['lucidworks-ai'], asyncPollsUntilReady: 2 });
});
afterAll(async () => {
  await sim.stop();
});

function client(overrides: Partial<LucidworksAIClientOptions> = {}) {
  const creds = sim.credentials['lucidworks-ai'];
  const urls = sim.urls['lucidworks-ai'];
  return createLucidworksAIClient({
    applicationId: creds.applicationId,
    customerId: creds.customerId,
    clientId: creds.clientId,
    clientSecret: creds.clientSecret,
    identityBaseUrl: urls.identityBaseUrl,
    apiBaseUrl: urls.baseUrl,
    platformBaseUrl: urls.platformBaseUrl,
    retry: false,
    ...overrides,
  });
}

describe('against the Lucidworks AI simulator', () => {
  it('embeds, lists models and use cases with one token per scope', async () => {
    sim.resetLog();
    const ai = client();
    const result = await ai.predict('embedding', 'gte-small', {
      batch: [{ text: 'running shoes' }, { text: 'trail shoes' }],
      useCaseConfig: { dataType: 'query' },
    });
    expect(result.predictions).toHaveLength(2);
    expect(result.predictions[0]?.vector?.length).toBeGreaterThan(0);
    const models = await ai.listModels();
    expect(models.map((m) => m.id)).toContain('gte-small');
    await expect(ai.getModel('gte-small')).resolves.toMatchObject({ id: 'gte-small' });
    const useCases = await ai.listUseCases();
    expect(useCases.length).toBeGreaterThan(0);
    expect(sim.mintCount({ scope: PREDICT })).toBe(1);
    expect(sim.mintCount({ scope: 'machinelearning.model' })).toBe(1);
    ai.dispose();
  });

  it('waits for an async prediction and an async chunking job', async () => {
    const ai = client();
    const prediction = await ai.predictAsync(
      'embedding',
      'gte-small',
      { batch: [{ text: 'hello' }] },
      fast,
    );
    expect(prediction.status).toBe('READY');
    expect(prediction.predictions).toHaveLength(1);
    const chunks = await ai.chunk(
      'sentence',
      'gte-small',
      { batch: [{ text: 'One. Two. Three.' }] },
      fast,
    );
    expect(chunks.status).toBe('READY');
    expect(chunks.chunkedData?.[0]?.chunks).toEqual(['One.', 'Two.', 'Three.']);
    ai.dispose();
  });

  it('recovers after its predict token is revoked, with one new token', async () => {
    sim.resetLog();
    const ai = client();
    await ai.predict('embedding', 'gte-small', { batch: [{ text: 'a' }] });
    sim.revokeTokens({ vendor: 'lucidworks-ai', scope: PREDICT });
    await ai.predict('embedding', 'gte-small', { batch: [{ text: 'b' }] });
    expect(sim.mintCount({ scope: PREDICT })).toBe(2);
    ai.dispose();
  });

  it('a second client sharing the store keeps working after the first one rotated the token', async () => {
    sim.resetLog();
    const store = memoryStore();
    const a = client({ store });
    const b = client({ store });
    await a.predict('embedding', 'gte-small', { batch: [{ text: 'a' }] });
    await b.predict('embedding', 'gte-small', { batch: [{ text: 'b' }] });
    const first = await a.tokens.predict.getToken();
    await a.tokens.predict.recoverFromUnauthorized(first); // a mints; the simulator revokes the old token
    await b.predict('embedding', 'gte-small', { batch: [{ text: 'c' }] });
    expect(sim.mintCount({ scope: PREDICT })).toBe(2);
    a.dispose();
    b.dispose();
  });
});
