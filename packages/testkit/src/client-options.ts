import type { Simulator } from './simulator.js';
import type { VendorName } from './types.js';

/**
 * Options for each searchauth client, in the client's own option names, pointing at a running
 * simulator. Plain data: the testkit never imports a client, so these types only mirror the names
 * (an integration test passes each object to the real client).
 */
export interface SimulatorClientOptions {
  /** For `createSparqueClient` (@searchauth/sparque). */
  sparque: {
    workspace: string;
    clientId: string;
    clientSecret: string;
    api: string;
    version: string;
    authBaseUrl: string;
    apiBaseUrl: string;
  };
  /** For `createSpringboardClient` (@searchauth/lucidworks-springboard). */
  'lucidworks-springboard': {
    applicationId: string;
    clientId: string;
    clientSecret: string;
    tokenUrl: string;
    apiBaseUrl: string;
  };
  /** For `createLucidworksAIClient` (@searchauth/lucidworks-ai). */
  'lucidworks-ai': {
    applicationId: string;
    customerId: string;
    clientId: string;
    clientSecret: string;
    tokenUrl: string;
    apiBaseUrl: string;
    platformBaseUrl: string;
  };
  /** For `createSquirroClient` (@searchauth/squirro). */
  squirro: { clusterUrl: string; refreshToken: string; tenant: string };
  /** For `createOAuth2Client` (@searchauth/oauth2). */
  oauth2: { baseUrl: string; tokenUrl: string; clientId: string; clientSecret: string };
}

/** How to use each vendor's options: the factory, its package, and a first call that searches. */
export const CLIENT_USAGE: { [V in VendorName]: { factory: string; pkg: string } } = {
  sparque: { factory: 'createSparqueClient', pkg: '@searchauth/sparque' },
  'lucidworks-springboard': {
    factory: 'createSpringboardClient',
    pkg: '@searchauth/lucidworks-springboard',
  },
  'lucidworks-ai': { factory: 'createLucidworksAIClient', pkg: '@searchauth/lucidworks-ai' },
  squirro: { factory: 'createSquirroClient', pkg: '@searchauth/squirro' },
  oauth2: { factory: 'createOAuth2Client', pkg: '@searchauth/oauth2' },
};

/**
 * The client options of every started vendor; like `sim.urls`, a vendor not started throws
 * ERR_INVALID_OPTIONS on access. Pass one straight to its client:
 * `createSquirroClient(simulatorClientOptions(sim).squirro)`. Read it again after
 * `rotateClientSecret` or a refresh-token rotation: the values are copied when called.
 */
export function simulatorClientOptions(sim: Simulator): SimulatorClientOptions {
  const c = sim.credentials;
  const all: { [V in VendorName]: () => SimulatorClientOptions[V] } = {
    sparque: () => ({
      workspace: c.sparque.workspace,
      clientId: c.sparque.clientId,
      clientSecret: c.sparque.clientSecret,
      api: c.sparque.api,
      version: c.sparque.version,
      authBaseUrl: sim.urls.sparque.authBaseUrl,
      apiBaseUrl: sim.urls.sparque.baseUrl,
    }),
    'lucidworks-springboard': () => ({
      applicationId: c['lucidworks-springboard'].applicationId,
      clientId: c['lucidworks-springboard'].clientId,
      clientSecret: c['lucidworks-springboard'].clientSecret,
      tokenUrl: sim.urls['lucidworks-springboard'].tokenUrl,
      apiBaseUrl: sim.urls['lucidworks-springboard'].baseUrl,
    }),
    'lucidworks-ai': () => ({
      applicationId: c['lucidworks-ai'].applicationId,
      customerId: c['lucidworks-ai'].customerId,
      clientId: c['lucidworks-ai'].clientId,
      clientSecret: c['lucidworks-ai'].clientSecret,
      tokenUrl: sim.urls['lucidworks-ai'].tokenUrl,
      apiBaseUrl: sim.urls['lucidworks-ai'].baseUrl,
      platformBaseUrl: sim.urls['lucidworks-ai'].platformBaseUrl,
    }),
    squirro: () => ({
      clusterUrl: sim.urls.squirro.baseUrl,
      refreshToken: c.squirro.refreshToken,
      tenant: c.squirro.tenant,
    }),
    oauth2: () => ({
      baseUrl: sim.urls.oauth2.baseUrl,
      tokenUrl: sim.urls.oauth2.tokenUrl,
      clientId: c.oauth2.clientId,
      clientSecret: c.oauth2.clientSecret,
    }),
  };
  const options = {} as SimulatorClientOptions;
  for (const vendor of Object.keys(all) as VendorName[]) {
    // Reading the URLs of a vendor not started throws the same error as `sim.urls` does.
    Object.defineProperty(options, vendor, {
      enumerable: sim.vendors.includes(vendor),
      ...(sim.vendors.includes(vendor) ? { value: all[vendor]() } : { get: all[vendor] }),
    });
  }
  return options;
}
