import { createSpringboardClient, utcOffsetOf } from '@searchauth/lucidworks-springboard';
import type { VendorDemo } from './types.js';

const P = 'SEARCHAUTH_SPRINGBOARD_';

export const springboard: VendorDemo = {
  name: 'Lucidworks Springboard',
  env: {
    required: [`${P}APPLICATION_ID`, `${P}CLIENT_ID`, `${P}CLIENT_SECRET`],
    optional: [`${P}TOKEN_URL`],
  },
  async run(target, query) {
    const env = target.kind === 'real' ? target.env : {};
    const creds =
      target.kind === 'simulator' ? target.sim.credentials['lucidworks-springboard'] : undefined;
    const urls =
      target.kind === 'simulator' ? target.sim.urls['lucidworks-springboard'] : undefined;
    const client = createSpringboardClient({
      applicationId: creds?.applicationId ?? (env[`${P}APPLICATION_ID`] as string),
      clientId: creds?.clientId ?? (env[`${P}CLIENT_ID`] as string),
      clientSecret: creds?.clientSecret ?? (env[`${P}CLIENT_SECRET`] as string),
      tokenUrl: urls?.tokenUrl ?? env[`${P}TOKEN_URL`],
      apiBaseUrl: urls?.baseUrl,
    });
    try {
      const results = await client.search({
        query,
        utcOffset: utcOffsetOf(new Date()),
        sessionId: 'searchauth-demo',
        limit: 5,
      });
      return {
        total: results.hits ?? 0,
        hits: (results.docs ?? []).map((doc) => ({
          title: doc.document?.title ?? doc.id,
          score: doc.score ?? 0,
        })),
      };
    } finally {
      client.dispose();
    }
  },
};
