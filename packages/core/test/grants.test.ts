import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { clientCredentials, refreshTokenGrant, Secret } from '../src/index.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  nock.cleanAll();
  vi.useRealTimers();
});

const signal = new AbortController().signal;
const context = { signal, reason: 'initial' as const };
const ID = 'my client:id';
const SECRET = 's3cr3t/with+chars&=';
const basic = (id: string, secret: string) =>
  `Basic ${Buffer.from(`${encodeForm(id)}:${encodeForm(secret)}`).toString('base64')}`;
const encodeForm = (value: string) => new URLSearchParams({ v: value }).toString().slice(2);

describe('clientCredentials', () => {
  it('sends Lucidworks style: parameters in the query, Basic auth, an empty form body', async () => {
    let seen: { headers: Record<string, unknown>; body: unknown } | undefined;
    const scope = nock('https://identity.lucidworks.com')
      .post('/oauth2/aus/v1/token')
      .query({ grant_type: 'client_credentials', scope: 'machinelearning.predict' })
      .reply(function (_uri, body) {
        seen = { headers: this.req.headers, body };
        return [200, { access_token: 'at', token_type: 'Bearer', expires_in: 3600 }];
      });
    const source = clientCredentials({
      vendor: 'lucidworks-ai',
      tokenUrl: 'https://identity.lucidworks.com/oauth2/aus/v1/token',
      clientId: ID,
      clientSecret: new Secret(SECRET),
      scope: 'machinelearning.predict',
      paramsIn: 'query',
    });
    expect(await source(context)).toMatchObject({ accessToken: 'at', expiresIn: 3600 });
    expect(scope.isDone()).toBe(true);
    expect(seen?.headers.authorization).toBe(basic(ID, SECRET));
    expect(seen?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(seen?.body).toBe('');
  });

  it.each([
    [
      'basic auth with the parameters in the body',
      { clientAuth: 'basic' as const },
      { grant_type: 'client_credentials', scope: 'read', audience: 'api', x: '1' },
      true,
    ],
    [
      'credentials in the body',
      { clientAuth: 'body' as const },
      {
        grant_type: 'client_credentials',
        scope: 'read',
        audience: 'api',
        x: '1',
        client_id: ID,
        client_secret: SECRET,
      },
      false,
    ],
  ])('sends %s', async (_name, options, wantBody, wantBasic) => {
    let headers: Record<string, unknown> = {};
    nock('https://id.example.com')
      .post('/oauth/v2/token', wantBody)
      .reply(function () {
        headers = this.req.headers;
        return [200, { access_token: 'at', expires_in: 60 }];
      });
    const source = clientCredentials({
      vendor: 'oauth2',
      tokenUrl: 'https://id.example.com/oauth/v2/token',
      clientId: ID,
      clientSecret: SECRET,
      scope: 'read',
      audience: 'api',
      extraParams: { x: '1' },
      ...options,
    });
    await expect(source(context)).resolves.toMatchObject({ accessToken: 'at' });
    expect(headers.authorization).toBe(wantBasic ? basic(ID, SECRET) : undefined);
  });

  it('keeps credentials out of the URL even with paramsIn query and body auth', async () => {
    let url = '';
    nock('https://id.example.com')
      .post('/token', { client_id: ID, client_secret: SECRET })
      .query(true)
      .reply((uri) => {
        url = uri;
        return [200, { access_token: 'at' }];
      });
    const source = clientCredentials({
      vendor: 'v',
      tokenUrl: 'https://id.example.com/token',
      clientId: ID,
      clientSecret: SECRET,
      clientAuth: 'body',
      paramsIn: 'query',
    });
    await source(context);
    expect(url).toBe('/token?grant_type=client_credentials');
  });

  it('maps the vendor status codes it is given', async () => {
    nock('https://id.example.com').post('/token').reply(401, { error: 'invalid_client' });
    const source = clientCredentials({
      vendor: 'v',
      tokenUrl: 'https://id.example.com/token',
      clientId: ID,
      clientSecret: SECRET,
      statusCodes: { 401: 'ERR_FORBIDDEN' },
    });
    await expect(source(context)).rejects.toMatchObject({ code: 'ERR_FORBIDDEN', status: 401 });
  });

  it('times out a token request that never answers with ERR_TIMEOUT', async () => {
    vi.useFakeTimers();
    const source = clientCredentials({
      vendor: 'v',
      tokenUrl: 'https://id.example.com/token',
      clientId: ID,
      clientSecret: SECRET,
      timeoutMs: 5000,
      fetch: (_input, init) =>
        new Promise((_resolve, reject) =>
          init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
        ),
    });
    const pending = source(context).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(5000);
    expect(await pending).toMatchObject({ code: 'ERR_TIMEOUT', vendor: 'v' });
  });
});

describe('refreshTokenGrant', () => {
  const tokenUrl = 'https://squirro.example.com/api/user/oauth2/token';

  it('posts the refresh token as a form and keeps a rotated one for the next request', async () => {
    const rotated: string[] = [];
    nock('https://squirro.example.com')
      .post('/api/user/oauth2/token', { grant_type: 'refresh_token', refresh_token: 'user-token' })
      .reply(200, { access_token: 'a1', refresh_token: 'rotated-1' })
      .post('/api/user/oauth2/token', { grant_type: 'refresh_token', refresh_token: 'rotated-1' })
      .reply(200, { access_token: 'a2' });
    const source = refreshTokenGrant({
      vendor: 'squirro',
      tokenUrl,
      refreshToken: 'user-token',
      onRefreshTokenRotated: (token) => {
        rotated.push(token.reveal());
        throw new Error('persisting failed'); // ignored: the token is kept in memory
      },
    });
    const first = await source(context);
    expect(first).toEqual({ accessToken: 'a1' });
    expect(await source(context)).toEqual({ accessToken: 'a2' });
    expect(rotated).toEqual(['rotated-1']);
  });

  it('sends client id and secret in the form when given', async () => {
    const scope = nock('https://squirro.example.com')
      .post('/api/user/oauth2/token', {
        grant_type: 'refresh_token',
        refresh_token: 'user-token',
        client_id: 'cid',
        client_secret: 'csecret',
      })
      .reply(200, { access_token: 'a1' });
    await refreshTokenGrant({
      vendor: 'squirro',
      tokenUrl,
      refreshToken: 'user-token',
      clientId: 'cid',
      clientSecret: 'csecret',
    })(context);
    expect(scope.isDone()).toBe(true);
  });

  it.each([
    [400, undefined, 'ERR_REFRESH_TOKEN_INVALID'],
    [404, { 404: 'ERR_REFRESH_TOKEN_INVALID' }, 'ERR_REFRESH_TOKEN_INVALID'],
    [410, { 410: 'ERR_REFRESH_TOKEN_EXPIRED' }, 'ERR_REFRESH_TOKEN_EXPIRED'],
    [503, undefined, 'ERR_TOKEN_ENDPOINT_UNAVAILABLE'],
  ] as const)('maps %i to the code the vendor declares', async (status, statusCodes, want) => {
    nock('https://squirro.example.com')
      .post('/api/user/oauth2/token')
      .reply(status, { error: 'no' });
    const source = refreshTokenGrant({
      vendor: 'squirro',
      tokenUrl,
      refreshToken: 'user-token',
      statusCodes,
    });
    await expect(source(context)).rejects.toMatchObject({ code: want, status });
  });
});
