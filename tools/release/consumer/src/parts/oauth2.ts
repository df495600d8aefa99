import type * as OAuth2 from '@searchauth/oauth2';
import { check, type Part } from '../part.js';

/** What openapi-typescript would generate from the user's own spec of `GET /v1/search`. */
interface SearchApi {
  '/v1/search': {
    get: {
      parameters: { query: { q: string; limit?: number; offset?: number } };
      responses: {
        200: {
          content: {
            'application/json': { total: number; items: Array<{ id: string; title: string }> };
          };
        };
      };
    };
  };
}

export const part: Part<typeof OAuth2> = {
  packageName: '@searchauth/oauth2',
  needsSimulator: true,
  async run(sdk, sim) {
    const { clientId, clientSecret } = sim.credentials.oauth2;
    const api = sdk.createOAuth2Client<SearchApi>({
      baseUrl: sim.urls.oauth2.baseUrl,
      tokenUrl: sim.urls.oauth2.tokenUrl,
      clientId,
      clientSecret,
    });
    try {
      const { data, error } = await api.client.GET('/v1/search', {
        params: { query: { q: 'waterproof tent', limit: 5 } },
      });
      check(data && !error, 'GET /v1/search failed');
      check(data.items.length > 0, 'the OAuth2 API returned no items');
      return `${data.items.length} of ${data.total} items for "waterproof tent"`;
    } finally {
      api.dispose();
    }
  },
};
