import type * as LucidworksIdentity from '@searchauth/lucidworks-identity';
import { check, type Part } from '../part.js';

export const part: Part<typeof LucidworksIdentity> = {
  packageName: '@searchauth/lucidworks-identity',
  needsSimulator: true,
  async run(sdk, sim) {
    const credentials = sim.credentials['lucidworks-springboard'];
    const urls = sim.urls['lucidworks-springboard'];
    // The token URL is built from the identity host and server id, as a client does by default.
    const identity = sdk.resolveIdentityOptions(
      {
        clientId: credentials.clientId,
        clientSecret: credentials.clientSecret,
        identityBaseUrl: urls.identityBaseUrl,
        authServerId: credentials.authServerId,
      },
      'release-consumer',
    );
    check(identity.tokenUrl === urls.tokenUrl, `unexpected token URL ${identity.tokenUrl}`);
    const tokens = sdk.createScopeTokens({
      ...identity,
      vendor: 'release-consumer',
      scope: 'connectedsearch.query',
    });
    try {
      const [first, second] = await Promise.all([tokens.getToken(), tokens.getToken()]);
      check(first.length > 0 && first === second, 'two callers did not share one token');
      return `${tokens.stats().mints} mint for 2 concurrent connectedsearch.query getToken() calls`;
    } finally {
      tokens.dispose();
    }
  },
};
