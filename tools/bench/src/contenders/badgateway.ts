import { OAuth2Client, OAuth2Fetch } from '@badgateway/oauth2-client';
import { type Contender, expectOk } from './types.js';

function wrapperFor(
  server: string,
  clientId: string,
  clientSecret: string,
  fetch?: typeof globalThis.fetch,
) {
  // As its README shows: a client for the server, and OAuth2Fetch asking it for client credentials.
  const client = new OAuth2Client({
    server,
    tokenEndpoint: '/token',
    clientId,
    clientSecret,
    fetch,
  });
  return new OAuth2Fetch({ client, getNewToken: () => client.clientCredentials() });
}

export const badgateway: Contender = {
  name: '@badgateway/oauth2-client',
  wiring:
    '`new OAuth2Fetch({ client, getNewToken: () => client.clientCredentials() })`, `wrapper.fetch(url)`',
  create({ origin, clientId, clientSecret }) {
    const wrapper = wrapperFor(origin, clientId, clientSecret);
    return {
      get: async (path) => expectOk(await wrapper.fetch(`${origin}${path}`)),
      dispose() {},
    };
  },
  async cacheTenants(tenants, _cap, fetch, after) {
    // No shared cache or bound in the library: one wrapper per tenant, kept for reuse.
    const byTenant = new Map<string, OAuth2Fetch>();
    for (let i = 0; i < tenants; i++) {
      const wrapper = wrapperFor('https://id.example.test', `tenant-${i}`, 's', fetch);
      await wrapper.getAccessToken();
      byTenant.set(`tenant-${i}`, wrapper);
      after(i + 1);
    }
  },
};
