import { describe, expect, it } from 'vitest';
import { fakeFetch, json, text } from '../../core/test/fake-fetch.js';
import { createOAuth2Client } from '../src/index.js';

type Paths = {
  '/search': {
    get: {
      parameters: { query?: never; header?: never; path?: never; cookie?: never };
      requestBody?: never;
      responses: {
        200: {
          headers: { [name: string]: unknown };
          content: { 'application/json': { n: number } };
        };
      };
    };
  };
};

function client(reply: () => Response) {
  const fetch = fakeFetch((request) =>
    request.url.endsWith('/oauth/v2/token')
      ? json({ token_type: 'Bearer', expires_in: 3600, access_token: 'tok-1' })
      : reply(),
  );
  return createOAuth2Client<Paths>({
    baseUrl: 'https://api.example.com',
    clientId: 'id',
    clientSecret: 'secret',
    fetch,
  });
}

describe('a 2xx body that is not JSON', () => {
  it.each([
    ['an HTML page from a proxy', () => text('<html>502 Bad Gateway</html>', 200, 'text/html')],
    ['a truncated JSON body', () => text('{"n": 1', 200, 'application/json')],
  ])('is ERR_HTTP naming method, URL and status, not a SyntaxError: %s', async (_name, reply) => {
    const api = client(reply);
    await expect(api.client.GET('/search')).rejects.toMatchObject({
      name: 'SearchAuthError',
      code: 'ERR_HTTP',
      status: 200,
      method: 'GET',
      url: 'https://api.example.com/search',
    });
    api.dispose();
  });

  it('leaves JSON bodies and parseAs text alone', async () => {
    const api = client(() => json({ n: 1 }));
    expect((await api.client.GET('/search')).data).toEqual({ n: 1 });
    const raw = client(() => text('plain words'));
    expect((await raw.client.GET('/search', { parseAs: 'text' })).data).toBe('plain words');
    api.dispose();
    raw.dispose();
  });
});
