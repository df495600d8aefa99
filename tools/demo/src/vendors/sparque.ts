import { createSparqueClient, type TupleEntry } from '@searchauth/sparque';
import type { VendorDemo } from './types.js';

const P = 'SEARCHAUTH_SPARQUE_';

export const sparque: VendorDemo = {
  name: 'SPARQUE',
  env: {
    required: [`${P}WORKSPACE`, `${P}API`, `${P}CLIENT_ID`, `${P}CLIENT_SECRET`],
    optional: [
      `${P}AUTH_BASE_URL`,
      `${P}API_BASE_URL`,
      `${P}CONFIG`,
      `${P}ENDPOINT`,
      `${P}PARAMETER`,
    ],
  },
  async run(target, query) {
    const env = target.kind === 'real' ? target.env : {};
    const creds = target.kind === 'simulator' ? target.sim.credentials.sparque : undefined;
    const urls = target.kind === 'simulator' ? target.sim.urls.sparque : undefined;
    const client = createSparqueClient({
      workspace: creds?.workspace ?? (env[`${P}WORKSPACE`] as string),
      api: creds?.api ?? env[`${P}API`],
      clientId: creds?.clientId ?? (env[`${P}CLIENT_ID`] as string),
      clientSecret: creds?.clientSecret ?? (env[`${P}CLIENT_SECRET`] as string),
      authBaseUrl: urls?.authBaseUrl ?? env[`${P}AUTH_BASE_URL`],
      apiBaseUrl: urls?.baseUrl ?? env[`${P}API_BASE_URL`],
    });
    try {
      const endpoint = env[`${P}ENDPOINT`] ?? 'search';
      const parameter = env[`${P}PARAMETER`] ?? 'query';
      const [results, stats] = await client.query({
        endpoints: [{ name: endpoint, parameters: { [parameter]: query } }],
        responseType: 'results,count',
        config: creds?.config ?? env[`${P}CONFIG`],
        count: 5,
      });
      return {
        total: stats.total,
        hits: results.items.map((item) => ({
          title: titleOf(item.tuple[0]),
          score: item.probability,
        })),
      };
    } finally {
      client.dispose();
    }
  },
};

/** An OBJ column's title attribute (attributes follow the workspace's data model), else its id. */
function titleOf(entry: TupleEntry | undefined): string {
  if (typeof entry !== 'object' || Array.isArray(entry)) return String(entry);
  const title = entry.attributes?.title;
  return typeof title === 'string' ? title : entry.id;
}
