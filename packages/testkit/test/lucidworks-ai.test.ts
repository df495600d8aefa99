import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Simulator, startSimulator } from '../src/index.js';
import { bearer, call } from './support/http.js';
import { lucidworksToken } from './support/tokens.js';

const AI = 'lucidworks-ai';
let sim: Simulator;
let predictToken: string;
let modelToken: string;

beforeAll(async () => {
  sim = await startSimulator({ vendors: [AI], asyncPollsUntilReady: 2 });
  predictToken = await lucidworksToken(sim, AI, 'machinelearning.predict');
  modelToken = await lucidworksToken(sim, AI, 'machinelearning.model');
});
afterAll(() => sim.stop());

const post = (path: string, json: unknown, token = predictToken) =>
  call(AI, `${sim.urls[AI].baseUrl}${path}`, { method: 'POST', headers: bearer(token), json });
const get = (path: string, token = predictToken) =>
  call(AI, `${sim.urls[AI].baseUrl}${path}`, { headers: bearer(token) });

describe('Prediction API', () => {
  it('embeds deterministically, one vector per input, honouring dimReductionSize', async () => {
    const body = {
      batch: [{ text: 'tent' }, { text: 'jacket' }],
      modelConfig: { dimReductionSize: 64 },
    };
    const a = await post('/ai/prediction/embedding/gte-small', body);
    const b = await post('/ai/prediction/embedding/gte-small', body);
    expect(a.status).toBe(200);
    expect(a.body.predictions).toHaveLength(2);
    expect(a.body.predictions[0].vector).toHaveLength(64);
    expect(a.body.predictions).toEqual(b.body.predictions);
    expect(a.body.predictions[0].vector).not.toEqual(a.body.predictions[1].vector);
  });

  it('answers RAG with sources from the corpus and a memoryUuid', async () => {
    const res = await post('/ai/prediction/rag/llama-3-8b-instruct', {
      batch: [{ text: 'waterproof jacket' }],
    });
    expect(res.body.predictions[0].response).toMatch(/SOURCES: https:\/\/shop\.example\.com\//);
    expect(res.body.predictions[0].memoryUuid).toEqual(expect.any(String));
    expect(res.body.predictions[0].tokensUsed.totalTokens).toBeGreaterThan(0);
  });

  it('classifies against the given labels with an embedding model, scores summing to about 1', async () => {
    const res = await post('/ai/prediction/classification/gte-small', {
      batch: [{ text: 'my tent leaks' }],
      useCaseConfig: { labels: ['complaint', 'question'] },
    });
    const labels = res.body.predictions[0].labels;
    expect(Object.keys(labels)).toEqual(['complaint', 'question']);
    expect(Math.abs((labels.complaint as number) + (labels.question as number) - 1)).toBeLessThan(
      0.001,
    );
  });

  it.each([
    [
      '33 inputs',
      '/ai/prediction/embedding/gte-small',
      { batch: Array.from({ length: 33 }, () => ({ text: 'x' })) },
      400,
    ],
    ['an empty batch', '/ai/prediction/embedding/gte-small', { batch: [] }, 400],
    [
      'a model of another kind',
      '/ai/prediction/embedding/llama-3-8b-instruct',
      { batch: [{ text: 'x' }] },
      400,
    ],
    ['an unknown use case', '/ai/prediction/astrology/gte-small', { batch: [{ text: 'x' }] }, 404],
    // The names the testkit once used: code written against them must fail here as in production.
    [
      'the undocumented keyword_extraction',
      '/ai/prediction/keyword_extraction/llama-3-8b-instruct',
      { batch: [{ text: 'x' }] },
      404,
    ],
    [
      'the undocumented zero_shot_classification',
      '/ai/prediction/zero_shot_classification/gte-small',
      { batch: [{ text: 'x' }] },
      404,
    ],
    ['an unknown model', '/ai/prediction/embedding/nope', { batch: [{ text: 'x' }] }, 404],
  ])('refuses %s', async (_name, path, body, want) => {
    expect((await post(path, body)).status).toBe(want);
  });

  it('refuses a model-scope token with 403', async () => {
    const res = await post(
      '/ai/prediction/embedding/gte-small',
      { batch: [{ text: 'x' }] },
      modelToken,
    );
    expect(res.status).toBe(403);
  });
});

describe('async prediction and chunking', () => {
  it('goes SUBMITTED -> READY (with predictions) -> RETRIEVED', async () => {
    const submitted = await post('/ai/async-prediction/summarization/mistral-7b-instruct', {
      batch: [{ text: 'First sentence here. Second one.' }],
    });
    expect(submitted.body.status).toBe('SUBMITTED');
    const id = submitted.body.predictionId;
    const states = [];
    for (let i = 0; i < 4; i++) states.push((await get(`/ai/async-prediction/${id}`)).body);
    expect(states.map((s) => s.status)).toEqual(['SUBMITTED', 'SUBMITTED', 'READY', 'RETRIEVED']);
    expect(states[2].predictions[0].response).toBe('First sentence here.');
    expect(states[3].predictions).toBeUndefined();
  });

  it('chunks text and returns a vector per chunk', async () => {
    const submitted = await post('/ai/async-chunking/sentence/gte-small', {
      batch: [{ text: 'One. Two! Three?' }],
    });
    const id = submitted.body.chunkingId;
    let result = (await get(`/ai/async-chunking/${id}`)).body;
    while (result.status === 'SUBMITTED') result = (await get(`/ai/async-chunking/${id}`)).body;
    expect(result.status).toBe('READY');
    expect(result.chunkedData[0].chunks).toEqual(['One.', 'Two!', 'Three?']);
    expect(result.vector).toHaveLength(3);
    expect(result.vector[0].vector).toHaveLength(384);
  });

  it('answers 404 for an unknown task id and for a chunking id polled as a prediction', async () => {
    expect((await get('/ai/async-prediction/00000000-0000-0000-0000-000000000000')).status).toBe(
      404,
    );
    const submitted = await post('/ai/async-chunking/sentence/gte-small', {
      batch: [{ text: 'A.' }],
    });
    expect((await get(`/ai/async-prediction/${submitted.body.chunkingId}`)).status).toBe(404);
  });

  it('refuses an unknown chunker with 400', async () => {
    // The spec's chunker path parameter is an enum; an unknown one is a bad request.
    const res = await call(AI, `${sim.urls[AI].baseUrl}/ai/async-chunking/paragraph/gte-small`, {
      method: 'POST',
      headers: bearer(predictToken),
      json: { batch: [{ text: 'x' }] },
    });
    expect(res.status).toBe(400);
  });
});

describe('Use Case and Models APIs', () => {
  it.each([
    ['keyword-extraction', 'llama-3-8b-instruct', 'response'],
    ['standalone-query-rewriter', 'llama-3-8b-instruct', 'memoryUuid'],
    ['ner', 'nu-zero-ner', 'labels'],
  ])('serves the documented %s use case', async (useCase, model, field) => {
    const res = await post(`/ai/prediction/${useCase}/${model}`, {
      batch: [{ text: 'Is the kestrel tent waterproof?' }],
    });
    expect(res.status).toBe(200);
    expect(res.body.predictions[0]).toHaveProperty(field);
  });

  it('lists use cases with their models', async () => {
    const res = await get('/ai/usecase');
    expect(res.body.map((u: { useCase: string }) => u.useCase)).toContain('keyword-extraction');
    expect(res.body.find((u: { useCase: string }) => u.useCase === 'embedding').models).toContain(
      'gte-small',
    );
  });

  it('lists models and gets one on the platform host, with the model scope', async () => {
    const root = `${sim.urls[AI].platformBaseUrl}/customers/${sim.credentials[AI].customerId}/ai/models`;
    const list = await call(AI, root, { headers: bearer(modelToken) });
    expect(list.body.map((m: { id: string }) => m.id)).toContain('gte-small');
    const one = await call(AI, `${root}/gte-small?metrics=true`, { headers: bearer(modelToken) });
    expect(one.body).toMatchObject({
      id: 'gte-small',
      state: 'AVAILABLE',
      vectorSize: 384,
      metrics: expect.any(Object),
    });
    expect((await call(AI, `${root}/nope`, { headers: bearer(modelToken) })).status).toBe(404);
    expect((await call(AI, root, { headers: bearer(predictToken) })).status).toBe(403);
    const otherCustomer = `${sim.urls[AI].platformBaseUrl}/customers/other/ai/models`;
    expect((await call(AI, otherCustomer, { headers: bearer(modelToken) })).status).toBe(404);
  });

  it('does not serve the Models API on the application host', async () => {
    const res = await fetch(
      `${sim.urls[AI].baseUrl}/customers/${sim.credentials[AI].customerId}/ai/models`,
      { headers: bearer(modelToken) },
    );
    expect(res.status).toBe(404);
  });
});
