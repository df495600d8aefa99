import createClient from 'openapi-fetch';
import { describe, expect, it } from 'vitest';
import { createAuthFetch, createTokenManager, memoryStore } from '../src/index.js';
import { API, setup, stream } from './api-double.js';
import { countingSource, fakeClock, key } from './support.js';

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

describe('createAuthFetch: a Request with no body', () => {
  it('is sent as it is with the token set on it, and replayed after a 401', async () => {
    const sent: Request[] = [];
    const { tokens } = setup();
    const authFetch = createAuthFetch({
      tokens,
      apiOrigin: API,
      fetch: async (input) => {
        sent.push(input as Request);
        return new Response(null, { status: sent.length === 1 ? 401 : 200 });
      },
    });
    const request = new Request(`${API}/items`, { headers: { 'x-trace': '1' } });
    expect((await authFetch(request)).status).toBe(200);
    expect(sent).toEqual([request, request]);
    expect(request.headers.get('authorization')).toBe('Bearer tok-2');
    expect(request.headers.get('x-trace')).toBe('1');
  });

  it('takes the general path when its headers cannot be changed', async () => {
    const sent: Array<string | null> = [];
    const { tokens } = setup();
    const authFetch = createAuthFetch({
      tokens,
      apiOrigin: API,
      fetch: async (_input, init) => {
        sent.push(new Headers(init?.headers).get('authorization'));
        return new Response('{}');
      },
    });
    const request = new Request(`${API}/items`);
    Object.defineProperty(request, 'headers', {
      value: Object.assign(new Headers(), {
        set() {
          throw new TypeError('immutable');
        },
      }),
    });
    expect((await authFetch(request)).status).toBe(200);
    expect(sent).toEqual(['Bearer tok-1']);
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

  it('returns a second 401 instead of looping when the token it just minted is rejected', async () => {
    const { authFetch, seen, calls, tokens } = setup([401, 401, 401, 401, 401]);
    const response = await authFetch(`${API}/items`);
    expect(response.status).toBe(401);
    expect(seen.length).toBe(2);
    expect(calls.length).toBe(2);
    // The manager knows the account is at fault: the next call is told so without a request.
    await expect(tokens.getToken()).rejects.toMatchObject({
      code: 'ERR_UNAUTHORIZED',
      message: expect.stringContaining("check the account's permissions"),
    });
    expect(seen.length).toBe(2);
  });

  it('stops after 8 replays however often the token changes', async () => {
    let recovered = 0;
    const { tokens } = setup();
    const authFetch = createAuthFetch({
      tokens: { ...tokens, recoverFromUnauthorized: async () => `other-${++recovered}` },
      apiOrigin: API,
      fetch: async () => new Response(null, { status: 401 }),
    });
    expect((await authFetch(`${API}/items`)).status).toBe(401);
    expect(recovered).toBe(8);
  });

  it('replays once more only within the retry time budget', async () => {
    const clock = fakeClock();
    let recovered = 0;
    const { tokens } = setup();
    const authFetch = createAuthFetch({
      tokens: { ...tokens, recoverFromUnauthorized: async () => `other-${++recovered}` },
      apiOrigin: API,
      clock,
      retry: { budgetMs: 1000 },
      fetch: async () => {
        clock.advance(400);
        return new Response(null, { status: 401 });
      },
    });
    // 401s at 400, 800 and 1200 ms: the first replay always, the second within 1 s, not the third.
    expect((await authFetch(`${API}/items`)).status).toBe(401);
    expect(recovered).toBe(2);
  });

  it('replays again when peers rotate the token while a replay is in flight', async () => {
    // Managers share a store; before each 401 another process (a new peer each time, so none hits
    // its own forced re-authentication limit) adopted the stored token, had it rejected and minted.
    const clock = fakeClock();
    const store = memoryStore({ clock });
    const ours = countingSource();
    let peerMints = 0;
    const tokens = createTokenManager({ source: ours.source, key, clock, store });
    const rotate = async () => {
      const peer = createTokenManager({
        source: async () => ({ accessToken: `peer-${++peerMints}`, expiresIn: 3600 }),
        key,
        clock,
        store,
      });
      await peer.recoverFromUnauthorized(await peer.getToken());
    };
    await tokens.getToken();
    const seen: string[] = [];
    const authFetch = createAuthFetch({
      tokens,
      apiOrigin: API,
      clock,
      fetch: async (_input, init) => {
        const sent = new Headers(init?.headers).get('authorization') as string;
        seen.push(sent);
        if (seen.length > 3) return new Response('{}');
        await rotate();
        return new Response(null, { status: 401 });
      },
    });
    const response = await authFetch(`${API}/items`);
    expect(response.status).toBe(200);
    expect(seen.length).toBe(4);
    expect(new Set(seen).size).toBe(4);
    expect(seen.at(-1)).toBe('Bearer peer-3');
    expect(ours.calls.length).toBe(1);
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
