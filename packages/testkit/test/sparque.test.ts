import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Simulator, startSimulator } from '../src/index.js';
import { bearer, call } from './support/http.js';
import { sparqueToken } from './support/tokens.js';

let sim: Simulator;
let token: string;
beforeAll(async () => {
  sim = await startSimulator({ vendors: ['sparque'] });
  token = await sparqueToken(sim);
});
afterAll(() => sim.stop());

const auth = (body: Record<string, unknown>, contentType = 'application/json') =>
  call('sparque', sim.urls.sparque.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body: JSON.stringify(body),
  });
const creds = () => ({
  WorkspaceName: sim.credentials.sparque.workspace,
  ClientId: sim.credentials.sparque.clientId,
  ClientSecret: sim.credentials.sparque.clientSecret,
});
// specs/sparque.yaml answers queryEndpoint with a oneOf whose variants overlap (ResultItemResponse
// accepts anything), so nothing can match exactly one; each response type is checked against its
// own component instead.
const COMPONENT: Record<string, string> = {
  results: 'ResultsResponse',
  'results,count': 'ResultsAndCountResponse',
  count: 'CountResponse',
  statistics: 'StatisticsResponse',
  options: 'OptionsResponse',
  resultitem: 'ResultItemResponse',
  resultpage: 'ResultPageResponse',
};

/** Query path after `/api/{api}/`; validated against the spec's single-endpoint operation. */
const query = (rest: string, t = token) => {
  const c = sim.credentials.sparque;
  const url = `${sim.urls.sparque.baseUrl}/${c.version}/${c.workspace}/api/${c.api}/${rest}`;
  const responseType = decodeURIComponent(new URL(url).pathname.split('/').at(-1) ?? '');
  return call('sparque', url, {
    headers: bearer(t),
    operationId: 'queryEndpoint',
    component: COMPONENT[responseType],
  });
};

describe('SPARQUE token storage API', () => {
  it('returns the stored token while valid (ForceReauth false) and a new one on ForceReauth true', async () => {
    sim.resetLog();
    const a = await auth({ ...creds(), ForceReauth: false });
    const b = await auth(creds());
    expect(a.body.accessToken).toBe(b.body.accessToken);
    expect(a.body.expiresIn).toBeGreaterThan(0);
    const forced = await auth({ ...creds(), ForceReauth: true });
    expect(forced.body.accessToken).not.toBe(a.body.accessToken);
    expect((await query('e/search/count', forced.body.accessToken)).status).toBe(200);
    // The forced login replaced the stored token.
    expect((await query('e/search/count', a.body.accessToken)).status).toBe(401);
    token = forced.body.accessToken;
    expect(sim.mintCount({ vendor: 'sparque' })).toBe(1);
  });

  it('mints a new token once the stored one expired, with the remaining lifetime before', async () => {
    const before = await auth(creds());
    sim.advanceClock(1000 * 1000);
    const remaining = await auth(creds());
    expect(remaining.body.accessToken).toBe(before.body.accessToken);
    expect(remaining.body.expiresIn).toBeLessThanOrEqual(before.body.expiresIn - 1000);
    sim.advanceClock(3600 * 1000);
    const fresh = await auth(creds());
    expect(fresh.body.accessToken).not.toBe(before.body.accessToken);
    expect(fresh.body.expiresIn).toBe(3600);
    expect((await query('e/search/count', before.body.accessToken)).status).toBe(401);
    token = fresh.body.accessToken;
  });

  it('accepts application/json-patch+json like the vendor curl', async () => {
    expect((await auth(creds(), 'application/json-patch+json')).status).toBe(200);
  });

  it.each([
    ['a wrong secret', { ClientSecret: 'nope' }, 401],
    ['another workspace', { WorkspaceName: 'other' }, 401],
    ['a missing ClientId', { ClientId: undefined }, 400],
    ['a non-boolean ForceReauth', { ForceReauth: 'yes' }, 400],
  ])('refuses %s', async (_name, change, want) => {
    const res = await auth({ ...creds(), ...change });
    expect(res.status).toBe(want);
    expect(res.body.message).toEqual(expect.any(String));
  });
});

describe('SPARQUE Query API', () => {
  it('ranks results with probabilities, pages with count/offset', async () => {
    const page1 = await query('e/search/p/query/waterproof%20jacket/results?count=5');
    expect(page1.body).toMatchObject({ count: 5, offset: 0, type: ['OBJ'] });
    expect(page1.body.items.map((i: { rank: number }) => i.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(page1.body.items[0].probability).toBe(1);
    expect(page1.body.items[0].tuple[0].attributes.title.toLowerCase()).toMatch(
      /waterproof|jacket/,
    );
    const page2 = await query('e/search/p/query/waterproof%20jacket/results?count=5&offset=5');
    expect(page2.body.items[0].rank).toBe(6);
    const total = (await query('e/search/p/query/waterproof%20jacket/count')).body.total;
    const last = await query(
      `e/search/p/query/waterproof%20jacket/results?count=5&offset=${total - 2}`,
    );
    expect(last.body.items).toHaveLength(2);
  });

  it('answers "results,count" with a two-element array', async () => {
    const res = await query('e/search/p/query/tent/results,count?count=3');
    expect(Array.isArray(res.body)).toBe(true);
    const [results, stats] = res.body;
    expect(results.items).toHaveLength(3);
    expect(stats.total).toBe((await query('e/search/p/query/tent/count')).body.total);
    expect(stats.stats.map((s: { cutoff: string }) => s.cutoff)).toEqual(['0.25', '0.5', '0.75']);
  });

  it('narrows with a stacked :FILTER endpoint and lists facet options', async () => {
    const all = (await query('e/search/p/query/tent/count')).body.total;
    const products = await query(
      'e/search/p/query/tent/e/type:FILTER/p/value/product/results?count=100',
    );
    expect(products.body.items.length).toBeLessThan(all);
    expect(
      products.body.items.every(
        (i: { tuple: Array<{ attributes: { type: string } }> }) =>
          i.tuple[0]?.attributes.type === 'product',
      ),
    ).toBe(true);
    const options = await query('e/search/p/query/tent/e/type:FILTER/p/value/1(product)/options');
    expect(options.body.selected.map((o: { value: string }) => o.value)).toEqual(['product']);
    const counts = options.body.options.reduce((n: number, o: { count: number }) => n + o.count, 0);
    expect(counts).toBe(all);
  });

  it('answers statistics, resultitem and resultpage', async () => {
    const stats = await query('e/search/p/query/tent/statistics');
    expect(stats.body.stats[0].numResults).toBeLessThanOrEqual(stats.body.total);
    const item = await query('e/search/p/query/tent/resultitem?rank=2');
    const second = (await query('e/search/p/query/tent/results?count=2')).body.items[1].tuple[0];
    expect(item.body).toEqual(second);
    const page = await query('e/search/p/query/tent/resultpage?count=2');
    expect(page.body).toMatchObject({ count: 2, total: stats.body.total });
  });

  it('renders csv when asked', async () => {
    const res = await query('e/search/p/query/tent/results?count=2&format=csv');
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.text.split('\n')).toHaveLength(3);
  });

  it.each([
    ['an unknown endpoint', 'e/nope/results', 400, /no endpoint/],
    ['an unknown parameter', 'e/search/p/color/red/results', 400, /no parameter/],
    ['no endpoint at all', 'results', 400, /no endpoint/],
    ['an unknown response type', 'e/search/everything', 400, /response type/],
    ['options without a :FILTER endpoint', 'e/search/options', 400, /FILTER/],
    [
      'an unknown config',
      'e/search/results?config=staging',
      404,
      /No such workspace configuration/,
    ],
    ['a rank past the end', 'e/search/p/query/tent/resultitem?rank=9999', 404, /rank/],
  ])('answers %s with %i', async (_name, rest, want, message) => {
    const res = await query(rest);
    expect(res.status).toBe(want);
    expect(res.body.message).toMatch(message);
  });

  it('answers 404 "No such api" and 401 for missing or foreign tokens', async () => {
    const c = sim.credentials.sparque;
    const base = `${sim.urls.sparque.baseUrl}/${c.version}/${c.workspace}/api`;
    const noApi = await call('sparque', `${base}/other/e/search/results`, {
      headers: bearer(token),
    });
    expect(noApi.status).toBe(404);
    expect(noApi.body.message).toMatch(/No such api/);
    const anonymous = await call('sparque', `${base}/${c.api}/e/search/results`);
    expect(anonymous.status).toBe(401);
    const otherWorkspace = `${sim.urls.sparque.baseUrl}/1/other/api/${c.api}/e/search/results`;
    expect((await call('sparque', otherWorkspace, { headers: bearer(token) })).status).toBe(401);
  });
});

describe('SPARQUE account without the API Usage role', () => {
  it('gets tokens, but every Query API call answers 401', async () => {
    const noRole = await startSimulator({
      vendors: ['sparque'],
      sparqueAccountRole: 'Data Provider',
    });
    try {
      const t = await sparqueToken(noRole);
      const c = noRole.credentials.sparque;
      const base = `${noRole.urls.sparque.baseUrl}/${c.version}/${c.workspace}/api/${c.api}`;
      for (const rest of [
        'e/search/results',
        'e/search/count',
        'e/search/p/query/tent/resultpage',
      ]) {
        const res = await call('sparque', `${base}/${rest}`, {
          headers: bearer(t),
          operationId: 'queryEndpoint',
        });
        expect(res.status, rest).toBe(401);
        expect(res.body.message).toMatch(/API Usage role/);
      }
      // A forced login does not help: the account, not the token, lacks the right.
      const forced = await sparqueToken(noRole, true);
      const again = await call('sparque', `${base}/e/search/results`, {
        headers: bearer(forced),
        operationId: 'queryEndpoint',
      });
      expect(again.status).toBe(401);
      expect(noRole.mintCount({ vendor: 'sparque' })).toBe(2);
    } finally {
      await noRole.stop();
    }
  });
});
