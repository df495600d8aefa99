import { afterEach, describe, expect, expectTypeOf, it } from 'vitest';
import { fakeFetch, json, text } from '../../core/test/fake-fetch.js';
import { createSparqueClient, type SparqueClient } from '../src/index.js';
import { RESULTS, sparqueSim } from './sparque-sim.js';

const clients: SparqueClient[] = [];
afterEach(() => {
  for (const client of clients.splice(0)) client.dispose();
});

function setup(extra: Record<string, unknown> = {}) {
  const sim = sparqueSim();
  const fetch = fakeFetch(sim.handler);
  const client = createSparqueClient({
    workspace: 'shop',
    clientId: 'id',
    clientSecret: 'secret',
    api: 'products',
    fetch,
    retry: false,
    ...extra,
  });
  clients.push(client);
  const apiRequests = () => fetch.seen.filter((r) => !r.url.endsWith('/api/auth'));
  return { sim, client, fetch, apiRequests };
}

describe('query()', () => {
  it('GETs the built path on rest.sparque.ai with the bearer token and the query options', async () => {
    const { client, apiRequests } = setup();
    await client.query({
      context: { locale: 'nl-NL' },
      endpoints: [{ name: 'search', parameters: { q: 'accu boor' } }, { name: 'brand:FILTER' }],
      config: 'production',
      count: 20,
      offset: 40,
      cutoff: 0.5,
    });
    const [request] = apiRequests();
    expect(request?.method).toBe('GET');
    expect(request?.url).toBe(
      'https://rest.sparque.ai/1/shop/api/products/c/locale/nl-NL/e/search/p/q/accu%20boor/e/brand:FILTER/results' +
        '?config=production&count=20&offset=40&cutoff=0.5',
    );
    expect(request?.headers).toMatchObject({
      authorization: 'Bearer tok-1',
      accept: 'application/json',
    });
  });

  it('uses the version, api and host given', async () => {
    const { client, apiRequests } = setup({ version: 4, apiBaseUrl: 'http://127.0.0.1:9000/' });
    await client.query({ api: 'other', endpoints: [{ name: 'e' }] });
    expect(apiRequests()[0]?.url).toBe('http://127.0.0.1:9000/4/shop/api/other/e/e/results');
  });

  it('returns typed results per response type', async () => {
    const { sim, client } = setup();
    const results = await client.query({ endpoints: [{ name: 'e' }] });
    expectTypeOf(results.items[0]?.probability).toEqualTypeOf<number | undefined>();
    expect(results.items[0]?.tuple[1]).toBe(12.5);

    sim.state.apiResponse = () => json([RESULTS, { total: 31, stats: [] }]);
    const both = await client.query({ endpoints: [{ name: 'e' }], responseType: 'results,count' });
    expectTypeOf(both[1].total).toEqualTypeOf<number>();
    expect([both[0].items.length, both[1].total]).toEqual([1, 31]);

    sim.state.apiResponse = () => json({ total: 31 });
    const count = await client.query({ endpoints: [{ name: 'e' }], responseType: 'count' });
    expectTypeOf(count.total).toEqualTypeOf<number>();
    expect(count.total).toBe(31);

    sim.state.apiResponse = () =>
      json({ id: 'brand', selected: [], options: [{ id: 'b', value: 'Bosch', score: 3 }] });
    const facets = await client.query({
      endpoints: [{ name: 'brand:FILTER' }],
      responseType: 'options',
    });
    expectTypeOf(facets.options[0]?.value).toEqualTypeOf<string | undefined>();
    expect(facets.options[0]?.value).toBe('Bosch');
  });

  it.each([
    [
      '400 unknown endpoint',
      json({ message: "no endpoint 'serch'" }, 400),
      'ERR_BAD_REQUEST',
      /no endpoint 'serch'/,
    ],
    ['404 no such api', json({ message: 'No such api' }, 404), 'ERR_NOT_FOUND', /No such api/],
    [
      '404 no such workspace configuration',
      json({ message: 'No such workspace configuration' }, 404),
      'ERR_NOT_FOUND',
      /No such workspace configuration/,
    ],
    ['400 without a body', new Response(null, { status: 400 }), 'ERR_BAD_REQUEST', /HTTP 400/],
    ['500', text('boom', 500), 'ERR_HTTP', /HTTP 500/],
  ])('maps %s to a typed error', async (_name, response, code, message) => {
    const { sim, client } = setup();
    sim.state.apiResponse = () => response;
    const error = await client.query({ endpoints: [{ name: 'serch' }] }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code, vendor: 'sparque', status: response.status });
    expect((error as Error).message).toMatch(message);
  });

  it('fails with ERR_HTTP on a 200 that is not JSON', async () => {
    const { sim, client } = setup();
    sim.state.apiResponse = () => text('<html/>', 200, 'text/html');
    await expect(client.query({ endpoints: [{ name: 'e' }] })).rejects.toMatchObject({
      code: 'ERR_HTTP',
      status: 200,
    });
  });

  it('needs an api name, from the query or the client', async () => {
    const { client, fetch } = setup({ api: undefined });
    await expect(client.query({ endpoints: [{ name: 'e' }] })).rejects.toMatchObject({
      code: 'ERR_INVALID_OPTIONS',
      message: expect.stringMatching(/api must be/),
    });
    expect(fetch.seen).toHaveLength(0);
    await expect(client.query({ api: 'other', endpoints: [{ name: 'e' }] })).resolves.toBeDefined();
  });

  it('passes every query option it knows and nothing else', async () => {
    const { client, apiRequests } = setup();
    const options = {
      config: 'c',
      count: 1,
      offset: 2,
      cutoff: '0.3',
      homogeneousArrays: true,
      rank: 4,
      column: 5,
      multiselect: false,
    };
    await client.query({ endpoints: [{ name: 'e' }], ...options, unknown: 'x' } as never);
    const url = new URL(apiRequests()[0]?.url ?? '');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      config: 'c',
      count: '1',
      offset: '2',
      cutoff: '0.3',
      homogeneousArrays: 'true',
      rank: '4',
      column: '5',
      multiselect: 'false',
    });
  });

  it('a query cannot change the workspace or version', async () => {
    const { client, apiRequests } = setup();
    await client.query({ endpoints: [{ name: 'e' }], workspace: 'other', version: '9' } as never);
    expect(apiRequests()[0]?.url).toBe('https://rest.sparque.ai/1/shop/api/products/e/e/results');
  });

  it('honours an AbortSignal', async () => {
    const { client } = setup();
    const controller = new AbortController();
    controller.abort();
    await expect(
      client.query({ endpoints: [{ name: 'e' }], signal: controller.signal }),
    ).rejects.toBeDefined();
  });
});

describe('the generated client', () => {
  it('is authenticated and keeps :FILTER and results,count in the path', async () => {
    const { sim, client, apiRequests } = setup();
    sim.state.apiResponse = () => json([RESULTS, { total: 1, stats: [] }]);
    const { data, error } = await client.client.GET(
      '/{version}/{workspace}/api/{api}/e/{endpoint}/{responseType}',
      {
        params: {
          path: {
            version: '1',
            workspace: 'shop',
            api: 'products',
            endpoint: 'brand:FILTER',
            responseType: 'results,count',
          },
          query: { config: 'default', count: 5 },
        },
      },
    );
    expect(error).toBeUndefined();
    expect(Array.isArray(data)).toBe(true);
    expect(apiRequests()[0]?.url).toBe(
      'https://rest.sparque.ai/1/shop/api/products/e/brand:FILTER/results,count?config=default&count=5',
    );
    expect(apiRequests()[0]?.headers.authorization).toBe('Bearer tok-1');
  });
});

describe('the generated client and a 200 that is not JSON', () => {
  it('is ERR_HTTP naming vendor, method, URL and status, not a SyntaxError', async () => {
    const { sim, client } = setup();
    sim.state.apiResponse = () => text('<html>gateway</html>', 200);
    await expect(
      client.client.GET('/{version}/{workspace}/api/{api}/e/{endpoint}/{responseType}', {
        params: {
          path: {
            version: '1',
            workspace: 'shop',
            api: 'products',
            endpoint: 'e',
            responseType: 'results',
          },
        },
      }),
    ).rejects.toMatchObject({
      name: 'SearchAuthError',
      code: 'ERR_HTTP',
      vendor: 'sparque',
      method: 'GET',
      status: 200,
      url: 'https://rest.sparque.ai/1/shop/api/products/e/e/results',
    });
  });
});

describe('pass-through options', () => {
  it('retries a 503 per `retry`, and not at all with retry: false', async () => {
    const retried = setup({ retry: { maxAttempts: 2 }, random: () => 0 });
    let calls = 0;
    retried.sim.state.apiResponse = () => (++calls === 1 ? text('busy', 503) : json(RESULTS));
    await expect(retried.client.query({ endpoints: [{ name: 'e' }] })).resolves.toBeDefined();
    expect(retried.apiRequests()).toHaveLength(2);

    const once = setup({ retry: false });
    once.sim.state.apiResponse = () => text('busy', 503);
    await expect(once.client.query({ endpoints: [{ name: 'e' }] })).rejects.toMatchObject({
      status: 503,
    });
    expect(once.apiRequests()).toHaveLength(1);
  });

  it('reports token events to onEvent', async () => {
    const events: string[] = [];
    const { client } = setup({
      onEvent: (event: { type: string; vendor: string }) =>
        events.push(`${event.vendor}:${event.type}`),
    });
    await client.query({ endpoints: [{ name: 'e' }] });
    expect(events).toContain('sparque:miss');
  });

  it('uses the injected clock for expiry', async () => {
    let now = Date.UTC(2030, 0, 1);
    const clock = { now: () => now, setTimeout: () => 0, clearTimeout: () => {} };
    const { sim, client } = setup({ clock });
    // The simulator hands out an opaque token, so its lifetime is defaultLifetimeSeconds (3600).
    await client.query({ endpoints: [{ name: 'e' }] });
    now += 1_000_000;
    await client.query({ endpoints: [{ name: 'e' }] });
    expect(sim.state.forceReauth).toEqual([false]);
    now += 2_601_000;
    await client.query({ endpoints: [{ name: 'e' }] });
    expect(sim.state.forceReauth).toEqual([false, false]);
  });

  it('writes tokens to the injected store under a key without the client id', async () => {
    const writes: Array<[string, string]> = [];
    const entries = new Map<string, { accessToken: string; obtainedAt: number }>();
    const store = {
      get: async (key: string) => entries.get(key),
      set: async (key: string, token: { accessToken: string; obtainedAt: number }) => {
        writes.push([key, token.accessToken]);
        entries.set(key, token);
      },
      delete: async (key: string) => void entries.delete(key),
    };
    const { client } = setup({ store, clientId: 'very-identifiable-client' });
    await client.query({ endpoints: [{ name: 'e' }] });
    expect(writes).toHaveLength(1);
    expect(writes[0]?.[1]).toBe('tok-1');
    expect(writes[0]?.[0]).toContain('sparque');
    expect(writes[0]?.[0]).not.toContain('very-identifiable-client');
  });
});
