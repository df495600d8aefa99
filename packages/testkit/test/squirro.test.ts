import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Simulator, startSimulator } from '../src/index.js';
import { bearer, call } from './support/http.js';
import { squirroToken } from './support/tokens.js';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ vendors: ['squirro'] });
});
afterAll(() => sim.stop());

const grant = (form: Record<string, string>, init: RequestInit = {}) =>
  call('squirro', sim.urls.squirro.tokenUrl, {
    method: 'POST',
    body: new URLSearchParams(form),
    ...init,
  });
const itemsUrl = () => {
  const c = sim.credentials.squirro;
  return `${sim.urls.squirro.baseUrl}/api/topic/v0/${c.tenant}/projects/${c.projectId}/items/query`;
};
const queryItems = (token: string, json: unknown, url = itemsUrl()) =>
  call('squirro', url, { method: 'POST', headers: bearer(token), json });

describe('Squirro refresh-token grant', () => {
  it('exchanges the user token for an opaque access token and session, without an expiry', async () => {
    const res = await grant({
      grant_type: 'refresh_token',
      refresh_token: sim.credentials.squirro.refreshToken,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      user_id: 'sim-user',
      tenant: 'sim-tenant',
      refresh_token: sim.credentials.squirro.refreshToken,
    });
    expect(res.body.access_token.split('.')).toHaveLength(1);
    expect(res.body).not.toHaveProperty('expires_in');
  });

  it.each([
    ['an unknown refresh token', { grant_type: 'refresh_token', refresh_token: 'nope' }, 404],
    [
      'a revoked refresh token',
      { grant_type: 'refresh_token', refresh_token: 'sim-squirro-revoked-token' },
      410,
    ],
    ['another grant type', { grant_type: 'password', refresh_token: 'x' }, 400],
    ['no refresh token', { grant_type: 'refresh_token' }, 400],
  ])('answers %s with %i', async (_name, form, want) => {
    const res = await grant(form);
    expect(res.status).toBe(want);
    expect(res.body.error).toEqual(expect.any(String));
  });

  it('revokes and issues refresh tokens at runtime', async () => {
    const fresh = sim.issueRefreshToken();
    expect((await grant({ grant_type: 'refresh_token', refresh_token: fresh })).status).toBe(200);
    sim.revokeRefreshToken(fresh);
    expect((await grant({ grant_type: 'refresh_token', refresh_token: fresh })).status).toBe(410);
  });

  it('access tokens live 10 minutes by default', async () => {
    const token = await squirroToken(sim);
    sim.advanceClock(599_000);
    expect((await queryItems(token, { query: 'tent' })).status).toBe(200);
    sim.advanceClock(1_000);
    const expired = await queryItems(token, { query: 'tent' });
    expect(expired.status).toBe(401);
    expect(expired.body.error).toMatch(/expired/);
  });

  it('rotates refresh tokens when asked to', async () => {
    const rotating = await startSimulator({ vendors: ['squirro'], rotateRefreshTokens: true });
    try {
      const first = rotating.credentials.squirro.refreshToken;
      const body = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: first });
      const res = await call('squirro', rotating.urls.squirro.tokenUrl, { method: 'POST', body });
      expect(res.body.refresh_token).not.toBe(first);
      expect(rotating.credentials.squirro.refreshToken).toBe(res.body.refresh_token);
      const again = await call('squirro', rotating.urls.squirro.tokenUrl, { method: 'POST', body });
      expect(again.status).toBe(410);
    } finally {
      await rotating.stop();
    }
  });
});

describe('Squirro items query', () => {
  let token: string;
  beforeAll(async () => {
    token = await squirroToken(sim);
  });

  it('pages with next_params: short pages, but no repeats and no skips', async () => {
    const all = await queryItems(token, { query: '', count: 1000 });
    expect(all.body.eof).toBe(true);
    const expected = all.body.items.map((i: { id: string }) => i.id);
    expect(expected.length).toBe(all.body.total);

    const seen: string[] = [];
    const pageSizes: number[] = [];
    let body: Record<string, unknown> = { query: '', count: 20 };
    for (let guard = 0; guard < 100; guard++) {
      const page = await queryItems(token, body);
      seen.push(...page.body.items.map((i: { id: string }) => i.id));
      pageSizes.push(page.body.count);
      if (page.body.eof) break;
      body = { query: '', count: 20, next_params: page.body.next_params };
    }
    expect(seen).toEqual(expected);
    expect(pageSizes.some((n) => n < 20)).toBe(true);
  });

  it('repeats items when a client adds the page length to start instead (the quirk is real)', async () => {
    const first = await queryItems(token, { query: '', count: 20 });
    const naive = await queryItems(token, { query: '', count: 20, start: first.body.count });
    const overlap = naive.body.items.filter((i: { id: string }) =>
      first.body.items.some((f: { id: string }) => f.id === i.id),
    );
    expect(first.body.count).toBeLessThan(20);
    expect(overlap.length).toBeGreaterThan(0);
  });

  it('ranks by relevance, filters with field:value, aggregates and highlights', async () => {
    const res = await queryItems(token, {
      query: 'waterproof type:product',
      count: 5,
      highlight: { query: true },
      aggregations: { kinds: { fields: ['brand', 'color'], size: 3 } },
    });
    const items = res.body.items;
    expect(
      items.every((i: { keywords: { type: string[] } }) => i.keywords.type[0] === 'product'),
    ).toBe(true);
    expect(items[0].body).toContain('<squirro:highlight>');
    const scores = items.map((i: { score: number }) => i.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(res.body.aggregations.kinds.brand.values.length).toBeLessThanOrEqual(3);
    expect(res.body.aggregations.kinds.color.values[0]).toEqual({
      key: expect.any(String),
      value: expect.any(Number),
    });
  });

  it('returns only the requested fields (and id)', async () => {
    const res = await queryItems(token, { query: 'tent', count: 2, fields: ['title'] });
    expect(Object.keys(res.body.items[0]).sort()).toEqual(['id', 'title']);
  });

  it.each([
    ['query and query_context together', { query: 'x', query_context: {} }, 400],
    ['a negative start', { start: -1 }, 400],
  ])('answers %s with %i', async (_name, body, want) => {
    expect((await queryItems(token, body)).status).toBe(want);
  });

  it('answers 404 for an unknown project or tenant (as documented) and 401 without a token', async () => {
    const c = sim.credentials.squirro;
    const base = `${sim.urls.squirro.baseUrl}/api/topic/v0`;
    const project = await queryItems(token, {}, `${base}/${c.tenant}/projects/nope/items/query`);
    expect(project.status).toBe(404);
    expect(project.body.error).toMatch(/Project nope/);
    const tenant = await queryItems(token, {}, `${base}/other/projects/${c.projectId}/items/query`);
    expect(tenant.status).toBe(404);
    expect(tenant.body.error).toMatch(/Tenant other/);
    expect((await call('squirro', itemsUrl(), { method: 'POST', json: {} })).status).toBe(401);
  });
});

describe('Squirro multi-node login (squirroReusesAccessTokens)', () => {
  it('hands back the still-valid access token, and a new one once it expired or was revoked', async () => {
    const cluster = await startSimulator({ vendors: ['squirro'], squirroReusesAccessTokens: true });
    try {
      const first = await squirroToken(cluster);
      expect(await squirroToken(cluster)).toBe(first);
      expect(cluster.mintCount({ vendor: 'squirro' })).toBe(1);

      cluster.advanceClock(600_000);
      const second = await squirroToken(cluster);
      expect(second).not.toBe(first);

      cluster.revokeTokens({ vendor: 'squirro', token: second });
      const third = await squirroToken(cluster);
      expect(third).not.toBe(second);
      expect(cluster.mintCount({ vendor: 'squirro' })).toBe(3);
    } finally {
      await cluster.stop();
    }
  });

  it('is off by default: every login mints', async () => {
    const first = await squirroToken(sim);
    expect(await squirroToken(sim)).not.toBe(first);
  });
});
