import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSquirroClient, isSearchAuthError } from '../src/index.js';
import { CLUSTER, json, REFRESH_TOKEN, secretsIn, squirro, TOKEN_URL } from './fake-squirro.js';

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isSearchAuthError(error)) throw new Error(`expected a SearchAuthError, got ${error}`);
  return error;
}

describe('login failures', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it.each([
    ['404 invalid refresh token', { status: 404, want: 'ERR_REFRESH_TOKEN_INVALID' }],
    ['410 expired or revoked refresh token', { status: 410, want: 'ERR_REFRESH_TOKEN_EXPIRED' }],
    ['401 authentication missing', { status: 401, want: 'ERR_REFRESH_TOKEN_INVALID' }],
    ['403 forbidden', { status: 403, want: 'ERR_FORBIDDEN' }],
    // Squirro's 400 is invalid input (the SDK raises its input-data error), not a bad refresh token.
    ['400 malformed request', { status: 400, want: 'ERR_BAD_REQUEST' }],
    ['500 server error', { status: 500, want: 'ERR_TOKEN_ENDPOINT_UNAVAILABLE' }],
  ])('%s -> %s, sent once, no token loop', async (_name, { status, want }) => {
    // The server echoes the refresh token in its error, which must not reach the message.
    const server = squirro({
      token: () => json({ error: `refresh token ${REFRESH_TOKEN} is not valid` }, status),
      api: () => json({}, 500),
    });
    const squirroClient = createSquirroClient({
      clusterUrl: CLUSTER,
      refreshToken: REFRESH_TOKEN,
      tenant: 'squirro_demo',
      fetch: server.fetch,
    });

    // Concurrent callers share the one failing request.
    const errors = await Promise.all(
      [1, 2, 3].map(() => failure(squirroClient.searchItems({ projectId: 'p1', query: 'x' }))),
    );
    await vi.advanceTimersByTimeAsync(3_600_000);

    for (const error of errors) {
      expect(error.code).toBe(want);
      expect(error.status).toBe(status);
      expect(error.url).toBe(TOKEN_URL);
      for (const secret of secretsIn()) expect(error.message).not.toContain(secret);
      expect(JSON.stringify(error)).not.toContain(REFRESH_TOKEN);
    }
    expect(server.tokenRequests()).toHaveLength(1);
    expect(server.apiRequests()).toHaveLength(0);
    squirroClient.dispose();
  });

  it('does not retry on its own: each later call sends exactly one more login', async () => {
    const server = squirro({ token: () => json({ error: 'gone' }, 410) });
    const squirroClient = createSquirroClient({
      clusterUrl: CLUSTER,
      refreshToken: REFRESH_TOKEN,
      fetch: server.fetch,
    });

    await failure(squirroClient.tokens.getToken());
    await vi.advanceTimersByTimeAsync(600_000);
    expect(server.tokenRequests()).toHaveLength(1);
    await failure(squirroClient.tokens.getToken());
    expect(server.tokenRequests()).toHaveLength(2);
    squirroClient.dispose();
  });

  it('a 404 from the token endpoint after a 401 ends the request with ERR_REFRESH_TOKEN_INVALID', async () => {
    let logins = 0;
    const server = squirro({
      token: () =>
        ++logins === 1 ? json({ access_token: 'access-1' }) : json({ error: 'invalid' }, 404),
      api: () => json({ error: 'token expired' }, 401),
    });
    const squirroClient = createSquirroClient({
      clusterUrl: CLUSTER,
      refreshToken: REFRESH_TOKEN,
      tenant: 't',
      fetch: server.fetch,
    });

    const error = await failure(squirroClient.searchItems({ projectId: 'p1' }));

    expect(error.code).toBe('ERR_REFRESH_TOKEN_INVALID');
    expect(server.tokenRequests()).toHaveLength(2);
    expect(server.apiRequests()).toHaveLength(1);
    squirroClient.dispose();
  });

  it('a redirect from the token endpoint is refused, never followed with the refresh token', async () => {
    const server = squirro({
      token: () =>
        new Response(null, { status: 302, headers: { location: 'https://evil.example.net/x' } }),
    });
    const squirroClient = createSquirroClient({
      clusterUrl: CLUSTER,
      refreshToken: REFRESH_TOKEN,
      fetch: server.fetch,
    });
    const error = await failure(squirroClient.tokens.getToken());
    expect(error.code).toBe('ERR_REDIRECT_REFUSED');
    expect(server.fetch.seen.map((r) => r.url)).toEqual([TOKEN_URL]);
    squirroClient.dispose();
  });
});
