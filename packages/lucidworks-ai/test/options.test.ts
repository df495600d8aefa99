import { describe, expect, it, vi } from 'vitest';
import { hangingFetch, timerClock } from '../../core/test/fake-fetch.js';
import { createLucidworksAIClient, type LucidworksAIClientOptions } from '../src/index.js';

const valid: LucidworksAIClientOptions = {
  applicationId: 'app-1',
  customerId: 'cust-1',
  clientId: 'id',
  clientSecret: 'secret',
};

describe('createLucidworksAIClient options', () => {
  it.each([
    ['no options', { given: null, want: 'options are required' }],
    [
      'missing applicationId',
      { given: { ...valid, applicationId: undefined }, want: 'applicationId is required' },
    ],
    [
      'applicationId with a slash',
      { given: { ...valid, applicationId: 'a/b' }, want: 'applicationId must be' },
    ],
    [
      'missing customerId',
      { given: { ...valid, customerId: undefined }, want: 'customerId is required' },
    ],
    [
      'missing clientId',
      { given: { ...valid, clientId: undefined }, want: 'clientId is required' },
    ],
    [
      'missing clientSecret',
      { given: { ...valid, clientSecret: undefined }, want: 'clientSecret is required' },
    ],
    [
      'bad platformBaseUrl',
      {
        given: { ...valid, platformBaseUrl: 'api.lucidworks.com' },
        want: 'platformBaseUrl must be an http(s) URL',
      },
    ],
    [
      'relative useCasesPath',
      { given: { ...valid, useCasesPath: 'ai/usecase' }, want: 'useCasesPath must start with "/"' },
    ],
    [
      'negative tokenTimeoutMs',
      { given: { ...valid, tokenTimeoutMs: -1 }, want: 'tokenTimeoutMs must be a number > 0' },
    ],
    [
      'unknown oversizedBatch',
      {
        given: { ...valid, oversizedBatch: 'drop' },
        want: 'oversizedBatch must be one of error, split',
      },
    ],
  ])('%s → ERR_INVALID_OPTIONS', (_name, { given, want }) => {
    expect(() => createLucidworksAIClient(given as never)).toThrow(
      expect.objectContaining({
        code: 'ERR_INVALID_OPTIONS',
        message: expect.stringContaining(want),
      }),
    );
  });

  it('limits each token request to tokenTimeoutMs', async () => {
    const clock = timerClock(Date.UTC(2026, 0, 1));
    const client = createLucidworksAIClient({
      ...valid,
      // A token endpoint that never answers.
      fetch: hangingFetch,
      clock,
      tokenTimeoutMs: 1234,
    });
    try {
      const pending = client.tokens.predict.getToken();
      await vi.waitFor(() => expect(clock.timers.map(([ms]) => ms)).toContain(1234));
      clock.fire(1234);
      await expect(pending).rejects.toMatchObject({ code: 'ERR_TIMEOUT', vendor: 'lucidworks-ai' });
    } finally {
      client.dispose();
    }
  });

  it('refuses plain http to a non-loopback host unless allowed', () => {
    const given = { ...valid, platformBaseUrl: 'http://models.example.com' };
    expect(() => createLucidworksAIClient(given)).toThrow(
      expect.objectContaining({ code: 'ERR_INSECURE_URL' }),
    );
    createLucidworksAIClient({ ...given, allowInsecureHttp: true }).dispose();
  });

  it('talks to loopback simulators for every host', async () => {
    const seen: string[] = [];
    const fetch: typeof globalThis.fetch = async (input, init) => {
      const request = new Request(input, init);
      seen.push(`${request.method} ${request.url}`);
      if (request.url.includes('/token')) {
        return Response.json({ access_token: 't', expires_in: 3600, token_type: 'Bearer' });
      }
      return Response.json(request.url.includes('/models') ? [] : { predictions: [] });
    };
    const client = createLucidworksAIClient({
      ...valid,
      tokenUrl: 'http://127.0.0.1:5000/oauth2/default/v1/token',
      apiBaseUrl: 'http://127.0.0.1:5001',
      platformBaseUrl: 'http://localhost:5002/',
      fetch,
    });
    await client.predict('embedding', 'm', { batch: [{ text: 'x' }] });
    await client.listModels();
    expect(seen).toEqual([
      'POST http://127.0.0.1:5000/oauth2/default/v1/token?scope=machinelearning.predict&grant_type=client_credentials',
      'POST http://127.0.0.1:5001/ai/prediction/embedding/m',
      'POST http://127.0.0.1:5000/oauth2/default/v1/token?scope=machinelearning.model&grant_type=client_credentials',
      'GET http://localhost:5002/customers/cust-1/ai/models',
    ]);
    client.dispose();
  });
});
