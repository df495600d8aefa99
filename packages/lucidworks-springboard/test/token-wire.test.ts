import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSpringboardClient } from '../src/index.js';

// The documented curl (vendor-docs/lucidworks-springboard-authentication.txt):
//   curl --request POST \
//     --url 'https://identity.lucidworks.com/oauth2/ausao8uveaPmyhv0v357/v1/token?scope=datasource.push&grant_type=client_credentials' \
//     --header 'Accept: application/json' --header 'Authorization: Basic [CLIENT_ID:CLIENT_SECRET]' \
//     --header 'Cache-Control: no-cache' --header 'Content-Type: application/x-www-form-urlencoded'

const CLIENT_ID = 'client-id-123';
// Okta-style secrets use [A-Za-z0-9_-], which RFC 6749 form-encoding leaves unchanged.
const CLIENT_SECRET = 'Zx9_k-Qm4vT2pLr8WnYb';
const BASIC = `Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64')}`;

const token = (scope: string) => `tok-${scope.replace(' ', '+')}`;

interface Seen {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function captureToken(scope: string, seen: Seen[]) {
  nock('https://identity.lucidworks.com')
    .post('/oauth2/ausao8uveaPmyhv0v357/v1/token')
    .query(true)
    .reply(function (path, body) {
      seen.push({
        method: this.req.method,
        path,
        headers: this.req.headers,
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      return [200, { token_type: 'Bearer', expires_in: 3600, access_token: token(scope), scope }];
    });
}

describe('token request on the wire', () => {
  beforeAll(() => {
    nock.disableNetConnect();
  });
  afterEach(() => {
    nock.cleanAll();
  });

  it.each([
    ['push', { scope: 'datasource.push', get: 'push' as const, combined: false }],
    ['query', { scope: 'connectedsearch.query', get: 'query' as const, combined: false }],
    [
      'combined query + push',
      { scope: 'connectedsearch.query datasource.push', get: 'query' as const, combined: true },
    ],
  ])('%s token matches the documented curl', async (_name, { scope, get, combined }) => {
    const seen: Seen[] = [];
    captureToken(scope, seen);
    const client = createSpringboardClient({
      applicationId: 'app-1',
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      combinedScopes: combined,
    });
    try {
      await expect(client.tokens[get].getToken()).resolves.toBe(token(scope));
    } finally {
      client.dispose();
    }
    expect(seen).toHaveLength(1);
    const [request] = seen as [Seen];
    expect(request.method).toBe('POST');
    const url = new URL(request.path, 'https://identity.lucidworks.com');
    expect(url.pathname).toBe('/oauth2/ausao8uveaPmyhv0v357/v1/token');
    expect([...url.searchParams]).toEqual([
      ['scope', scope],
      ['grant_type', 'client_credentials'],
    ]);
    expect(request.headers.authorization).toBe(BASIC);
    expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(request.headers.accept).toBe('application/json');
    expect(request.headers['cache-control']).toBe('no-cache');
    expect(request.body).toBe('');
  });
});
