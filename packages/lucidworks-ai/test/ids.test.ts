import { describe, expect, it } from 'vitest';
import type { KnownUseCase, UseCaseName } from '../src/index.js';
import { lucidworksAI } from './setup.js';

const request = { batch: [{ text: 'x' }] };

// Each call names the id it must refuse; nothing may reach the token endpoint or the API.
type Call = (client: ReturnType<typeof lucidworksAI>['client'], id: string) => Promise<unknown>;
const calls: [string, { field: string; call: Call }][] = [
  ['predict use case', { field: 'useCase', call: (c, id) => c.predict(id, 'gte-small', request) }],
  ['predict model', { field: 'modelId', call: (c, id) => c.predict('embedding', id, request) }],
  [
    'submitAsyncPrediction use case',
    { field: 'useCase', call: (c, id) => c.submitAsyncPrediction(id, 'm', request) },
  ],
  [
    'predictAsync model',
    { field: 'modelId', call: (c, id) => c.predictAsync('summarization', id, request) },
  ],
  [
    'getAsyncPrediction prediction id',
    { field: 'predictionId', call: (c, id) => c.getAsyncPrediction(id) },
  ],
  [
    'waitForPrediction prediction id',
    { field: 'predictionId', call: (c, id) => c.waitForPrediction(id) },
  ],
  [
    'submitChunking model',
    { field: 'modelId', call: (c, id) => c.submitChunking('sentence', id, request) },
  ],
  ['getChunking chunking id', { field: 'chunkingId', call: (c, id) => c.getChunking(id) }],
  ['getModel model', { field: 'modelId', call: (c, id) => c.getModel(id) }],
];

describe('ids in the path are refused before sending when empty', () => {
  it.each(
    calls.flatMap(([name, c]) => [
      [`${name} ''`, { ...c, id: '' }] as const,
      [`${name} '  '`, { ...c, id: '  ' }] as const,
    ]),
  )('%s → ERR_BAD_REQUEST naming the field', async (_name, { field, call, id }) => {
    const { server, client } = lucidworksAI();
    await expect(call(client, id)).rejects.toMatchObject({
      code: 'ERR_BAD_REQUEST',
      vendor: 'lucidworks-ai',
      message: expect.stringContaining(`${field} must be a non-empty string`),
    });
    expect(server.requests).toHaveLength(0);
    client.dispose();
  });
});

describe('use case names', () => {
  it('offers the documented slugs and still takes any other name', () => {
    const documented: KnownUseCase[] = [
      'embedding',
      'rag',
      'passthrough',
      'summarization',
      'keyword-extraction',
      'standalone-query-rewriter',
      'ner',
      'classification',
    ];
    // @ts-expect-error the snake_case names 404 in production and are not documented
    const wrong: KnownUseCase = 'keyword_extraction';
    const custom: UseCaseName = 'my-custom-use-case';
    expect([...documented, wrong, custom]).toHaveLength(10);
  });
});
