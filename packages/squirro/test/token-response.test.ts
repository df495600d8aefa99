import { describe, expect, it } from 'vitest';
import { createSquirroClient, isSearchAuthError, type Secret } from '../src/index.js';
import {
  CLUSTER,
  DOCUMENTED_TOKEN_RESPONSE,
  json,
  REFRESH_TOKEN,
  secretsIn,
  session,
  squirro,
} from './fake-squirro.js';

describe('token response parsing', () => {
  it('accepts the documented response: its access_token is the bearer token', async () => {
    const server = squirro({ token: () => json(DOCUMENTED_TOKEN_RESPONSE) });
    const rotated: Secret[] = [];
    const { tokens } = createSquirroClient({
      clusterUrl: CLUSTER,
      refreshToken: REFRESH_TOKEN,
      fetch: server.fetch,
      onRefreshTokenRotated: (token) => {
        rotated.push(token);
      },
    });

    await expect(tokens.getToken()).resolves.toBe(DOCUMENTED_TOKEN_RESPONSE.access_token);
    // The example's refresh_token differs from the one sent, so it counts as rotated.
    expect(rotated.map((token) => token.reveal())).toEqual(['200…3c3']);
  });

  it.each<[string, { body: string; contentType?: string }]>([
    ['an HTML page', { body: '<html><body>Login</body></html>', contentType: 'text/html' }],
    ['empty', { body: '' }],
    ['a JSON array', { body: JSON.stringify([session()]) }],
    ['a JSON string', { body: JSON.stringify('882d9b12cce019ee0137e54beaeea2227db4db3e') }],
    ['no access_token', { body: JSON.stringify(session({ access_token: undefined })) }],
    ['an empty access_token', { body: JSON.stringify(session({ access_token: '' })) }],
    ['a numeric access_token', { body: JSON.stringify(session({ access_token: 882 })) }],
    ['an access_token with spaces', { body: JSON.stringify(session({ access_token: 'a b' })) }],
    ['an empty refresh_token', { body: JSON.stringify(session({ refresh_token: '' })) }],
    ['a numeric refresh_token', { body: JSON.stringify(session({ refresh_token: 200 })) }],
  ])('rejects %s with ERR_TOKEN_RESPONSE_INVALID', async (_name, given) => {
    const server = squirro({
      token: () =>
        new Response(given.body, {
          headers: { 'content-type': given.contentType ?? 'application/json' },
        }),
    });
    const { tokens } = createSquirroClient({
      clusterUrl: CLUSTER,
      refreshToken: REFRESH_TOKEN,
      fetch: server.fetch,
    });

    const error = await tokens.getToken().then(
      () => undefined,
      (e: unknown) => e,
    );

    expect(isSearchAuthError(error)).toBe(true);
    const { code, message } = error as { code: string; message: string };
    expect(code).toBe('ERR_TOKEN_RESPONSE_INVALID');
    for (const secret of secretsIn('Login')) expect(message).not.toContain(secret);
    expect(server.tokenRequests()).toHaveLength(1);
  });
});
