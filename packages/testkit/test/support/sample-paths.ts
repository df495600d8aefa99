import { HOSTS } from '../../src/hosts.js';
import { defaultCredentials, type Simulator, type VendorName } from '../../src/index.js';
import type { SimState } from '../../src/state.js';

const c = defaultCredentials();

/** A value the simulator accepts for each path parameter the specs use. */
export const SAMPLE: Record<string, string> = {
  authServerId: c['lucidworks-ai'].authServerId,
  datasourceId: c['lucidworks-springboard'].datasourceId,
  customerId: c['lucidworks-ai'].customerId,
  tenant: c.squirro.tenant,
  project_id: c.squirro.projectId,
  version: c.sparque.version,
  workspace: c.sparque.workspace,
  api: c.sparque.api,
  endpoint: 'search',
  responseType: 'results',
  useCase: 'embedding',
  modelId: 'gte-small',
  chunker: 'sentence',
};

/** A spec path template with every parameter filled in from `SAMPLE` (`x` when unknown). */
export const samplePath = (template: string) =>
  template.replace(/\{([^}]+)\}/g, (_m, name: string) => SAMPLE[name] ?? 'x');

/** The simulator's base URL of a host, by `vendor:role` id. */
export function originOf(sim: Simulator, hostId: string): string {
  const [vendor, role] = hostId.split(':') as [keyof Simulator['urls'], string];
  const urls = sim.urls[vendor] as Record<string, string>;
  const key =
    { auth: 'authBaseUrl', identity: 'identityBaseUrl', platform: 'platformBaseUrl' }[role] ??
    'baseUrl';
  return urls[key] as string;
}

/** The origin of the vendor host that has a route for this request, if any. */
export function servingOrigin(
  sim: Simulator,
  vendor: VendorName,
  method: string,
  path: string,
): string | undefined {
  const state = { credentials: defaultCredentials() } as SimState;
  const host = HOSTS.find(
    (h) =>
      h.vendor === vendor &&
      h.routes(state).some((r) => r.method === method && r.match(path) !== undefined),
  );
  return host && originOf(sim, host.id);
}
