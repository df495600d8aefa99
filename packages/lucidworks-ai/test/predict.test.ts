import { describe, expect, it } from 'vitest';
import { lucidworksAI } from './setup.js';

const PATH = '/ai/prediction/embedding/gte-small';
const inputs = (n: number) => Array.from({ length: n }, (_, i) => ({ text: `t${i}` }));

describe('predict', () => {
  it('posts batch, useCaseConfig and modelConfig to /ai/prediction/{useCase}/{modelId}', async () => {
    const { server, client } = lucidworksAI();
    const request = {
      batch: inputs(2),
      useCaseConfig: { dataType: 'query' as const },
      modelConfig: { vectorQuantizationMethod: 'min-max' as const, dimReductionSize: 256 },
    };
    const result = await client.predict('embedding', 'gte-small', request);
    expect(result.predictions.map((p) => p.response)).toEqual(['echo:t0', 'echo:t1']);
    expect(JSON.parse(server.calls(PATH)[0]?.body ?? '')).toEqual(request);
    client.dispose();
  });

  it('sends 32 inputs in one request', async () => {
    const { server, client } = lucidworksAI();
    await client.predict('embedding', 'gte-small', { batch: inputs(32) });
    expect(server.calls(PATH)).toHaveLength(1);
    client.dispose();
  });

  it('refuses 33 inputs with ERR_LIMIT_EXCEEDED by default, sending nothing', async () => {
    const { server, client } = lucidworksAI();
    await expect(
      client.predict('embedding', 'gte-small', { batch: inputs(33) }),
    ).rejects.toMatchObject({
      code: 'ERR_LIMIT_EXCEEDED',
      message: expect.stringContaining('at most 32'),
    });
    expect(server.requests).toHaveLength(0);
    client.dispose();
  });

  it.each([
    ['client option', { client: 'split' as const, call: undefined }],
    ['per call', { client: 'error' as const, call: 'split' as const }],
  ])('splits 70 inputs into 32 + 32 + 6 when asked (%s)', async (_name, { client: mode, call }) => {
    const { server, client } = lucidworksAI({ oversizedBatch: mode });
    const result = await client.predict(
      'embedding',
      'gte-small',
      { batch: inputs(70), useCaseConfig: { dataType: 'passage' } },
      { oversizedBatch: call },
    );
    const bodies = server.calls(PATH).map((r) => JSON.parse(r.body));
    expect(bodies.map((b) => b.batch.length)).toEqual([32, 32, 6]);
    expect(bodies.every((b) => b.useCaseConfig.dataType === 'passage')).toBe(true);
    expect(result.predictions.map((p) => p.response)).toEqual(
      inputs(70).map((i) => `echo:${i.text}`),
    );
    client.dispose();
  });

  it.each([
    ['an empty batch', { batch: [] }],
    ['no batch', {}],
  ])('refuses %s with ERR_BAD_REQUEST', async (_name, request) => {
    const { server, client } = lucidworksAI();
    await expect(client.predict('embedding', 'gte-small', request as never)).rejects.toMatchObject({
      code: 'ERR_BAD_REQUEST',
    });
    expect(server.requests).toHaveLength(0);
    client.dispose();
  });

  it('URL-encodes use case and model id', async () => {
    const { server, client } = lucidworksAI();
    server.api('POST', 'https://app-1.applications.lucidworks.com', /^\/ai\/prediction\//, () =>
      Response.json({ predictions: [] }),
    );
    await client.predict('zero shot', 'a/b', { batch: [{ text: 'x' }] });
    expect(server.requests.at(-1)?.url.pathname).toBe('/ai/prediction/zero%20shot/a%2Fb');
    client.dispose();
  });
});
