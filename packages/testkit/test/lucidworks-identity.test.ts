import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Simulator, startSimulator } from '../src/index.js';
import { LUCIDWORKS_TOKEN_HEADERS } from '../src/vendors/lucidworks-identity.js';
import { basic, bearer, call } from './support/http.js';
import { lucidworksToken } from './support/tokens.js';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ vendors: ['lucidworks-springboard', 'lucidworks-ai'] });
});
afterAll(() => sim.stop());

const SB = 'lucidworks-springboard';

describe('Lucidworks identity token endpoint', () => {
  it('mints an HS256 JWT with sub, scope, iat and exp = iat + expires_in', async () => {
    const c = sim.credentials[SB];
    const res = await call(
      SB,
      `${sim.urls[SB].tokenUrl}?grant_type=client_credentials&scope=connectedsearch.query`,
      {
        method: 'POST',
        headers: { ...LUCIDWORKS_TOKEN_HEADERS, authorization: basic(c.clientId, c.clientSecret) },
      },
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      token_type: 'Bearer',
      expires_in: 3600,
      scope: 'connectedsearch.query',
    });
    const claims = decodeJwt(res.body.access_token);
    expect(claims).toMatchObject({ sub: c.clientId, scope: 'connectedsearch.query' });
    expect(claims.exp).toBe((claims.iat as number) + 3600);
    expect(Math.abs((claims.iat as number) * 1000 - sim.now())).toBeLessThan(2000);
    expect(claims.iss).toBe(`${sim.urls[SB].identityBaseUrl}/oauth2/${c.authServerId}`);
  });

  const cases: Array<
    [string, { query?: string; auth?: string | null; body?: string; want: number; error?: string }]
  > = [
    [
      'a wrong secret',
      { auth: basic('sim-springboard-client', 'nope'), want: 401, error: 'invalid_client' },
    ],
    ['no Authorization header', { auth: null, want: 401, error: 'invalid_client' }],
    ['no scope', { query: 'grant_type=client_credentials', want: 400, error: 'invalid_scope' }],
    [
      'a scope of another product',
      {
        query: 'grant_type=client_credentials&scope=machinelearning.predict',
        want: 400,
        error: 'invalid_scope',
      },
    ],
    [
      'another grant type',
      {
        query: 'grant_type=password&scope=connectedsearch.query',
        want: 400,
        error: 'unsupported_grant_type',
      },
    ],
    [
      'parameters in the body instead of the query',
      {
        query: '',
        body: 'grant_type=client_credentials&scope=connectedsearch.query',
        want: 400,
        error: 'invalid_request',
      },
    ],
  ];
  it.each(cases)('refuses %s', async (_name, given) => {
    const c = sim.credentials[SB];
    const auth = given.auth === undefined ? basic(c.clientId, c.clientSecret) : given.auth;
    const headers: Record<string, string> = { ...LUCIDWORKS_TOKEN_HEADERS };
    if (auth) headers.authorization = auth;
    const query = given.query ?? 'grant_type=client_credentials&scope=connectedsearch.query';
    const res = await call(SB, `${sim.urls[SB].tokenUrl}${query ? `?${query}` : ''}`, {
      method: 'POST',
      headers,
      body: given.body,
      // The spec's token request body is empty (maxProperties 0); only the response is validated.
    });
    expect(res.status).toBe(given.want);
    expect(res.body.error).toBe(given.error);
  });

  it.each([
    ['no Accept', { drop: 'accept' }],
    ['no Cache-Control', { drop: 'cache-control' }],
    ['no Content-Type', { drop: 'content-type' }],
    ['Accept: */* (what fetch sends by default)', { set: ['accept', '*/*'] }],
    ['Cache-Control: max-age=0', { set: ['cache-control', 'max-age=0'] }],
    ['Content-Type: application/json', { set: ['content-type', 'application/json'] }],
  ] as const)(
    'refuses a token request with %s (the documented headers are required)',
    async (_name, given) => {
      const c = sim.credentials[SB];
      const headers: Record<string, string> = {
        ...LUCIDWORKS_TOKEN_HEADERS,
        authorization: basic(c.clientId, c.clientSecret),
      };
      if ('drop' in given) delete headers[given.drop];
      else headers[given.set[0]] = given.set[1];
      const url = `${sim.urls[SB].tokenUrl}?grant_type=client_credentials&scope=connectedsearch.query`;
      // fetch adds no Accept or Content-Type of its own to an empty POST, except Accept: */*.
      const res = await call(SB, url, { method: 'POST', headers });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ error: 'invalid_request' });
      const name = 'drop' in given ? given.drop : given.set[0];
      expect(res.body.error_description).toContain(`${name}: ${LUCIDWORKS_TOKEN_HEADERS[name]}`);
    },
  );

  it('accepts the documented headers in any case, with parameters', async () => {
    const c = sim.credentials[SB];
    const url = `${sim.urls[SB].tokenUrl}?grant_type=client_credentials&scope=connectedsearch.query`;
    const res = await call(SB, url, {
      method: 'POST',
      headers: {
        Accept: 'application/json, text/plain',
        'Cache-Control': 'No-Cache',
        'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8',
        authorization: basic(c.clientId, c.clientSecret),
      },
    });
    expect(res.status).toBe(200);
  });

  it('answers 404 for an unknown authorization server (a status the spec does not list)', async () => {
    const c = sim.credentials[SB];
    const url = `${sim.urls[SB].identityBaseUrl}/oauth2/other/v1/token?grant_type=client_credentials&scope=connectedsearch.query`;
    const res = await call(SB, url, {
      method: 'POST',
      headers: { ...LUCIDWORKS_TOKEN_HEADERS, authorization: basic(c.clientId, c.clientSecret) },
      validate: false,
    });
    expect(res.status).toBe(404);
  });
});

describe('scope checks', () => {
  const doc = { type: 'content', object: { externalId: 'x1' }, document: { title: 'X' } };
  const search = { query: 'tent', utcOffset: '+01:00', sessionId: 's1' };

  it.each([
    ['a query token on push', 'connectedsearch.query', 'push', 403],
    ['a push token on search', 'datasource.push', 'search', 403],
    ['a query token on search', 'connectedsearch.query', 'search', 200],
    ['a push token on push', 'datasource.push', 'push', 200],
    ['a two-scope token on push', 'connectedsearch.query datasource.push', 'push', 200],
    ['a two-scope token on search', 'connectedsearch.query datasource.push', 'search', 200],
  ] as const)('%s -> %i', async (_name, scope, api, want) => {
    const token = await lucidworksToken(sim, SB, scope);
    const base = sim.urls[SB].baseUrl;
    const res =
      api === 'push'
        ? await call(SB, `${base}/push/datasources/${sim.credentials[SB].datasourceId}/documents`, {
            method: 'POST',
            headers: bearer(token),
            json: [doc],
          })
        : await call(SB, `${base}/query/search`, {
            method: 'POST',
            headers: bearer(token),
            json: search,
          });
    expect(res.status).toBe(want);
    if (want === 403) expect(res.headers.get('www-authenticate')).toContain('insufficient_scope');
  });

  it('rejects a token of the other Lucidworks product and a made-up token with 401', async () => {
    const aiToken = await lucidworksToken(sim, 'lucidworks-ai', 'machinelearning.predict');
    const url = `${sim.urls[SB].baseUrl}/query/search`;
    for (const token of [aiToken, 'not-a-token']) {
      const res = await call(SB, url, { method: 'POST', headers: bearer(token), json: search });
      expect(res.status).toBe(401);
    }
  });
});

describe('predict-scope revocation', () => {
  const AI = 'lucidworks-ai';
  const predict = (token: string) =>
    call(AI, `${sim.urls[AI].baseUrl}/ai/prediction/embedding/gte-small`, {
      method: 'POST',
      headers: bearer(token),
      json: { batch: [{ text: 'hello' }] },
    });

  it('minting a new predict token revokes the previous one; a model token is unaffected', async () => {
    const model = await lucidworksToken(sim, AI, 'machinelearning.model');
    const first = await lucidworksToken(sim, AI, 'machinelearning.predict');
    expect((await predict(first)).status).toBe(200);
    const second = await lucidworksToken(sim, AI, 'machinelearning.predict');
    const old = await predict(first);
    expect(old.status).toBe(401);
    expect(old.body.message).toMatch(/revoked/);
    expect((await predict(second)).status).toBe(200);
    const models = await call(
      AI,
      `${sim.urls[AI].platformBaseUrl}/customers/${sim.credentials[AI].customerId}/ai/models`,
      { headers: bearer(model) },
    );
    expect(models.status).toBe(200);
  });

  it('a Springboard mint does not revoke anything', async () => {
    const first = await lucidworksToken(sim, SB, 'connectedsearch.query');
    await lucidworksToken(sim, SB, 'connectedsearch.query');
    const res = await call(SB, `${sim.urls[SB].baseUrl}/query/search`, {
      method: 'POST',
      headers: bearer(first),
      json: { query: '', utcOffset: '+00:00', sessionId: 's' },
    });
    expect(res.status).toBe(200);
  });
});
