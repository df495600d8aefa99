import type { SimulatorCredentials, SimulatorOptions, VendorName } from './types.js';

/** The documented Lucidworks authorization-server id (the only value in the official spec). */
export const LUCIDWORKS_AUTH_SERVER_ID = 'ausao8uveaPmyhv0v357';

/** Fixed test credentials, so the CLI output and a user's test config stay the same across runs. */
export function defaultCredentials(): SimulatorCredentials {
  return {
    sparque: {
      workspace: 'searchauth-demo',
      api: 'products',
      version: '1',
      config: 'default',
      clientId: 'sim-sparque-client',
      clientSecret: 'sim-sparque-secret',
    },
    'lucidworks-springboard': {
      clientId: 'sim-springboard-client',
      clientSecret: 'sim-springboard-secret',
      authServerId: LUCIDWORKS_AUTH_SERVER_ID,
      applicationId: 'sim-springboard-app',
      datasourceId: 'sim-push-datasource',
      scopes: ['connectedsearch.query', 'datasource.push'],
    },
    'lucidworks-ai': {
      clientId: 'sim-lwai-client',
      clientSecret: 'sim-lwai-secret',
      authServerId: LUCIDWORKS_AUTH_SERVER_ID,
      applicationId: 'sim-lwai-app',
      customerId: 'sim-customer',
      scopes: ['machinelearning.predict', 'machinelearning.model'],
    },
    squirro: {
      refreshToken: 'sim-squirro-user-token',
      revokedRefreshToken: 'sim-squirro-revoked-token',
      tenant: 'sim-tenant',
      projectId: 'sim-project',
      userId: 'sim-user',
    },
    oauth2: { clientId: 'sim-oauth2-client', clientSecret: 'sim-oauth2-secret' },
  };
}

export function mergeCredentials(overrides: SimulatorOptions['credentials']): SimulatorCredentials {
  const base = defaultCredentials();
  for (const [vendor, values] of Object.entries(overrides ?? {})) {
    Object.assign(base[vendor as VendorName], values);
  }
  return base;
}
