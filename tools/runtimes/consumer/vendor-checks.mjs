// One search per vendor against the simulator (see checks.mjs).
import { createLucidworksAIClient } from '@searchauth/lucidworks-ai';
import { createSpringboardClient } from '@searchauth/lucidworks-springboard';
import { createOAuth2Client } from '@searchauth/oauth2';
import { createSparqueClient } from '@searchauth/sparque';
import { createSquirroClient } from '@searchauth/squirro';

const expect = (condition, message) => {
  if (!condition) throw new Error(message);
};

/** Each vendor client's typical search: each resolves with a line or throws. */
export function vendorChecks(sim) {
  return {
    async sparque() {
      const c = sim.credentials.sparque;
      const client = createSparqueClient({
        workspace: c.workspace,
        api: c.api,
        version: c.version,
        clientId: c.clientId,
        clientSecret: c.clientSecret,
        authBaseUrl: sim.urls.sparque.authBaseUrl,
        apiBaseUrl: sim.urls.sparque.baseUrl,
      });
      const [results] = await client.query({
        endpoints: [{ name: 'search', parameters: { query: 'tent' } }],
        responseType: 'results,count',
        config: c.config,
      });
      client.dispose();
      expect(results.items.length > 0, 'no results');
      return `${results.items.length} results`;
    },
    async squirro() {
      const c = sim.credentials.squirro;
      const client = createSquirroClient({
        clusterUrl: sim.urls.squirro.baseUrl,
        refreshToken: c.refreshToken,
        tenant: c.tenant,
      });
      const page = await client.searchItems({ projectId: c.projectId, query: 'tent', count: 5 });
      client.dispose();
      expect(page.items.length > 0, 'no items');
      return `${page.items.length} items`;
    },
    async springboard() {
      const c = sim.credentials['lucidworks-springboard'];
      const urls = sim.urls['lucidworks-springboard'];
      const client = createSpringboardClient({
        applicationId: c.applicationId,
        clientId: c.clientId,
        clientSecret: c.clientSecret,
        identityBaseUrl: urls.identityBaseUrl,
        apiBaseUrl: urls.baseUrl,
      });
      const result = await client.search({
        query: 'tent',
        utcOffset: '+00:00',
        sessionId: 'matrix',
        limit: 5,
      });
      client.dispose();
      expect(result.docs.length > 0, 'no docs');
      return `${result.docs.length} docs`;
    },
    async 'lucidworks-ai'() {
      const c = sim.credentials['lucidworks-ai'];
      const urls = sim.urls['lucidworks-ai'];
      const client = createLucidworksAIClient({
        applicationId: c.applicationId,
        customerId: c.customerId,
        clientId: c.clientId,
        clientSecret: c.clientSecret,
        identityBaseUrl: urls.identityBaseUrl,
        apiBaseUrl: urls.baseUrl,
        platformBaseUrl: urls.platformBaseUrl,
      });
      const response = await client.predict('embedding', 'gte-small', {
        batch: [{ text: 'tent' }],
      });
      client.dispose();
      expect(response.predictions[0]?.vector?.length > 0, 'no embedding');
      return `embedding of ${response.predictions[0].vector.length} dimensions`;
    },
    async oauth2() {
      const api = createOAuth2Client({
        baseUrl: sim.urls.oauth2.baseUrl,
        clientId: sim.credentials.oauth2.clientId,
        clientSecret: sim.credentials.oauth2.clientSecret,
      });
      const { data } = await api.client.GET('/v1/search', { params: { query: { q: 'tent' } } });
      api.dispose();
      expect(data?.items?.length > 0, 'no items');
      return `${data.items.length} items`;
    },
  };
}
