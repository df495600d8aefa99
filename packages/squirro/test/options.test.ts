import { describe, expect, it } from 'vitest';
import {
  createSquirroClient,
  isSearchAuthError,
  Secret,
  type SquirroClientOptions,
} from '../src/index.js';
import { CLUSTER, fakeFetch, REFRESH_TOKEN, squirro } from './fake-squirro.js';

const valid: SquirroClientOptions = { clusterUrl: CLUSTER, refreshToken: REFRESH_TOKEN };

function thrown(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    if (isSearchAuthError(error)) return error;
    throw error;
  }
  throw new Error('expected a throw');
}

describe('createSquirroClient options', () => {
  it.each<[string, { given: Partial<SquirroClientOptions> | null; want: string }]>([
    ['no options', { given: null, want: 'ERR_INVALID_OPTIONS' }],
    ['no clusterUrl', { given: { clusterUrl: undefined }, want: 'ERR_INVALID_OPTIONS' }],
    [
      'a clusterUrl that is not a URL',
      { given: { clusterUrl: 'squirro.example.com' }, want: 'ERR_INVALID_OPTIONS' },
    ],
    [
      'an ftp clusterUrl',
      { given: { clusterUrl: 'ftp://squirro.example.com' }, want: 'ERR_INVALID_OPTIONS' },
    ],
    [
      'a clusterUrl with a query',
      { given: { clusterUrl: `${CLUSTER}?x=1` }, want: 'ERR_INVALID_OPTIONS' },
    ],
    [
      'a clusterUrl with a fragment',
      { given: { clusterUrl: `${CLUSTER}/#top` }, want: 'ERR_INVALID_OPTIONS' },
    ],
    [
      'a clusterUrl with credentials',
      {
        given: { clusterUrl: `https://u:${REFRESH_TOKEN}@squirro.example.com` },
        want: 'ERR_INVALID_OPTIONS',
      },
    ],
    [
      'http to a remote host',
      { given: { clusterUrl: 'http://squirro.example.com' }, want: 'ERR_INSECURE_URL' },
    ],
    ['no refreshToken', { given: { refreshToken: undefined }, want: 'ERR_INVALID_OPTIONS' }],
    ['an empty refreshToken', { given: { refreshToken: '' }, want: 'ERR_INVALID_OPTIONS' }],
    ['a blank refreshToken', { given: { refreshToken: '   ' }, want: 'ERR_INVALID_OPTIONS' }],
    [
      'a numeric refreshToken',
      { given: { refreshToken: 42 as unknown as string }, want: 'ERR_INVALID_OPTIONS' },
    ],
    ['an empty tenant', { given: { tenant: '' }, want: 'ERR_INVALID_OPTIONS' }],
    ['a zero lifetime', { given: { accessTokenLifetimeSeconds: 0 }, want: 'ERR_INVALID_OPTIONS' }],
    [
      'a NaN lifetime',
      { given: { accessTokenLifetimeSeconds: Number.NaN }, want: 'ERR_INVALID_OPTIONS' },
    ],
    [
      'a non-function rotation callback',
      { given: { onRefreshTokenRotated: 'x' as never }, want: 'ERR_INVALID_OPTIONS' },
    ],
  ])('%s -> %s', (_name, { given, want }) => {
    const server = squirro({ token: () => new Response('{}') });
    const options = given === null ? null : { ...valid, fetch: server.fetch, ...given };
    const error = thrown(() => createSquirroClient(options as SquirroClientOptions));
    expect(error.code).toBe(want);
    expect(error.vendor).toBe('squirro');
    expect(error.message).not.toContain(REFRESH_TOKEN);
    expect(server.fetch.seen).toHaveLength(0);
  });

  it.each([
    ['clusterUrl must be an http(s) URL without credentials, query or fragment', 'ftp://x.example'],
    ['clusterUrl must use https (or set allowInsecureHttp)', 'http://squirro.example.com'],
  ])('says "%s" for %s', (message, clusterUrl) => {
    expect(thrown(() => createSquirroClient({ ...valid, clusterUrl })).message).toBe(
      `${message} (squirro)`,
    );
  });

  it.each([
    ['a string refresh token', { refreshToken: REFRESH_TOKEN }],
    ['a Secret refresh token', { refreshToken: new Secret(REFRESH_TOKEN) }],
    ['http to loopback', { clusterUrl: 'http://127.0.0.1:8080' }],
    ['http with allowInsecureHttp', { clusterUrl: 'http://squirro.lan', allowInsecureHttp: true }],
    ['a path prefix and trailing slash', { clusterUrl: `${CLUSTER}/squirro/` }],
  ])('accepts %s', async (_name, given) => {
    const fetch = fakeFetch(() => new Response('{"access_token":"a1"}'));
    const squirroClient = createSquirroClient({ ...valid, fetch, ...given });
    await expect(squirroClient.tokens.getToken()).resolves.toBe('a1');
    const base = (given as { clusterUrl?: string }).clusterUrl ?? CLUSTER;
    expect(fetch.seen[0]?.url).toBe(`${base.replace(/\/$/, '')}/api/user/oauth2/token`);
    squirroClient.dispose();
  });

  it('never shows the refresh token in token events or the client', async () => {
    const events: unknown[] = [];
    const fetch = fakeFetch(() => new Response('{"access_token":"a1"}'));
    const squirroClient = createSquirroClient({
      ...valid,
      fetch,
      onEvent: (event) => events.push(event),
    });
    await squirroClient.tokens.getToken();
    expect(events.length).toBeGreaterThan(0);
    expect(JSON.stringify([events, squirroClient])).not.toContain(REFRESH_TOKEN);
    squirroClient.dispose();
  });
});
