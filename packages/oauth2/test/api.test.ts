import type { ClientPathsWithMethod } from 'openapi-fetch';
import { afterEach, describe, expect, expectTypeOf, it } from 'vitest';
import { fakeFetch, json } from '../../core/test/fake-fetch.js';
import type { components, paths } from '../examples/src/generated/search-api.js';
import {
  createSearchApi,
  type SearchApi,
  type SearchItem,
  searchAll,
  searchTitles,
} from '../examples/src/search.js';

const apis: SearchApi[] = [];
afterEach(() => {
  for (const api of apis.splice(0)) api.dispose();
});

const ITEMS: SearchItem[] = ['Cordless drills compared', 'Drill FAQ', 'Drill manual', 'Bits'].map(
  (title, i) => ({
    id: `doc-${i}`,
    title,
    type: 'article',
    url: `https://shop.example.com/article/doc-${i}`,
    score: 4 - i,
  }),
);

/** The example API as the simulator serves it: token endpoint, pages of ITEMS, revoked tokens. */
function setup() {
  let minted = 0;
  const revoked = new Set<string>();
  const fetch = fakeFetch((request) => {
    const url = new URL(request.url);
    if (url.pathname === '/oauth/v2/token') {
      return json({ token_type: 'Bearer', expires_in: 3600, access_token: `tok-${++minted}` });
    }
    const token = request.headers.authorization?.replace(/^Bearer /, '') ?? '';
    if (revoked.has(token)) {
      return json(
        { error: 'invalid_token', error_description: 'The bearer token has expired.' },
        401,
      );
    }
    if (url.searchParams.get('q') === 'outage') return json({ message: 'Search is down.' }, 503);
    const limit = Number(url.searchParams.get('limit') ?? 10);
    const offset = Number(url.searchParams.get('offset') ?? 0);
    if (limit > 100) {
      return json({ error: 'invalid_request', error_description: 'limit must be 1..100.' }, 400);
    }
    const items = ITEMS.slice(offset, offset + limit);
    return json({ total: ITEMS.length, offset, limit, items });
  });
  const api = createSearchApi({
    baseUrl: 'https://api.example.com',
    clientId: 'my-client',
    clientSecret: 'my-secret',
    fetch,
    retry: false,
  });
  apis.push(api);
  const apiRequests = () => fetch.seen.filter((r) => !r.url.endsWith('/oauth/v2/token'));
  const tokenRequests = () => fetch.seen.filter((r) => r.url.endsWith('/oauth/v2/token'));
  return { api, revoked, apiRequests, tokenRequests };
}

describe('a client typed by your own spec', () => {
  it('calls the API with the bearer token and returns typed data', async () => {
    const { api, apiRequests, tokenRequests } = setup();
    await expect(searchTitles(api, 'drill', 3)).resolves.toEqual([
      'Cordless drills compared',
      'Drill FAQ',
      'Drill manual',
    ]);
    expect(apiRequests().map((r) => `${r.method} ${r.url} ${r.headers.authorization}`)).toEqual([
      'GET https://api.example.com/v1/search?q=drill&limit=3 Bearer tok-1',
    ]);
    expect(tokenRequests()).toHaveLength(1);
  });

  it('pages with offset until total, on one token', async () => {
    const { api, apiRequests, tokenRequests } = setup();
    const items = await searchAll(api, 'drill', 3);
    expect(items.map((item) => item.id)).toEqual(['doc-0', 'doc-1', 'doc-2', 'doc-3']);
    expect(apiRequests().map((r) => new URL(r.url).search)).toEqual([
      '?q=drill&limit=3&offset=0',
      '?q=drill&limit=3&offset=3',
    ]);
    expect(tokenRequests()).toHaveLength(1);
  });

  it('gets a new token and replays once when the API answers 401', async () => {
    const { api, revoked, apiRequests, tokenRequests } = setup();
    await api.tokens.getToken();
    revoked.add('tok-1');
    await expect(searchTitles(api, 'drill')).resolves.toHaveLength(4);
    expect(apiRequests().map((r) => r.headers.authorization)).toEqual([
      'Bearer tok-1',
      'Bearer tok-2',
    ]);
    expect(tokenRequests()).toHaveLength(2);
  });

  it('returns API errors the openapi-fetch way, typed by the spec', async () => {
    const { api } = setup();
    const { data, error, response } = await api.client.GET('/v1/search', {
      params: { query: { q: 'drill', limit: 1000 } },
    });
    expect(data).toBeUndefined();
    expect(response.status).toBe(400);
    expectTypeOf(error).toEqualTypeOf<
      components['schemas']['OAuthError'] | components['schemas']['ServiceError'] | undefined
    >();
    expect(error).toEqual({ error: 'invalid_request', error_description: 'limit must be 1..100.' });
    await expect(searchTitles(api, 'drill', 1000)).rejects.toThrow(
      'search failed with HTTP 400: limit must be 1..100.',
    );
  });

  it('explains a 5xx by its message, the shape the spec declares for outages', async () => {
    const { api } = setup();
    await expect(searchTitles(api, 'outage')).rejects.toThrow(
      'search failed with HTTP 503: Search is down.',
    );
  });

  it('rejects paths and parameters the spec does not have, at compile time', () => {
    const { api } = setup();
    type GetPaths = ClientPathsWithMethod<typeof api.client, 'get'>;
    expectTypeOf<GetPaths>().toEqualTypeOf<'/v1/search'>();
    type SearchQuery = paths['/v1/search']['get']['parameters']['query'];
    expectTypeOf<SearchQuery>().toEqualTypeOf<{ q: string; limit?: number; offset?: number }>();
    type Page = components['schemas']['SearchPage'];
    expectTypeOf<Page['items'][number]['type']>().toEqualTypeOf<
      'product' | 'article' | 'faq' | 'manual'
    >();
    // Never run: each line only has to fail typechecking (`pnpm typecheck`).
    const typeOnly = () => {
      // @ts-expect-error no such path in the spec
      void api.client.GET('/v1/unknown');
      // @ts-expect-error q is required
      void api.client.GET('/v1/search', { params: { query: { limit: 5 } } });
      // @ts-expect-error offset must be a number
      void api.client.GET('/v1/search', { params: { query: { q: 'x', offset: 'next' } } });
      // @ts-expect-error the spec has no POST /v1/search
      void api.client.POST('/v1/search', {});
    };
    expect(typeof typeOnly).toBe('function');
  });
});
