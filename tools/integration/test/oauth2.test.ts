import { createOAuth2Client, type OAuth2ClientOptions } from '@searchauth/oauth2';
import { describe, expect, it } from 'vitest';
import type { paths } from './support/oauth2-paths.js';
import { useSimulator } from './support/sim.js';

const sim = useSimulator({ vendors: ['oauth2'] });

function api(overrides: Partial<OAuth2ClientOptions> = {}) {
  const creds = sim().credentials.oauth2;
  return createOAuth2Client<paths>({
    baseUrl: sim().urls.oauth2.baseUrl,
    clientId: creds.clientId,
    clientSecret: creds.clientSecret,
    ...overrides,
  });
}

describe('OAuth2 client credentials with your own paths, against the simulator', () => {
  it('searches with typed parameters and gets ranked hits with a total', async () => {
    const client = api();
    const { data, error } = await client.client.GET('/v1/search', {
      params: { query: { q: 'headphones', limit: 5 } },
    });
    expect(error).toBeUndefined();
    expect(data?.items).toHaveLength(5);
    expect(data?.total).toBeGreaterThan(5);
    const scores = data?.items.map((item) => item.score) ?? [];
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(data?.items[0]?.title).toMatch(/headphones/i);
    client.dispose();
  });

  it('pages with offset to the end without repeats, on one token', async () => {
    const client = api();
    const ids: string[] = [];
    let total = Number.POSITIVE_INFINITY;
    for (let offset = 0; offset < total; offset += 4) {
      const { data } = await client.client.GET('/v1/search', {
        params: { query: { q: 'camera', limit: 4, offset } },
      });
      total = data?.total ?? 0;
      ids.push(...(data?.items.map((item) => item.id) ?? []));
    }
    expect(ids).toHaveLength(total);
    expect(new Set(ids).size).toBe(total);
    expect(sim().mintCount({ vendor: 'oauth2' })).toBe(1);
    expect(sim().requestCount({ endpoint: 'token' })).toBe(1);
    client.dispose();
  });

  it('sends the client secret with Basic auth and the bearer token only to the API origin', async () => {
    const client = api({ scope: 'search.read' });
    await client.client.GET('/v1/search', { params: { query: { q: 'tent' } } });
    const [token, search] = sim().requests;
    expect(token).toMatchObject({ endpoint: 'token', status: 200 });
    expect(token?.authorization?.scheme).toBe('Basic');
    expect(search).toMatchObject({ endpoint: 'search', status: 200 });
    expect(search?.authorization?.scheme).toBe('Bearer');
    expect(sim().mints[0]?.scope).toBe('search.read');
    client.dispose();
  });

  it('returns a typed 400 body for a bad parameter (openapi-fetch style, no throw)', async () => {
    const client = api();
    const { data, error, response } = await client.client.GET('/v1/search', {
      params: { query: { q: 'tent', limit: 1000 } },
    });
    expect(data).toBeUndefined();
    expect(response.status).toBe(400);
    expect(error?.error).toBe('invalid_request');
    client.dispose();
  });

  it('fails with ERR_INVALID_CLIENT for a wrong secret, before any API request', async () => {
    const client = api({ clientSecret: 'not-the-secret' });
    await expect(
      client.client.GET('/v1/search', { params: { query: { q: 'tent' } } }),
    ).rejects.toMatchObject({ code: 'ERR_INVALID_CLIENT', status: 401 });
    expect(sim().requestCount({ endpoint: 'search' })).toBe(0);
    client.dispose();
  });
});
