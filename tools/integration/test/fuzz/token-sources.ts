import {
  createTokenManager,
  refreshTokenGrant,
  Secret,
  type TokenEvent,
  type TokenManager,
} from '@searchauth/core';
import { createScopeTokens, resolveIdentityOptions } from '@searchauth/lucidworks-identity';
import { createOAuth2Client } from '@searchauth/oauth2';
import { sparqueTokenSource } from '@searchauth/sparque';
import { createSquirroClient } from '@searchauth/squirro';

/** Credentials long and odd enough to be recognised in any text, raw or encoded. */
export const CREDENTIALS = {
  clientId: 'fuzz-client-id-7f3a9c',
  clientSecret: 'fuzz client-secret/with+chars&=Q9x',
  refreshToken: 'fuzz refresh-token/with+chars&=R7y',
};

export interface FuzzSource {
  name: string;
  /** A new token manager (no cache, no backoff state) whose token requests go to `fetch`. */
  create(
    fetch: typeof globalThis.fetch,
    onEvent: (event: TokenEvent) => void,
  ): TokenManager & { close(): void };
}

const closing = (tokens: TokenManager, close: () => void) => Object.assign(tokens, { close });

/** Every vendor's token source, each through its own package the way a user creates it. */
export const FUZZ_SOURCES: readonly FuzzSource[] = [
  {
    name: 'sparque (token storage)',
    create(fetch, onEvent) {
      // The token source alone: building the whole client per generated reply costs 2 ms.
      const authUrl = 'https://api.search.sparque.ai/api/auth';
      const tokens = createTokenManager({
        source: sparqueTokenSource({
          authUrl,
          workspace: 'ws',
          clientId: new Secret(CREDENTIALS.clientId),
          clientSecret: new Secret(CREDENTIALS.clientSecret),
          fetch,
        }),
        key: { vendor: 'sparque', tokenUrl: authUrl, clientId: CREDENTIALS.clientId, tenant: 'ws' },
        onEvent,
      });
      return closing(tokens, tokens.dispose);
    },
  },
  {
    name: 'squirro (refresh token)',
    create(fetch, onEvent) {
      const client = createSquirroClient({
        clusterUrl: 'https://cluster.squirro.test',
        refreshToken: CREDENTIALS.refreshToken,
        tenant: 'tenant',
        fetch,
        onEvent,
        retry: false,
      });
      return closing(client.tokens, client.dispose);
    },
  },
  {
    name: 'lucidworks identity',
    create(fetch, onEvent) {
      const options = {
        clientId: CREDENTIALS.clientId,
        clientSecret: CREDENTIALS.clientSecret,
        fetch,
        onEvent,
      };
      const tokens = createScopeTokens({
        ...options,
        ...resolveIdentityOptions(options, 'lucidworks-ai'),
        vendor: 'lucidworks-ai',
        scope: 'machinelearning.predict',
        mintRevokesPrevious: true,
      });
      return closing(tokens, tokens.dispose);
    },
  },
  {
    name: 'oauth2 (client credentials)',
    create(fetch, onEvent) {
      const client = createOAuth2Client({
        baseUrl: 'https://api.vendor.test',
        clientId: CREDENTIALS.clientId,
        clientSecret: CREDENTIALS.clientSecret,
        fetch,
        onEvent,
      });
      return closing(client.tokens, client.dispose);
    },
  },
  {
    name: 'core refreshTokenGrant',
    create(fetch, onEvent) {
      const tokenUrl = 'https://id.vendor.test/oauth/token';
      const tokens = createTokenManager({
        source: refreshTokenGrant({
          vendor: 'fuzz',
          tokenUrl,
          refreshToken: new Secret(CREDENTIALS.refreshToken),
          clientId: CREDENTIALS.clientId,
          clientSecret: CREDENTIALS.clientSecret,
          fetch,
        }),
        key: { vendor: 'fuzz', tokenUrl, clientId: CREDENTIALS.clientId },
        onEvent,
      });
      return closing(tokens, tokens.dispose);
    },
  },
];
