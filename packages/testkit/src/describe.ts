import type { Simulator } from './simulator.js';
import type { VendorName } from './types.js';

/** A readable summary of where each vendor listens and how to log in, for the CLI and logs. */
export function describeSimulator(sim: Simulator): string {
  const lines: string[] = [];
  const section = (vendor: VendorName, entries: Record<string, string>) => {
    lines.push(vendor);
    for (const [name, value] of Object.entries(entries))
      lines.push(`  ${name.padEnd(16)} ${value}`);
    lines.push('');
  };
  const c = sim.credentials;
  for (const vendor of sim.vendors) {
    switch (vendor) {
      case 'sparque': {
        const u = sim.urls.sparque;
        const s = c.sparque;
        section(vendor, {
          tokenUrl: u.tokenUrl,
          baseUrl: u.baseUrl,
          queryExample: `${u.baseUrl}/${s.version}/${s.workspace}/api/${s.api}/e/search/p/query/tent/results`,
          workspace: s.workspace,
          clientId: s.clientId,
          clientSecret: s.clientSecret,
        });
        break;
      }
      case 'lucidworks-springboard': {
        const u = sim.urls[vendor];
        const s = c[vendor];
        section(vendor, {
          tokenUrl: u.tokenUrl,
          baseUrl: u.baseUrl,
          clientId: s.clientId,
          clientSecret: s.clientSecret,
          scopes: s.scopes.join(' '),
          datasourceId: s.datasourceId,
        });
        break;
      }
      case 'lucidworks-ai': {
        const u = sim.urls[vendor];
        const s = c[vendor];
        section(vendor, {
          tokenUrl: u.tokenUrl,
          baseUrl: u.baseUrl,
          platformBaseUrl: u.platformBaseUrl,
          clientId: s.clientId,
          clientSecret: s.clientSecret,
          scopes: s.scopes.join(' '),
          customerId: s.customerId,
        });
        break;
      }
      case 'squirro': {
        const u = sim.urls.squirro;
        const s = c.squirro;
        section(vendor, {
          tokenUrl: u.tokenUrl,
          baseUrl: u.baseUrl,
          queryUrl: `${u.baseUrl}/api/topic/v0/${s.tenant}/projects/${s.projectId}/items/query`,
          refreshToken: s.refreshToken,
          revokedToken: s.revokedRefreshToken,
        });
        break;
      }
      case 'oauth2': {
        const u = sim.urls.oauth2;
        section(vendor, {
          tokenUrl: u.tokenUrl,
          searchUrl: `${u.baseUrl}/v1/search?q=tent`,
          clientId: c.oauth2.clientId,
          clientSecret: c.oauth2.clientSecret,
        });
        break;
      }
    }
  }
  return lines.join('\n');
}
