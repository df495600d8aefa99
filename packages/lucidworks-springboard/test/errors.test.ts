import { isSearchAuthError } from '@searchauth/core';
import { describe, expect, it } from 'vitest';
import { json } from '../../lucidworks-identity/test/fake-lucidworks.js';
import { APP, SEARCH_BODY, springboard } from './setup.js';

describe('HTTP errors become typed errors', () => {
  it.each([
    ['400', { given: 400, want: 'ERR_BAD_REQUEST' }],
    ['403', { given: 403, want: 'ERR_FORBIDDEN' }],
    ['404', { given: 404, want: 'ERR_NOT_FOUND' }],
    ['429 (500 requests/min)', { given: 429, want: 'ERR_RATE_LIMITED' }],
    ['500', { given: 500, want: 'ERR_HTTP' }],
    ['504 (over 10 s)', { given: 504, want: 'ERR_UPSTREAM_TIMEOUT' }],
  ])('search answered %s', async (_name, { given, want }) => {
    const { server, client } = springboard();
    server.api('POST', APP, '/query/search', () =>
      json({ message: `server says ${given}` }, given),
    );
    const error = await client.search(SEARCH_BODY).catch((e: unknown) => e);
    expect(isSearchAuthError(error)).toBe(true);
    expect(error).toMatchObject({ code: want, status: given, vendor: 'lucidworks-springboard' });
    expect(String((error as Error).message)).toContain(`server says ${given}`);
    client.dispose();
  });

  it('maps a refused token request to ERR_INVALID_CLIENT without leaking the secret', async () => {
    const { server, client } = springboard({ clientSecret: 'very-secret-value' });
    server.on('POST', 'https://identity.lucidworks.com', /token$/, () =>
      json({ error: 'invalid_client', error_description: 'bad' }, 401),
    );
    const error = await client.search(SEARCH_BODY).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'ERR_INVALID_CLIENT' });
    expect(JSON.stringify(error)).not.toContain('very-secret-value');
    expect(String(error)).not.toContain('very-secret-value');
    expect(server.calls('/query/search')).toHaveLength(0);
    client.dispose();
  });

  it('retries a 429 on the (POST) Query API by default, honouring Retry-After', async () => {
    const { server, client } = springboard({ retry: { baseDelayMs: 0, maxDelayMs: 0 } });
    let calls = 0;
    server.api('POST', APP, '/query/search', () => {
      calls += 1;
      return calls === 1
        ? json({ message: 'slow down' }, 429, { 'retry-after': '0' })
        : json({ queryId: 'q', hits: 0, docs: [] });
    });
    await expect(client.search(SEARCH_BODY)).resolves.toMatchObject({ hits: 0 });
    expect(calls).toBe(2);
    client.dispose();
  });

  it('reports ERR_UPSTREAM_TIMEOUT once the retries are spent', async () => {
    const { server, client } = springboard({
      retry: { maxAttempts: 2, baseDelayMs: 0, maxDelayMs: 0 },
    });
    let calls = 0;
    server.api('POST', APP, '/query/search', () => {
      calls += 1;
      return json({ message: 'took too long' }, 504);
    });
    await expect(client.search(SEARCH_BODY)).rejects.toMatchObject({
      code: 'ERR_UPSTREAM_TIMEOUT',
    });
    expect(calls).toBe(2);
    client.dispose();
  });
});
