import { runInNewContext } from 'node:vm';
import { createLucidworksAIClient } from '@searchauth/lucidworks-ai';
import { createSpringboardClient } from '@searchauth/lucidworks-springboard';
import { createOAuth2Client } from '@searchauth/oauth2';
import { createSparqueClient } from '@searchauth/sparque';
import { createSquirroClient } from '@searchauth/squirro';
import { describeSimulator, simulatorClientOptions, VENDORS } from '@searchauth/testkit';
import { describe, expect, it } from 'vitest';
import type { paths } from './support/oauth2-paths.js';
import { useSimulator } from './support/sim.js';

const sim = useSimulator();

/**
 * The options object the CLI prints for a vendor (`const client = createX({ ... });`), read back the
 * way a user's paste would be: evaluated as JavaScript, not looked up in the simulator.
 */
function printedOptions<T = Record<string, string>>(output: string, factory: string): T {
  const block = new RegExp(`const client = ${factory}\\((\\{\\n[\\s\\S]*?\\n\\})\\);`).exec(output);
  if (!block?.[1]) throw new Error(`no ${factory} block in:\n${output}`);
  return runInNewContext(`(${block[1]})`) as T;
}

describe('the options the simulator CLI prints', () => {
  it('name every option as its client does, and each object searches the simulator', async () => {
    const output = describeSimulator(sim());

    const sparque = createSparqueClient(
      printedOptions<Parameters<typeof createSparqueClient>[0]>(output, 'createSparqueClient'),
    );
    const results = await sparque.query({
      endpoints: [{ name: 'search', parameters: { query: 'tent' } }],
    });
    expect(results.items.length).toBeGreaterThan(0);
    sparque.dispose();

    const springboard = createSpringboardClient(
      printedOptions<Parameters<typeof createSpringboardClient>[0]>(
        output,
        'createSpringboardClient',
      ),
    );
    const found = await springboard.search({ query: 'tent', utcOffset: '+00:00', sessionId: 's1' });
    expect(found.docs.length).toBeGreaterThan(0);
    springboard.dispose();

    const ai = createLucidworksAIClient(
      printedOptions<Parameters<typeof createLucidworksAIClient>[0]>(
        output,
        'createLucidworksAIClient',
      ),
    );
    const { predictions } = await ai.predict('embedding', 'gte-small', {
      batch: [{ text: 'tent' }],
    });
    expect(predictions[0]?.vector?.length).toBe(384);
    expect((await ai.listModels()).length).toBeGreaterThan(0);
    ai.dispose();

    const squirro = createSquirroClient(
      printedOptions<Parameters<typeof createSquirroClient>[0]>(output, 'createSquirroClient'),
    );
    const page = await squirro.searchItems({
      projectId: sim().credentials.squirro.projectId,
      query: 'tent',
    });
    expect(page.items.length).toBeGreaterThan(0);
    squirro.dispose();

    const oauth2 = createOAuth2Client<paths>(
      printedOptions<Parameters<typeof createOAuth2Client>[0]>(output, 'createOAuth2Client'),
    );
    const { data } = await oauth2.client.GET('/v1/search', { params: { query: { q: 'tent' } } });
    expect(data?.items.length).toBeGreaterThan(0);
    oauth2.dispose();

    // Each client logged in at its simulated token endpoint.
    for (const vendor of VENDORS) expect(sim().mintCount({ vendor }), vendor).toBeGreaterThan(0);
  });

  it('simulatorClientOptions() objects type-check as the options of each client', () => {
    const options = simulatorClientOptions(sim());
    const clients = [
      createSparqueClient(options.sparque),
      createSpringboardClient(options['lucidworks-springboard']),
      createLucidworksAIClient(options['lucidworks-ai']),
      createSquirroClient(options.squirro),
      createOAuth2Client<paths>(options.oauth2),
    ];
    for (const client of clients) client.dispose();
  });

  it('prints the same objects simulatorClientOptions() returns, and no option a client lacks', () => {
    const output = describeSimulator(sim());
    const options = simulatorClientOptions(sim());
    expect(printedOptions(output, 'createSquirroClient')).toEqual(options.squirro);
    expect(printedOptions(output, 'createSparqueClient')).toEqual(options.sparque);
    // The old output offered SPARQUE a `tokenUrl` (not a client option) and Squirro a `baseUrl`.
    expect(printedOptions(output, 'createSparqueClient')).not.toHaveProperty('tokenUrl');
    expect(printedOptions(output, 'createSquirroClient')).not.toHaveProperty('baseUrl');
  });
});
