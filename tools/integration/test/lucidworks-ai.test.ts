import { describe, expect, it } from 'vitest';
import { fastClock } from './support/clock.js';
import { useSimulator } from './support/sim.js';
import { lucidworksAIClient } from './support/vendors.js';

const sim = useSimulator({ vendors: ['lucidworks-ai'], asyncPollsUntilReady: 2 });
const PREDICT = 'machinelearning.predict';
const MODEL = 'machinelearning.model';
const texts = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ text: `question number ${i}` }));

describe('Lucidworks AI against the simulator', () => {
  it('embeds a batch of 40 in two requests (32 + 8) with the predictions in order', async () => {
    const ai = lucidworksAIClient(sim());
    const batch = texts(40);
    const split = await ai.predict(
      'embedding',
      'gte-small',
      { batch },
      { oversizedBatch: 'split' },
    );
    expect(split.predictions).toHaveLength(40);
    expect(sim().requestCount({ endpoint: 'prediction', status: 200 })).toBe(2);
    const single = await ai.predict('embedding', 'gte-small', {
      batch: [batch[35] ?? { text: '' }],
    });
    expect(split.predictions[35]?.vector).toEqual(single.predictions[0]?.vector);
    expect(single.predictions[0]?.vector).toHaveLength(384);
    expect(sim().mintCount({ scope: PREDICT })).toBe(1);
    ai.dispose();
  });

  it('refuses 33 inputs with ERR_LIMIT_EXCEEDED without sending anything', async () => {
    const ai = lucidworksAIClient(sim());
    await expect(ai.predict('embedding', 'gte-small', { batch: texts(33) })).rejects.toMatchObject({
      code: 'ERR_LIMIT_EXCEEDED',
    });
    expect(sim().requests).toHaveLength(0);
    ai.dispose();
  });

  it('summarises with a generative model', async () => {
    const ai = lucidworksAIClient(sim());
    const result = await ai.predict('summarization', 'llama-3-8b-instruct', {
      batch: [{ text: 'Tents keep you dry. They also weigh a lot.' }],
      modelConfig: { temperature: 0.2, maxTokens: 100 },
    });
    expect(result.predictions[0]?.response).toBe('Tents keep you dry.');
    ai.dispose();
  });

  it('waits for an async prediction with the default backoff (1 s, 2 s, 4 s)', async () => {
    const clock = fastClock(sim());
    const ai = lucidworksAIClient(sim(), { clock });
    const statuses: string[] = [];
    const result = await ai.predictAsync(
      'keyword-extraction',
      'mistral-7b-instruct',
      { batch: [{ text: 'waterproof hiking jacket with hood' }] },
      { onPoll: (status) => statuses.push(status) },
    );
    expect(result.status).toBe('READY');
    expect(result.predictions?.[0]?.response).toContain('waterproof');
    expect(statuses).toEqual(['SUBMITTED', 'SUBMITTED', 'READY']);
    // The token request's timeout (30 s, set by the token manager), the overall deadline (300 s),
    // then a pause before each poll, doubling.
    expect(clock.waits).toEqual([30_000, 300_000, 1000, 2000, 4000]);
    // Fetched once: the next look says RETRIEVED, without the predictions.
    const again = await ai.getAsyncPrediction(result.predictionId);
    expect(again.status).toBe('RETRIEVED');
    expect(again.predictions).toBeUndefined();
    ai.dispose();
  });

  it('chunks text asynchronously and returns a vector per chunk', async () => {
    const ai = lucidworksAIClient(sim(), { clock: fastClock(sim()) });
    const result = await ai.chunk('dynamic-newline', 'e5-small-v2', {
      batch: [{ text: 'First line.\nSecond line.\n\nThird line.' }],
    });
    expect(result.status).toBe('READY');
    expect(result.chunkedData?.[0]?.chunks).toEqual(['First line.', 'Second line.', 'Third line.']);
    expect(result.vector).toHaveLength(3);
    ai.dispose();
  });

  it('times out waiting for a job with ERR_TIMEOUT', async () => {
    const ai = lucidworksAIClient(sim(), { clock: fastClock(sim()) });
    await expect(
      ai.predictAsync('embedding', 'gte-small', { batch: [{ text: 'x' }] }, { timeoutMs: 2500 }),
    ).rejects.toMatchObject({ code: 'ERR_TIMEOUT' });
    ai.dispose();
  });

  it('uses a separate model-scope token for the Models API', async () => {
    const ai = lucidworksAIClient(sim());
    const models = await ai.listModels();
    expect(models.map((model) => model.id)).toEqual(
      expect.arrayContaining(['gte-small', 'e5-small-v2', 'llama-3-8b-instruct']),
    );
    await ai.predict('embedding', 'gte-small', { batch: [{ text: 'hello' }] });
    // A new predict token leaves the model token alone: the Models API needs no new one.
    await ai.tokens.predict.recoverFromUnauthorized(await ai.tokens.predict.getToken());
    await expect(ai.getModel('gte-small')).resolves.toMatchObject({ id: 'gte-small' });
    expect(sim().mintCount({ scope: MODEL })).toBe(1);
    expect(sim().mintCount({ scope: PREDICT })).toBe(2);
    await expect(ai.getModel('no-such-model')).rejects.toMatchObject({ code: 'ERR_NOT_FOUND' });
    ai.dispose();
  });
});
