import { createSparqueClient, type SparqueClientOptions } from '@searchauth/sparque';
import { describe, expect, it } from 'vitest';
import { useSimulator } from './support/sim.js';

const sim = useSimulator({ vendors: ['sparque'] });

function sparque(overrides: Partial<SparqueClientOptions> = {}) {
  const creds = sim().credentials.sparque;
  return createSparqueClient({
    workspace: creds.workspace,
    api: creds.api,
    clientId: creds.clientId,
    clientSecret: creds.clientSecret,
    authBaseUrl: sim().urls.sparque.authBaseUrl,
    apiBaseUrl: sim().urls.sparque.baseUrl,
    ...overrides,
  });
}

interface ProductObject {
  id: string;
  attributes: { title: string; brand: string; type: string };
}
const objectOf = (item: { tuple: unknown[] }) => item.tuple[0] as ProductObject;

describe('SPARQUE against the simulator', () => {
  it('answers a structured query with ranked results and their statistics ("results,count")', async () => {
    const client = sparque();
    const [results, stats] = await client.query({
      endpoints: [{ name: 'search', parameters: { query: 'waterproof tent' } }],
      responseType: 'results,count',
      count: 8,
    });
    expect(results.items.map((item) => item.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const probabilities = results.items.map((item) => item.probability);
    expect(probabilities).toEqual([...probabilities].sort((a, b) => b - a));
    expect(objectOf(results.items[0] as { tuple: unknown[] }).attributes.title).toMatch(/tent/i);
    expect(stats.total).toBeGreaterThan(8);
    // The same total from the count-only response type.
    const count = await client.query({
      endpoints: [{ name: 'search', parameters: { query: 'waterproof tent' } }],
      responseType: 'count',
    });
    expect(count.total).toBe(stats.total);
    expect(sim().mintCount({ vendor: 'sparque' })).toBe(1);
    client.dispose();
  });

  it('narrows a search with a facet endpoint and pages with offset', async () => {
    const client = sparque();
    const search = { name: 'search', parameters: { query: 'wireless' } };
    const [all, allStats] = await client.query({
      endpoints: [search],
      responseType: 'results,count',
    });
    const brand = objectOf(all.items[0] as { tuple: unknown[] }).attributes.brand;
    const filter = { name: 'brand:FILTER', parameters: { value: brand } };
    const [narrowed, stats] = await client.query({
      endpoints: [search, filter],
      responseType: 'results,count',
      count: 50,
    });
    expect(stats.total).toBeGreaterThan(0);
    expect(stats.total).toBeLessThan(allStats.total);
    expect(narrowed.items.every((item) => objectOf(item).attributes.brand === brand)).toBe(true);

    const first = await client.query({ endpoints: [search], count: 5 });
    const second = await client.query({ endpoints: [search], count: 5, offset: 5 });
    expect(second.items.map((item) => item.rank)).toEqual([6, 7, 8, 9, 10]);
    const ids = [...first.items, ...second.items].map((item) => objectOf(item).id);
    expect(new Set(ids).size).toBe(10);

    const facets = await client.query({
      endpoints: [search, { name: 'brand:FILTER' }],
      responseType: 'options',
    });
    expect(facets.options.map((option) => option.value)).toContain(brand);
    client.dispose();
  });

  it('encodes awkward parameter values as single path segments', async () => {
    const client = sparque();
    // A slash, a question mark and Unicode must not change the path or reach the server mangled.
    const [, stats] = await client.query({
      endpoints: [{ name: 'search', parameters: { query: 'tent / jacket? über' } }],
      responseType: 'results,count',
    });
    expect(stats.total).toBeGreaterThan(0);
    const [logged] = sim().requests.filter((r) => r.endpoint === 'query');
    expect(logged?.path).toContain('/p/query/tent%20%2F%20jacket%3F%20%C3%BCber/');
    client.dispose();
  });

  it('reports an unknown api and configuration as ERR_NOT_FOUND with the server message', async () => {
    const client = sparque();
    const search = { name: 'search', parameters: { query: 'tent' } };
    await expect(client.query({ api: 'no-such-api', endpoints: [search] })).rejects.toMatchObject({
      code: 'ERR_NOT_FOUND',
      message: expect.stringContaining('No such api'),
    });
    await expect(client.query({ config: 'staging', endpoints: [search] })).rejects.toMatchObject({
      code: 'ERR_NOT_FOUND',
      message: expect.stringContaining('No such workspace configuration'),
    });
    client.dispose();
  });

  it('shares the token the server stores: a second client gets it without a new mint', async () => {
    const first = sparque();
    const second = sparque();
    await first.query({ endpoints: [{ name: 'search', parameters: { query: 'tent' } }] });
    await second.query({ endpoints: [{ name: 'search', parameters: { query: 'jacket' } }] });
    expect(sim().requestCount({ endpoint: 'token' })).toBe(2);
    expect(sim().mintCount()).toBe(1);
    expect(await second.tokens.getToken()).toBe(await first.tokens.getToken());
    first.dispose();
    second.dispose();
  });

  it('two clients (two processes) settle on one new token after the server revokes theirs', async () => {
    // BUG: a 401 makes the token source send ForceReauth: true at once, and a forced login
    // revokes the token the server stored, which the other process is using. Each process's next
    // 401 then revokes the other's token: every call costs a 401 and a mint, indefinitely.
    // Asking with ForceReauth: false first would return the peer's fresh token.
    const first = sparque();
    const second = sparque();
    const search = { endpoints: [{ name: 'search', parameters: { query: 'tent' } }] };
    await first.query(search);
    await second.query(search);
    sim().revokeTokens();
    for (let round = 0; round < 4; round++) {
      await first.query(search);
      await second.query(search);
    }
    // One 401 each, and one new token for both.
    expect(sim().requestCount({ endpoint: 'query', status: 401 })).toBe(2);
    expect(sim().mintCount()).toBe(2);
    first.dispose();
    second.dispose();
  });
});
