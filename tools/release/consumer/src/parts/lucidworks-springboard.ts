import type * as Springboard from '@searchauth/lucidworks-springboard';
import { check, type Part } from '../part.js';

export const part: Part<typeof Springboard> = {
  packageName: '@searchauth/lucidworks-springboard',
  needsSimulator: true,
  async run(sdk, sim) {
    const credentials = sim.credentials['lucidworks-springboard'];
    const urls = sim.urls['lucidworks-springboard'];
    const springboard = sdk.createSpringboardClient({
      applicationId: credentials.applicationId,
      clientId: credentials.clientId,
      clientSecret: credentials.clientSecret,
      tokenUrl: urls.tokenUrl,
      apiBaseUrl: urls.baseUrl,
    });
    try {
      const result = await springboard.search({
        query: 'waterproof tent',
        sessionId: 'release-consumer',
        utcOffset: '+00:00',
        limit: 5,
      });
      check(result.docs.length > 0, 'Springboard search returned no documents');
      return `${result.docs.length} of ${result.hits} documents for "waterproof tent"`;
    } finally {
      springboard.dispose();
    }
  },
};
