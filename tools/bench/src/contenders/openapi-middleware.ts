import createClient, { type Middleware } from 'openapi-fetch';
import { CallFailed, type Contender, requestToken } from './types.js';

/**
 * openapi-fetch's "Middleware & Auth" page: fetch a token in `onRequest` if there is none yet and set
 * the header. The page leaves refreshing on expiry to the reader ("add logic here"), so this has none.
 */
export const openapiMiddleware: Contender = {
  name: 'openapi-fetch + auth middleware',
  wiring: "the `onRequest` auth middleware from openapi-fetch's docs (token fetched when missing)",
  create(setup) {
    let accessToken: string | undefined;
    const authMiddleware: Middleware = {
      async onRequest({ request }) {
        if (!accessToken) accessToken = (await requestToken(setup)).access_token;
        request.headers.set('Authorization', `Bearer ${accessToken}`);
        return request;
      },
    };
    const client = createClient<{
      '/api/search': { get: { responses: { 200: { content: { 'application/json': unknown } } } } };
    }>({ baseUrl: setup.origin });
    client.use(authMiddleware);
    return {
      async get() {
        const { error, response } = await client.GET('/api/search');
        if (error !== undefined || !response.ok) throw new CallFailed(`HTTP ${response.status}`);
      },
      dispose() {},
    };
  },
};
