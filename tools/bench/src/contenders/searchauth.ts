import {
  clientCredentials,
  createAuthFetch,
  createTokenManager,
  memoryStore,
} from '@searchauth/core';
import { createOAuth2Client } from '@searchauth/oauth2';
import { CallFailed, type Contender, expectOk, type Setup } from './types.js';

/** The bench API as openapi-typescript would generate it. */
interface BenchPaths {
  '/api/search': {
    get: {
      responses: {
        200: { content: { 'application/json': { total: number; items: { id: string }[] } } };
        401: { content: { 'application/json': { error: string } } };
      };
    };
  };
}

function managerFor(setup: Setup, tenant?: string, fetch?: typeof globalThis.fetch) {
  const tokenUrl = `${setup.origin}/token`;
  return createTokenManager({
    source: clientCredentials({
      vendor: 'bench',
      tokenUrl,
      clientId: setup.clientId,
      clientSecret: setup.clientSecret,
      fetch,
    }),
    key: { vendor: 'bench', tokenUrl, clientId: setup.clientId, tenant },
    store: setup.store,
    mintRevokesPrevious: setup.mintRevokesPrevious,
  });
}

/** `createAuthFetch` over a token manager: the token layer alone, no typed client. */
export const searchauthAuthFetch: Contender = {
  name: 'searchauth createAuthFetch',
  wiring: '`createTokenManager` + `clientCredentials` + `createAuthFetch`, called like fetch',
  searchauth: true,
  sharesStore: true,
  create(setup) {
    const tokens = managerFor(setup);
    const authFetch = createAuthFetch({ tokens, apiOrigin: setup.origin, retry: false });
    return {
      get: async (path) => expectOk(await authFetch(`${setup.origin}${path}`)),
      dispose: () => tokens.dispose(),
    };
  },
  async cacheTenants(tenants, cap, fetch, after) {
    // One bounded store for every tenant; a manager per request, disposed after use.
    const store = memoryStore({ maxEntries: cap });
    for (let i = 0; i < tenants; i++) {
      const tokens = managerFor(
        { origin: 'https://id.example.test', clientId: 'app', clientSecret: 's', store },
        `tenant-${i}`,
        fetch,
      );
      await tokens.getToken();
      tokens.dispose();
      after(i + 1);
    }
  },
};

/** `@searchauth/oauth2`: the typed openapi-fetch client a user gets from one call. */
export const searchauthTyped: Contender = {
  name: 'searchauth typed client',
  wiring: '`createOAuth2Client<paths>()` from `@searchauth/oauth2`, then `client.GET(...)`',
  searchauth: true,
  sharesStore: true,
  create(setup) {
    const api = createOAuth2Client<BenchPaths>({
      baseUrl: setup.origin,
      tokenUrl: `${setup.origin}/token`,
      clientId: setup.clientId,
      clientSecret: setup.clientSecret,
      store: setup.store,
      retry: false,
    });
    return {
      async get() {
        const { error, response } = await api.client.GET('/api/search');
        if (error) throw new CallFailed(`HTTP ${response.status}`);
      },
      dispose: api.dispose,
    };
  },
};
