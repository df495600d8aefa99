import { isSearchAuthError } from '@searchauth/core';
import { describe, expect, it } from 'vitest';
import { json } from '../../lucidworks-identity/test/fake-lucidworks.js';
import { APP, lucidworksAI, PLATFORM } from './setup.js';

describe('HTTP errors become typed errors', () => {
  it.each([
    ['400', { given: 400, want: 'ERR_BAD_REQUEST' }],
    ['403', { given: 403, want: 'ERR_FORBIDDEN' }],
    ['404', { given: 404, want: 'ERR_NOT_FOUND' }],
    ['429', { given: 429, want: 'ERR_RATE_LIMITED' }],
    ['504', { given: 504, want: 'ERR_UPSTREAM_TIMEOUT' }],
    ['502', { given: 502, want: 'ERR_HTTP' }],
  ])('predict answered %s', async (_name, { given, want }) => {
    const { server, client } = lucidworksAI();
    server.api('POST', APP, /^\/ai\/prediction\//, () =>
      json({ message: `lw says ${given}` }, given),
    );
    const error = await client
      .predict('rag', 'llama', { batch: [{ text: 'q' }] })
      .catch((e: unknown) => e);
    expect(isSearchAuthError(error)).toBe(true);
    expect(error).toMatchObject({ code: want, status: given, vendor: 'lucidworks-ai' });
    expect((error as Error).message).toContain(`lw says ${given}`);
    client.dispose();
  });

  it('maps a missing model to ERR_NOT_FOUND', async () => {
    const { server, client } = lucidworksAI();
    server.api('GET', PLATFORM, '/customers/cust-1/ai/models/nope', () =>
      json({ message: 'no model' }, 404),
    );
    await expect(client.getModel('nope')).rejects.toMatchObject({
      code: 'ERR_NOT_FOUND',
      status: 404,
    });
    client.dispose();
  });

  it('retries a GET after 429 by default and then succeeds', async () => {
    const { server, client } = lucidworksAI({ retry: { baseDelayMs: 0, maxDelayMs: 0 } });
    let calls = 0;
    server.api('GET', PLATFORM, '/customers/cust-1/ai/models', () => {
      calls += 1;
      return calls === 1 ? json({ message: 'later' }, 429, { 'retry-after': '0' }) : json([]);
    });
    await expect(client.listModels()).resolves.toEqual([]);
    expect(calls).toBe(2);
    client.dispose();
  });

  it('does not retry a POST prediction by default', async () => {
    const { server, client } = lucidworksAI({ retry: { baseDelayMs: 0, maxDelayMs: 0 } });
    let calls = 0;
    server.api('POST', APP, /^\/ai\/prediction\//, () => {
      calls += 1;
      return json({ message: 'later' }, 429);
    });
    await expect(client.predict('rag', 'llama', { batch: [{ text: 'q' }] })).rejects.toMatchObject({
      code: 'ERR_RATE_LIMITED',
    });
    expect(calls).toBe(1);
    client.dispose();
  });

  it('a refused token request is ERR_INVALID_CLIENT and never shows the secret', async () => {
    const { server, client } = lucidworksAI({ clientSecret: 'super-secret-xyz' });
    server.on('POST', 'https://identity.lucidworks.com', /token$/, () =>
      json({ error: 'invalid_client' }, 401),
    );
    const error = await client.listModels().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'ERR_INVALID_CLIENT' });
    expect(`${String(error)} ${JSON.stringify(error)}`).not.toContain('super-secret-xyz');
    client.dispose();
  });
});
