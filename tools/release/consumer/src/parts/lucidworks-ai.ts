import type * as LucidworksAI from '@searchauth/lucidworks-ai';
import { check, type Part } from '../part.js';

export const part: Part<typeof LucidworksAI> = {
  packageName: '@searchauth/lucidworks-ai',
  needsSimulator: true,
  async run(sdk, sim) {
    const credentials = sim.credentials['lucidworks-ai'];
    const urls = sim.urls['lucidworks-ai'];
    const ai = sdk.createLucidworksAIClient({
      applicationId: credentials.applicationId,
      customerId: credentials.customerId,
      clientId: credentials.clientId,
      clientSecret: credentials.clientSecret,
      tokenUrl: urls.tokenUrl,
      apiBaseUrl: urls.baseUrl,
      platformBaseUrl: urls.platformBaseUrl,
    });
    try {
      const response = await ai.predict('embedding', 'gte-small', {
        batch: [{ text: 'waterproof tent' }],
      });
      const vector = response.predictions[0]?.vector ?? [];
      check(vector.length > 0, 'Lucidworks AI returned no embedding');
      const models = await ai.listModels();
      return `embedding of "waterproof tent" has ${vector.length} dimensions; ${models.length} models`;
    } finally {
      ai.dispose();
    }
  },
};
