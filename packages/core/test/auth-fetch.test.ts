import createClient from 'openapi-fetch';
import { describe, expect, it } from 'vitest';
import { API, setup, stream } from './api-double.js';

describe('createAuthFetch: bearer and origin', () => {
  it('attaches the bearer token to the API origin only', async () => {
    const { authFetch, seen } = setup();
    await authFetch(`${API}/search?q=x`, { headers: { 'x-trace': '1' } });
    await authFetch('https://elsewhere.example.net/collect');
    await authFetch('http://api.example.com/search'); // another origin: other scheme
    expect(seen.map((s) => s.authorization)).toEqual(['Bearer tok-1', null, null]);
  });

  it('accepts several API origins', async () => {
    const { authFetch, seen } = setup(undefined, {
      apiOrigin: [API, 'https://other.example.com/base/'],
    });
    await authFetch('https://other.example.com/x');
    expect(seen[0]?.authorization).toBe('Bearer tok-1');
  });

  it("works as openapi-fetch's fetch: a single Request argument, body kept", async () => {
    const { authFetch, seen } = setup();
    type Paths = {
      '/search': {
        post: {
          parameters: { query?: { lang?: string } };
          requestBody: { content: { 'application/json': { q: string } } };
          responses: { 200: { content: { 'application/json': { ok: boolean } } } };
        };
      };
    };
    const client = createClient<Paths>({ baseUrl: API, fetch: authFetch });
    const { data } = await client.POST('/search', {
      params: { query: { lang: 'en' } },
      body: { q: 'term' },
    });
    expect(data).toEqual({ ok: true });
    expect(seen[0]).toEqual({
      url: `${API}/search?lang=en`,
      method: 'POST',
      authorization: 'Bearer tok-1',
      body: '{"q":"term"}',
    });
  });
});

describe('createAuthFetch: 401', () => {
  it('replays once with a recovered token and the same body', async () => {
    const { authFetch, seen, calls } = setup([401]);
    const response = await authFetch(`${API}/items`, { method: 'POST', body: 'payload' });
    expect(response.status).toBe(200);
    expect(seen.map((s) => [s.authorization, s.body])).toEqual([
      ['Bearer tok-1', 'payload'],
      ['Bearer tok-2', 'payload'],
    ]);
    expect(calls.map((c) => c.reason)).toEqual(['initial', 'unauthorized']);
  });

  it('returns a second 401 instead of looping', async () => {
    const { authFetch, seen } = setup([401, 401, 401]);
    const response = await authFetch(`${API}/items`);
    expect(response.status).toBe(401);
    expect(seen.length).toBe(2);
  });

  it('does not replay for another origin (no token was sent)', async () => {
    const { authFetch, seen } = setup([401]);
    expect((await authFetch('https://elsewhere.example.net/')).status).toBe(401);
    expect(seen.length).toBe(1);
  });

  it('replays a streamed body that fits the buffer', async () => {
    const { authFetch, seen } = setup([401]);
    await authFetch(`${API}/items`, {
      method: 'POST',
      body: stream(['ab', 'cd']),
      duplex: 'half',
    } as RequestInit);
    expect(seen.map((s) => s.body)).toEqual(['abcd', 'abcd']);
  });

  it('gives ERR_BODY_NOT_REPLAYABLE for a streamed body over the cap, after recovering', async () => {
    const { authFetch, seen, tokens } = setup([401], { maxReplayBodyBytes: 3 });
    const error = await authFetch(`${API}/items`, {
      method: 'POST',
      body: stream(['ab', 'cd', 'ef']),
      duplex: 'half',
    } as RequestInit).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'ERR_BODY_NOT_REPLAYABLE', status: 401 });
    expect(seen.map((s) => s.body)).toEqual(['abcdef']);
    expect(await tokens.getToken()).toBe('tok-2');
  });
});
