import { describe, expect, it } from 'vitest';
import { bearerOf } from '../../lucidworks-identity/test/fake-lucidworks.js';
import { APP, lucidworksAI, MODEL, PLATFORM, PREDICT } from './setup.js';

describe('one token per scope and host', () => {
  it('uses the predict token on the application host and the model token on api.lucidworks.com', async () => {
    const { server, client } = lucidworksAI();
    await client.predict('embedding', 'gte-small', { batch: [{ text: 'hi' }] });
    await client.listModels();
    await client.listUseCases();
    await client.getModel('gte-small', { metrics: true });

    expect(server.tokenRequests(PREDICT)).toHaveLength(1);
    expect(server.tokenRequests(MODEL)).toHaveLength(1);
    const byPath = server.requests
      .filter((r) => !r.url.pathname.startsWith('/oauth2/'))
      .map((r) => [r.url.origin, r.url.pathname + r.url.search, bearerOf(r)]);
    expect(byPath).toEqual([
      [APP, '/ai/prediction/embedding/gte-small', `tok-${PREDICT}-1`],
      [PLATFORM, '/customers/cust-1/ai/models', `tok-${MODEL}-1`],
      [APP, '/ai/usecase', `tok-${PREDICT}-1`],
      [PLATFORM, '/customers/cust-1/ai/models/gte-small?metrics=true', `tok-${MODEL}-1`],
    ]);
    client.dispose();
  });

  it('a new predict token leaves the model token working', async () => {
    const { server, client } = lucidworksAI();
    await client.listModels();
    await client.predict('embedding', 'gte-small', { batch: [{ text: 'a' }] });
    server.valid.delete(`tok-${PREDICT}-1`);
    await client.predict('embedding', 'gte-small', { batch: [{ text: 'b' }] });
    await client.listModels();

    expect(server.tokenRequests(PREDICT)).toHaveLength(2);
    expect(server.tokenRequests(MODEL)).toHaveLength(1);
    client.dispose();
  });

  it('lists use cases on a configured path', async () => {
    const { server, client } = lucidworksAI({ useCasesPath: '/ai/use-cases' });
    server.api('GET', APP, '/ai/use-cases', () => Response.json([{ useCase: 'rag' }]));
    await expect(client.listUseCases()).resolves.toEqual([{ useCase: 'rag' }]);
    client.dispose();
  });

  it('returns model details from the platform host', async () => {
    const { client } = lucidworksAI();
    await expect(client.listModels()).resolves.toEqual([{ id: 'gte-small', state: 'AVAILABLE' }]);
    await expect(client.getModel('gte-small')).resolves.toMatchObject({
      id: 'gte-small',
      metrics: null,
    });
    client.dispose();
  });
});
