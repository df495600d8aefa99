import { CLIENT_USAGE, simulatorClientOptions } from './client-options.js';
import type { Simulator } from './simulator.js';
import type { VendorName } from './types.js';

/** A first call per vendor that searches the simulator's corpus (placeholders filled in below). */
function firstCall(sim: Simulator, vendor: VendorName): string {
  const c = sim.credentials;
  switch (vendor) {
    case 'sparque':
      return "await client.query({ endpoints: [{ name: 'search', parameters: { query: 'tent' } }] })";
    case 'lucidworks-springboard':
      return `await client.search({ query: 'tent', utcOffset: '+00:00', sessionId: 's1' }); push to datasource '${c[vendor].datasourceId}'`;
    case 'lucidworks-ai':
      return "await client.predict('embedding', 'gte-small', { batch: [{ text: 'tent' }] })";
    case 'squirro':
      return `await client.searchItems({ projectId: '${c.squirro.projectId}', query: 'tent' })`;
    case 'oauth2':
      return "await client.client.GET('/v1/search', { params: { query: { q: 'tent' } } }) (spec: packages/oauth2/examples/search-api.yaml)";
  }
}

const literal = (value: string) => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/**
 * For each started vendor: its client created with a copy-paste options object in the client's own
 * option names, a first call, and the raw token URL for curl. The object literal is valid
 * JavaScript (an integration test evaluates it and searches with the real client).
 */
export function describeSimulator(sim: Simulator): string {
  const options = simulatorClientOptions(sim);
  const lines: string[] = [];
  for (const vendor of sim.vendors) {
    const { factory, pkg } = CLIENT_USAGE[vendor];
    lines.push(`// ${vendor}: import { ${factory} } from '${pkg}';`);
    lines.push(`const client = ${factory}({`);
    for (const [name, value] of Object.entries(options[vendor]))
      lines.push(`  ${name}: ${literal(value)},`);
    lines.push('});');
    lines.push(`// then: ${firstCall(sim, vendor)}`);
    lines.push(`// token endpoint (for curl): ${sim.urls[vendor].tokenUrl}`);
    if (vendor === 'squirro') {
      lines.push(
        `// a revoked refresh token (login answers 410): ${sim.credentials.squirro.revokedRefreshToken}`,
      );
    }
    lines.push('');
  }
  return lines.join('\n');
}
