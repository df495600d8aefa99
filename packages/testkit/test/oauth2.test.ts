import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Simulator, startSimulator } from '../src/index.js';
import { basic, bearer, call } from './support/http.js';
import { findOperation, loadSpec, SPECS } from './support/spec-validator.js';
import { oauth2Token } from './support/tokens.js';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ vendors: ['oauth2'], tokenLifetimeSeconds: { oauth2: 120 } });
});
afterAll(() => sim.stop());

const tokenRequest = (authorization: string | undefined, form: Record<string, string>) =>
  call('oauth2', sim.urls.oauth2.tokenUrl, {
    method: 'POST',
    headers: authorization ? { authorization } : {},
    body: new URLSearchParams(form),
  });

describe('OAuth2 client credentials', () => {
  it('mints a JWT bearer token with the configured lifetime', async () => {
    const c = sim.credentials.oauth2;
    const res = await tokenRequest(basic(c.clientId, c.clientSecret), {
      grant_type: 'client_credentials',
    });
    expect(res.body).toMatchObject({ token_type: 'Bearer', expires_in: 120 });
    expect(decodeJwt(res.body.access_token)).toMatchObject({ sub: c.clientId });
  });

  it('decodes form-urlencoded Basic credentials (RFC 6749 2.3.1)', async () => {
    const c = sim.credentials.oauth2;
    const auth = basic(encodeURIComponent(c.clientId), encodeURIComponent(c.clientSecret));
    expect((await tokenRequest(auth, { grant_type: 'client_credentials' })).status).toBe(200);
  });

  it.each([
    [
      'a wrong secret',
      basic('sim-oauth2-client', 'wrong'),
      { grant_type: 'client_credentials' },
      401,
      'invalid_client',
    ],
    ['no credentials', undefined, { grant_type: 'client_credentials' }, 401, 'invalid_client'],
    [
      'another grant',
      basic('sim-oauth2-client', 'sim-oauth2-secret'),
      { grant_type: 'password' },
      400,
      'unsupported_grant_type',
    ],
  ])('answers %s with %i', async (_name, auth, form, want, error) => {
    const res = await tokenRequest(auth, form);
    expect(res.status).toBe(want);
    expect(res.body.error).toBe(error);
  });

  it('rotating the client secret refuses the old one', async () => {
    const old = sim.credentials.oauth2.clientSecret;
    const next = sim.rotateClientSecret('oauth2');
    expect(sim.credentials.oauth2.clientSecret).toBe(next);
    expect(
      (await tokenRequest(basic('sim-oauth2-client', old), { grant_type: 'client_credentials' }))
        .status,
    ).toBe(401);
    expect(
      (await tokenRequest(basic('sim-oauth2-client', next), { grant_type: 'client_credentials' }))
        .status,
    ).toBe(200);
  });

  it('protects the search API: 200 with a token, 401 without, after expiry and after revocation', async () => {
    const token = await oauth2Token(sim);
    const search = (t?: string) =>
      call('oauth2', `${sim.urls.oauth2.baseUrl}/v1/search?q=tent&limit=3`, {
        headers: t ? bearer(t) : {},
      });
    const ok = await search(token);
    expect(ok.body.items).toHaveLength(3);
    expect(ok.body.total).toBeGreaterThan(3);
    expect((await search()).status).toBe(401);
    expect(sim.revokeTokens({ vendor: 'oauth2', token })).toBe(1);
    expect((await search(token)).status).toBe(401);
    const second = await oauth2Token(sim);
    sim.advanceClock(120_000);
    const expired = await search(second);
    expect(expired.status).toBe(401);
    expect(expired.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
  });
});

// The oauth2 package's README and example are written against packages/oauth2/examples/search-api.yaml;
// `call` validates every response below against it (the spec the validator finds GET /v1/search in).
describe('GET /v1/search is what the oauth2 bring-your-own-spec example describes', () => {
  const searchUrl = (query: string) => `${sim.urls.oauth2.baseUrl}/v1/search${query}`;

  it('is found in the example spec, not in the token endpoint spec', async () => {
    expect(SPECS['oauth2-example'].file).toMatch(/packages\/oauth2\/examples\/search-api\.yaml$/);
    const example = await loadSpec('oauth2-example');
    const tokenSpec = await loadSpec('oauth2');
    expect(example && findOperation(example, 'GET', '/v1/search')?.operationId).toBe('search');
    expect(tokenSpec && findOperation(tokenSpec, 'GET', '/v1/search')).toBeUndefined();
  });

  it.each([
    ['q alone', '?q=tent', { offset: 0, limit: 10 }],
    ['limit and offset', '?q=tent&limit=4&offset=2', { offset: 2, limit: 4 }],
    ['the largest page', '?q=camera&limit=100', { offset: 0, limit: 100 }],
    ['an offset past the end', '?q=tent&offset=100000', { offset: 100_000, limit: 10 }],
    ['a query nothing matches', '?q=zzzzqqq', { total: 0, items: [] }],
  ])('200 for %s', async (_name, query, want) => {
    const token = await oauth2Token(sim);
    const res = await call('oauth2', searchUrl(query), { headers: bearer(token) });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject(want);
  });

  it('pages through every hit once with offset and limit', async () => {
    const token = await oauth2Token(sim);
    const ids: string[] = [];
    let total = Number.POSITIVE_INFINITY;
    for (let offset = 0; offset < total; offset += 7) {
      const res = await call('oauth2', searchUrl(`?q=tent&limit=7&offset=${offset}`), {
        headers: bearer(token),
      });
      total = res.body.total;
      ids.push(...res.body.items.map((item: { id: string }) => item.id));
    }
    expect(new Set(ids).size).toBe(total);
    expect(ids).toHaveLength(total);
  });

  it.each([
    ['no q', '?limit=5', /q is required/],
    ['an empty q', '?q=', /q is required/],
    ['limit 0', '?q=tent&limit=0', /limit must be 1\.\.100/],
    ['limit 101', '?q=tent&limit=101', /limit must be 1\.\.100/],
    ['a fractional limit', '?q=tent&limit=2.5', /limit must be/],
    ['a negative offset', '?q=tent&offset=-1', /offset must be/],
    ['a non-numeric offset', '?q=tent&offset=next', /offset must be/],
  ])('400 invalid_request for %s', async (_name, query, description) => {
    const token = await oauth2Token(sim);
    const res = await call('oauth2', searchUrl(query), { headers: bearer(token) });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('invalid_request');
    expect(res.body.error_description).toMatch(description);
  });

  it.each([
    ['no token', undefined, 'invalid_request'],
    ['an unknown token', 'not-a-token', 'invalid_token'],
  ])('401 { error, error_description } for %s', async (_name, token, challenge) => {
    const res = await call('oauth2', searchUrl('?q=tent'), {
      headers: token ? bearer(token) : {},
    });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: 'invalid_token', error_description: expect.any(String) });
    expect(res.headers.get('www-authenticate')).toBe(`Bearer error="${challenge}"`);
  });
});
