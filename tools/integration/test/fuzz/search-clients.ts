import { createLucidworksAIClient } from '@searchauth/lucidworks-ai';
import { createSpringboardClient } from '@searchauth/lucidworks-springboard';
import { createOAuth2Client } from '@searchauth/oauth2';
import { createSparqueClient } from '@searchauth/sparque';
import { createSquirroClient } from '@searchauth/squirro';
import { defaultCredentials } from '@searchauth/testkit';
import type { paths as OAuth2Paths } from '../support/oauth2-paths.js';

const creds = defaultCredentials();
const common = { retry: false as const };

/** One search call of a vendor client: a helper method, or the typed openapi-fetch client. */
export interface SearchCall {
  name: string;
  /** `helper`: resolves with data or throws a SearchAuthError; `typed`: openapi-fetch's { data, error }. */
  surface: 'helper' | 'typed';
  create(fetch: typeof globalThis.fetch): { call(): Promise<unknown>; dispose(): void };
}

/** Answers token requests with a valid token and everything else with `api`. */
export function vendorFetch(api: () => Response): typeof globalThis.fetch {
  return async (input) => {
    const url = String(input instanceof Request ? input.url : input);
    if (/\/(token|auth)(\?|$)/.test(url)) {
      return Response.json({
        access_token: 'fuzz-access-token',
        token_type: 'Bearer',
        expires_in: 3600,
      });
    }
    return api();
  };
}

export const SEARCH_CALLS: readonly SearchCall[] = [
  {
    name: 'sparque query()',
    surface: 'helper',
    create(fetch) {
      const c = creds.sparque;
      const client = createSparqueClient({
        ...common,
        workspace: c.workspace,
        api: c.api,
        clientId: c.clientId,
        clientSecret: c.clientSecret,
        fetch,
      });
      return {
        call: () =>
          client.query({ endpoints: [{ name: 'search', parameters: { query: 'tent' } }] }),
        dispose: client.dispose,
      };
    },
  },
  {
    name: 'squirro searchItems()',
    surface: 'helper',
    create(fetch) {
      const c = creds.squirro;
      const client = createSquirroClient({
        ...common,
        clusterUrl: 'https://cluster.squirro.test',
        refreshToken: c.refreshToken,
        tenant: c.tenant,
        fetch,
      });
      return {
        call: () => client.searchItems({ projectId: c.projectId, query: 'tent', count: 10 }),
        dispose: client.dispose,
      };
    },
  },
  {
    name: 'springboard search()',
    surface: 'helper',
    create(fetch) {
      const c = creds['lucidworks-springboard'];
      const client = createSpringboardClient({
        ...common,
        applicationId: c.applicationId,
        clientId: c.clientId,
        clientSecret: c.clientSecret,
        fetch,
      });
      return {
        call: () => client.search({ query: 'tent', utcOffset: '+00:00', sessionId: 'fuzz' }),
        dispose: client.dispose,
      };
    },
  },
  {
    name: 'lucidworks-ai predict()',
    surface: 'helper',
    create(fetch) {
      const c = creds['lucidworks-ai'];
      const client = createLucidworksAIClient({
        ...common,
        applicationId: c.applicationId,
        customerId: c.customerId,
        clientId: c.clientId,
        clientSecret: c.clientSecret,
        fetch,
      });
      return {
        call: () => client.predict('embedding', 'gte-small', { batch: [{ text: 'tent' }] }),
        dispose: client.dispose,
      };
    },
  },
  {
    name: 'oauth2 client.GET()',
    surface: 'typed',
    create(fetch) {
      const c = creds.oauth2;
      const api = createOAuth2Client<OAuth2Paths>({
        ...common,
        baseUrl: 'https://api.vendor.test',
        clientId: c.clientId,
        clientSecret: c.clientSecret,
        fetch,
      });
      return {
        call: () => api.client.GET('/v1/search', { params: { query: { q: 'tent' } } }),
        dispose: api.dispose,
      };
    },
  },
];
