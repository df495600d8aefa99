import { inspect } from 'node:util';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clientCredentials,
  createAuthFetch,
  createTokenManager,
  refreshTokenGrant,
  SearchAuthError,
  Secret,
  sendTokenRequest,
  type TokenEvent,
} from '../src/index.js';
import { fakeClock, flush } from './support.js';

const CLIENT_ID = 'client-id-visible-nowhere';
const SECRET = 'the-client-secret-7f3a9c';
const REFRESH = 'the-refresh-token-b81d2e';
const ROTATED = 'the-rotated-refresh-token-0c4d';
const ACCESS = 'the-access-token-5e6f7a';
const NEEDLES = [SECRET, REFRESH, ROTATED, ACCESS, CLIENT_ID];

/** Every way a value can end up in a log. */
function renderings(value: unknown): string[] {
  const out = [String(value), inspect(value, { depth: 10, showHidden: true })];
  try {
    out.push(JSON.stringify(value));
  } catch {}
  if (value instanceof Error) out.push(value.message, value.stack ?? '', String(value.cause));
  return out;
}

beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.cleanAll());

describe('redaction', () => {
  it('no error, event, key or stats output contains a secret or token', async () => {
    const seen: unknown[] = [];
    const events: TokenEvent[] = [];
    const onEvent = (event: TokenEvent) => events.push(event);
    const host = 'https://id.example.com';
    const clock = fakeClock();

    // Endpoints that echo credentials back in every way a broken server might.
    nock(host)
      .post('/cc')
      .reply(200, `<html>${SECRET} ${CLIENT_ID}</html>`)
      .post('/cc')
      .reply(400, { error: SECRET })
      .post('/cc')
      .reply(302, '', { location: `https://evil.example/?t=${SECRET}` })
      .post('/cc')
      .reply(200, { access_token: ACCESS, expires_in: -5, note: SECRET })
      .post('/cc')
      .reply(200, { access_token: 42, refresh_token: REFRESH })
      .post('/rt')
      .reply(404, { error: REFRESH })
      .post('/rt')
      .reply(200, { access_token: ACCESS, refresh_token: ROTATED, expires_in: 'forever' })
      .post('/rt')
      .reply(200, { access_token: ACCESS, refresh_token: ROTATED, expires_in: 60 })
      .post('/rt')
      .times(3)
      .reply(200, { access_token: `${ACCESS}-2`, expires_in: 60 });

    const cc = clientCredentials({
      vendor: 'v',
      tokenUrl: `${host}/cc`,
      clientId: CLIENT_ID,
      clientSecret: SECRET,
    });
    const rt = refreshTokenGrant({
      vendor: 'v',
      tokenUrl: `${host}/rt`,
      refreshToken: new Secret(REFRESH),
      clientSecret: SECRET,
      statusCodes: { 404: 'ERR_REFRESH_TOKEN_INVALID' },
      onRefreshTokenRotated: (token) => void seen.push(token),
    });
    const ccTokens = createTokenManager({
      source: cc,
      key: { vendor: 'v', tokenUrl: `${host}/cc`, clientId: CLIENT_ID },
      clock,
      onEvent,
    });
    const rtTokens = createTokenManager({
      source: rt,
      key: { vendor: 'v', tokenUrl: `${host}/rt`, clientId: new Secret(CLIENT_ID) },
      clock,
      onEvent,
    });
    // Each call after the failure backoff, so each one reaches the endpoint.
    for (let i = 0; i < 5; i++) {
      clock.advance(600_000);
      seen.push(await ccTokens.getToken().catch((e: unknown) => e));
    }
    for (let i = 0; i < 3; i++) {
      clock.advance(600_000);
      seen.push(await rtTokens.getToken().catch((e: unknown) => e));
    }
    expect(seen.at(-1)).toBe(ACCESS); // the last one worked: the token itself is only returned

    // API side: a 401 replay with a streamed body, a timeout and a network failure.
    const authFetch = createAuthFetch({
      tokens: rtTokens,
      apiOrigin: 'https://api.example.com',
      clock,
      maxReplayBodyBytes: 1,
      fetch: async (_input, init) => {
        const auth = new Headers(init?.headers).get('authorization') ?? '';
        if (init?.method === 'PUT') throw new TypeError('fetch failed');
        return new Response(auth, { status: 401 });
      },
    });
    seen.push(
      await authFetch('https://api.example.com/a', {
        method: 'POST',
        body: new Blob([SECRET, SECRET]).stream(),
        duplex: 'half',
      } as RequestInit).catch((e: unknown) => e),
      await authFetch('https://api.example.com/b', { method: 'PUT', body: 'x' }).catch(
        (e: unknown) => e,
      ),
    );
    await flush();

    seen.push(
      await sendTokenRequest({
        vendor: 'v',
        url: `${host}/cc?client_secret=${SECRET}`,
        headers: {},
        body: SECRET,
        fetch: async () => new Response(SECRET, { status: 500 }),
      }).catch((e: unknown) => e),
      new SearchAuthError('ERR_NETWORK', 'x', {
        url: `https://u:${SECRET}@h.example/p?${REFRESH}`,
      }),
      new Secret(SECRET),
      ccTokens.stats(),
      ...events,
    );

    const errors = seen.filter((value) => value instanceof SearchAuthError);
    expect(errors.length).toBeGreaterThanOrEqual(9);
    expect(events.length).toBeGreaterThan(10);
    for (const value of seen.filter((v) => v !== ACCESS)) {
      for (const text of renderings(value)) {
        for (const needle of NEEDLES) expect(text).not.toContain(needle);
      }
    }
  });
});
