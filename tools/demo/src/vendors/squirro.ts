import { createSquirroClient } from '@searchauth/squirro';
import type { VendorDemo } from './types.js';

const P = 'SEARCHAUTH_SQUIRRO_';

export const squirro: VendorDemo = {
  name: 'Squirro',
  env: {
    required: [`${P}CLUSTER`, `${P}REFRESH_TOKEN`, `${P}TENANT`, `${P}PROJECT_ID`],
    optional: [],
  },
  async run(target, query) {
    const env = target.kind === 'real' ? target.env : {};
    const creds = target.kind === 'simulator' ? target.sim.credentials.squirro : undefined;
    const client = createSquirroClient({
      clusterUrl:
        target.kind === 'simulator'
          ? target.sim.urls.squirro.baseUrl
          : (env[`${P}CLUSTER`] as string),
      refreshToken: creds?.refreshToken ?? (env[`${P}REFRESH_TOKEN`] as string),
      tenant: creds?.tenant ?? env[`${P}TENANT`],
    });
    try {
      const page = await client.searchItems({
        projectId: creds?.projectId ?? (env[`${P}PROJECT_ID`] as string),
        query,
        count: 5,
      });
      return {
        total: page.total ?? page.count ?? 0,
        hits: (page.items ?? []).map((item) => ({
          title: String(item.title ?? item.id),
          score: Number(item.score ?? 0),
        })),
      };
    } finally {
      client.dispose();
    }
  },
};
