import { describe, expect, it } from 'vitest';
import { createSquirroClient, Secret } from '../src/index.js';
import { CLUSTER, emptyPage, json, REFRESH_TOKEN, session, squirro } from './fake-squirro.js';

const ROTATED = '2007e4f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3';

function refreshTokenSent(body: string): string | null {
  return new URLSearchParams(body).get('refresh_token');
}

describe('refresh token rotation', () => {
  it('uses a rotated refresh token from then on and hands it to onRefreshTokenRotated once', async () => {
    let logins = 0;
    const server = squirro({
      token: () => {
        logins++;
        return json(session({ access_token: `access-${logins}`, refresh_token: ROTATED }));
      },
      // The first access token is rejected, which forces a second login.
      api: (request) =>
        request.headers.authorization === 'Bearer access-1'
          ? json({ error: 'expired' }, 401)
          : json(emptyPage()),
    });
    const rotated: Secret[] = [];
    const squirroClient = createSquirroClient({
      clusterUrl: CLUSTER,
      refreshToken: new Secret(REFRESH_TOKEN),
      tenant: 't',
      fetch: server.fetch,
      onRefreshTokenRotated: (token) => {
        rotated.push(token);
      },
    });

    await squirroClient.searchItems({ projectId: 'p1' });

    expect(server.tokenRequests().map((r) => refreshTokenSent(r.body))).toEqual([
      REFRESH_TOKEN,
      ROTATED,
    ]);
    // The second response repeats the rotated token: not a new rotation.
    expect(rotated).toHaveLength(1);
    expect(rotated[0]).toBeInstanceOf(Secret);
    expect(rotated[0]?.reveal()).toBe(ROTATED);
    expect(String(rotated[0])).not.toContain(ROTATED);
    squirroClient.dispose();
  });

  it.each([
    ['the same refresh token', { refresh_token: REFRESH_TOKEN }],
    ['no refresh token', { refresh_token: undefined }],
  ])('does not call onRefreshTokenRotated when the response carries %s', async (_name, extra) => {
    const server = squirro({ token: () => json(session(extra)) });
    let calls = 0;
    const { tokens } = createSquirroClient({
      clusterUrl: CLUSTER,
      refreshToken: REFRESH_TOKEN,
      fetch: server.fetch,
      onRefreshTokenRotated: () => {
        calls++;
      },
    });
    await tokens.getToken();
    expect(calls).toBe(0);
  });
});
