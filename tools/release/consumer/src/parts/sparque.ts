import type * as Sparque from '@searchauth/sparque';
import { check, type Part } from '../part.js';

export const part: Part<typeof Sparque> = {
  packageName: '@searchauth/sparque',
  needsSimulator: true,
  async run(sdk, sim) {
    const { workspace, api, version, config, clientId, clientSecret } = sim.credentials.sparque;
    const sparque = sdk.createSparqueClient({
      workspace,
      api,
      version,
      clientId,
      clientSecret,
      authBaseUrl: sim.urls.sparque.authBaseUrl,
      apiBaseUrl: sim.urls.sparque.baseUrl,
    });
    try {
      const [results, stats] = await sparque.query({
        endpoints: [{ name: 'search', parameters: { query: 'waterproof tent' } }],
        responseType: 'results,count',
        config,
        count: 5,
      });
      check(results.items.length > 0, 'SPARQUE search returned no items');
      return `${results.items.length} of ${stats.total} results for "waterproof tent"`;
    } finally {
      sparque.dispose();
    }
  },
};
