import { createOAuth2Client } from '@searchauth/oauth2';
import type { VendorDemo } from './types.js';

const P = 'SEARCHAUTH_OAUTH2_';

/**
 * The paths type a user would generate from their vendor's spec with openapi-typescript; written out
 * here for the simulator's small search API (GET /v1/search).
 */
interface SearchApiPaths {
  '/v1/search': {
    get: {
      parameters: { query: { q: string; limit?: number } };
      responses: {
        200: {
          content: {
            'application/json': {
              total: number;
              items: Array<{ id: string; title: string; score: number }>;
            };
          };
        };
      };
    };
  };
}

export const oauth2: VendorDemo = {
  name: 'OAuth2 client credentials',
  env: {
    required: [`${P}BASE_URL`, `${P}CLIENT_ID`, `${P}CLIENT_SECRET`],
    optional: [`${P}TOKEN_URL`, `${P}SCOPE`],
  },
  async run(target, query) {
    const env = target.kind === 'real' ? target.env : {};
    const creds = target.kind === 'simulator' ? target.sim.credentials.oauth2 : undefined;
    const api = createOAuth2Client<SearchApiPaths>({
      baseUrl:
        target.kind === 'simulator'
          ? target.sim.urls.oauth2.baseUrl
          : (env[`${P}BASE_URL`] as string),
      tokenUrl: env[`${P}TOKEN_URL`],
      clientId: creds?.clientId ?? (env[`${P}CLIENT_ID`] as string),
      clientSecret: creds?.clientSecret ?? (env[`${P}CLIENT_SECRET`] as string),
      scope: env[`${P}SCOPE`],
    });
    try {
      if (target.kind === 'real') {
        // The vendor's search API is not documented: against the real service, show the token only.
        await api.tokens.getToken();
        return { total: 0, hits: [], note: 'token obtained (search API unknown for this vendor)' };
      }
      const { data, response } = await api.client.GET('/v1/search', {
        params: { query: { q: query, limit: 5 } },
      });
      if (!data) throw new Error(`search failed with HTTP ${response.status}`);
      return { total: data.total, hits: data.items.map(({ title, score }) => ({ title, score })) };
    } finally {
      api.dispose();
    }
  },
};
