import nock from 'nock';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import type { paths } from '../examples/src/generated/search-api.js';
import { searchTitles } from '../examples/src/search.js';
import { createOAuth2Client } from '../src/index.js';

// No injected fetch here: the client's default (global) fetch, intercepted by nock, never the network.
beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

it('sends the vendor page’s token request and then the API call, with the global fetch', async () => {
  const basic = `Basic ${Buffer.from('my-client:my-secret').toString('base64')}`;
  const token = nock('https://api.example.com')
    .post('/oauth/v2/token', 'grant_type=client_credentials')
    .matchHeader('authorization', basic)
    .matchHeader('content-type', /^application\/x-www-form-urlencoded/)
    .reply(200, { token_type: 'Bearer', expires_in: 3600, access_token: 'NgXCXRKc-Mz0Yjw=' });
  const search = nock('https://api.example.com')
    .get('/v1/search')
    .query({ q: 'drill', limit: '5' })
    .matchHeader('authorization', 'Bearer NgXCXRKc-Mz0Yjw=')
    .reply(200, {
      total: 1,
      offset: 0,
      limit: 5,
      items: [{ id: 'd1', title: 'Drills', type: 'article', url: 'https://x.test/d1', score: 1 }],
    });

  const api = createOAuth2Client<paths>({
    baseUrl: 'https://api.example.com',
    clientId: 'my-client',
    clientSecret: 'my-secret',
  });
  try {
    await expect(searchTitles(api, 'drill')).resolves.toEqual(['Drills']);
  } finally {
    api.dispose();
  }
  expect(token.isDone() && search.isDone()).toBe(true);
});
