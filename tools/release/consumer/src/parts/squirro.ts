import type * as Squirro from '@searchauth/squirro';
import { check, type Part } from '../part.js';

export const part: Part<typeof Squirro> = {
  packageName: '@searchauth/squirro',
  needsSimulator: true,
  async run(sdk, sim) {
    const { refreshToken, tenant, projectId } = sim.credentials.squirro;
    const squirro = sdk.createSquirroClient({
      clusterUrl: sim.urls.squirro.baseUrl,
      refreshToken,
      tenant,
    });
    try {
      const page = await squirro.searchItems({ projectId, query: 'waterproof tent', count: 5 });
      check(page.items.length > 0, 'Squirro items/query returned no items');
      return `${page.items.length} items for "waterproof tent" (eof: ${page.eof})`;
    } finally {
      squirro.dispose();
    }
  },
};
