import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSquirroClient } from '../src/index.js';
import {
  CLUSTER,
  DOCUMENTED_TOKEN_RESPONSE,
  emptyPage,
  issuingTokens,
  json,
  REFRESH_TOKEN,
  squirro,
} from './fake-squirro.js';

const QUERY_PATH = '/api/topic/v0/squirro_demo/projects/p1/items/query';

describe('the login request on the wire (nock, native fetch)', () => {
  beforeEach(() => {
    nock.disableNetConnect();
  });
  afterEach(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it('matches the documented example and the bearer token is the documented access_token', async () => {
    const seen: { path: string; headers: Record<string, unknown>; body: unknown }[] = [];
    const record = (status: number, reply: unknown) =>
      function (this: nock.ReplyFnContext, uri: string, body: nock.Body) {
        seen.push({ path: uri, headers: this.req.headers, body });
        return [status, reply] as [number, unknown];
      };
    nock(CLUSTER)
      .post('/api/user/oauth2/token')
      .reply(record(200, DOCUMENTED_TOKEN_RESPONSE))
      .post(QUERY_PATH)
      .reply(record(200, emptyPage()));
    const squirroClient = createSquirroClient({
      clusterUrl: CLUSTER,
      refreshToken: REFRESH_TOKEN,
      tenant: 'squirro_demo',
    });

    await squirroClient.searchItems({ projectId: 'p1', query: 'lorem' });

    expect(seen.map((r) => r.path)).toEqual(['/api/user/oauth2/token', QUERY_PATH]);
    const [login, search] = seen;
    expect(login?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(login?.headers.authorization).toBeUndefined();
    expect(login?.body).toBe(`grant_type=refresh_token&refresh_token=${REFRESH_TOKEN}`);
    expect(search?.headers.authorization).toBe(`Bearer ${DOCUMENTED_TOKEN_RESPONSE.access_token}`);
    expect(search?.headers['content-type']).toBe('application/json');
    expect(search?.body).toEqual({ query: 'lorem' });
    squirroClient.dispose();
  });

  it('form-encodes a refresh token with reserved characters', async () => {
    let body: unknown;
    nock(CLUSTER)
      .post('/api/user/oauth2/token')
      .reply(200, (_uri, requestBody) => {
        body = requestBody;
        return DOCUMENTED_TOKEN_RESPONSE;
      });
    const squirroClient = createSquirroClient({ clusterUrl: CLUSTER, refreshToken: 'a+b/c=d&e f' });
    await squirroClient.tokens.getToken();
    expect(new URLSearchParams(String(body)).get('refresh_token')).toBe('a+b/c=d&e f');
    expect(String(body)).toBe('grant_type=refresh_token&refresh_token=a%2Bb%2Fc%3Dd%26e+f');
  });
});

describe('access token lifetime (the response has no expiry)', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] });
    vi.setSystemTime(new Date('2024-05-01T12:00:00Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it.each([
    ['default 600 s', { lifetime: undefined, before: 10, after: 601 }],
    ['accessTokenLifetimeSeconds 120', { lifetime: 120, before: 10, after: 121 }],
  ])('%s', async (_name, { lifetime, before, after }) => {
    const server = squirro({ token: issuingTokens(), api: () => json(emptyPage()) });
    const squirroClient = createSquirroClient({
      clusterUrl: CLUSTER,
      refreshToken: REFRESH_TOKEN,
      tenant: 'squirro_demo',
      accessTokenLifetimeSeconds: lifetime,
      fetch: server.fetch,
      random: () => 0.5,
    });
    const search = () => squirroClient.searchItems({ projectId: 'p1', query: 'x' });

    await search();
    await vi.advanceTimersByTimeAsync(before * 1000);
    await search();
    expect(server.tokenRequests()).toHaveLength(1);

    await vi.advanceTimersByTimeAsync((after - before) * 1000);
    await search();
    expect(server.tokenRequests()).toHaveLength(2);
    expect(server.apiRequests().map((r) => r.headers.authorization)).toEqual([
      'Bearer access-1',
      'Bearer access-1',
      'Bearer access-2',
    ]);
    squirroClient.dispose();
  });
});
