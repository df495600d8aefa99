import { describe, expect, it } from 'vitest';
import {
  clientCredentials,
  refreshTokenGrant,
  type SearchAuthError,
  sendTokenRequest,
} from '../src/index.js';
import { fakeFetch, json } from './fake-fetch.js';
import { fakeClock, T0 } from './support.js';

const url = 'https://id.example.com/token';
/** The SearchAuthError the request fails with. */
const post = (fetch: typeof globalThis.fetch, extra = {}) =>
  sendTokenRequest({ vendor: 'v', url, headers: {}, body: 'a=1', fetch, ...extra }).then(
    () => {
      throw new Error('resolved');
    },
    (error: unknown) => error as SearchAuthError,
  );
const answer = (response: () => Response) => fakeFetch(response);

describe('token endpoint errors name the cause and the fix', () => {
  it('a 404 is ERR_TOKEN_ENDPOINT_NOT_FOUND naming the option to check', async () => {
    const html = () => new Response('<h1>Not Found</h1>', { status: 404 });
    expect(await post(answer(html))).toMatchObject({
      code: 'ERR_TOKEN_ENDPOINT_NOT_FOUND',
      message: `token endpoint not found: check tokenUrl (v, POST ${url}, HTTP 404)`,
    });
    expect((await post(answer(html), { urlOption: 'clusterUrl' })).message).toContain(
      'check clusterUrl',
    );
    // A vendor whose 404 means something (Squirro: unknown refresh token) keeps it when the body says so.
    const said = () => json({ error: 'Invalid refresh token.' }, 404);
    expect(
      await post(answer(said), { statusCodes: { 404: 'ERR_REFRESH_TOKEN_INVALID' } }),
    ).toMatchObject({
      code: 'ERR_REFRESH_TOKEN_INVALID',
    });
  });

  it.each([
    ['invalid_client', 401, 'ERR_INVALID_CLIENT'],
    ['invalid_grant', 400, 'ERR_INVALID_GRANT'],
    ['invalid_scope', 400, 'ERR_INVALID_SCOPE'],
    ['invalid_target', 400, 'ERR_INVALID_TARGET'],
    ['unauthorized_client', 400, 'ERR_UNAUTHORIZED_CLIENT'],
    ['unsupported_grant_type', 400, 'ERR_UNSUPPORTED_GRANT_TYPE'],
  ])(
    'maps the OAuth error %s to its own code, naming it but not the description',
    async (error, status, code) => {
      const reply = () => json({ error, error_description: 'scope=admin for client 42' }, status);
      const failure = await post(answer(reply));
      expect(failure).toMatchObject({ code, status });
      expect(failure.message).toContain(`token request failed: ${error}`);
      expect(failure.message).not.toContain('admin');
    },
  );

  it('the refresh grant keeps ERR_REFRESH_TOKEN_INVALID for invalid_grant', async () => {
    const source = refreshTokenGrant({
      vendor: 'v',
      tokenUrl: url,
      refreshToken: 'rt-123456789',
      fetch: answer(() => json({ error: 'invalid_grant' }, 400)),
    });
    await expect(
      source({ signal: new AbortController().signal, reason: 'refresh' }),
    ).rejects.toMatchObject({ code: 'ERR_REFRESH_TOKEN_INVALID' });
  });

  it('names the low-level code of a network failure, found causes deep', async () => {
    const deep = Object.assign(new Error('connect ECONNREFUSED 10.0.0.1:443'), {
      code: 'ECONNREFUSED',
    });
    const refused: typeof fetch = async () => {
      throw new TypeError('fetch failed', { cause: new Error('wrapped', { cause: deep }) });
    };
    const failure = await post(refused);
    expect(failure).toMatchObject({
      code: 'ERR_TOKEN_ENDPOINT_UNAVAILABLE',
      causeCode: 'ECONNREFUSED',
    });
    expect(failure.message).toContain('token endpoint unreachable: ECONNREFUSED');
    expect(JSON.parse(JSON.stringify(failure))).toMatchObject({ causeCode: 'ECONNREFUSED' });
    const expired: typeof fetch = async () => {
      throw new TypeError('fetch failed', {
        cause: Object.assign(new Error('certificate has expired'), { code: 'CERT_HAS_EXPIRED' }),
      });
    };
    expect((await post(expired)).message).toContain('CERT_HAS_EXPIRED');
  });

  it('puts the Retry-After of a 429 or 503 on the error as retryAfterMs', async () => {
    const clock = fakeClock();
    const limited = () => new Response('', { status: 429, headers: { 'retry-after': '60' } });
    const failure = await post(answer(limited), { clock });
    expect(failure).toMatchObject({ code: 'ERR_RATE_LIMITED', retryAfterMs: 60_000 });
    expect(failure.toJSON()).toMatchObject({ retryAfterMs: 60_000 });
    const date = new Date(T0 + 5000).toUTCString();
    const busy = () => new Response('', { status: 503, headers: { 'retry-after': date } });
    expect(await post(answer(busy), { clock })).toMatchObject({ retryAfterMs: 5000 });
    expect(await post(answer(() => new Response('', { status: 503 })))).not.toHaveProperty(
      'retryAfterMs',
    );
  });

  it('clientCredentials passes the option name to name on a 404', async () => {
    const source = clientCredentials({
      vendor: 'v',
      tokenUrl: url,
      clientId: 'id',
      clientSecret: 'secret',
      urlOption: 'identityBaseUrl',
      fetch: answer(() => new Response('', { status: 404 })),
    });
    await expect(
      source({ signal: new AbortController().signal, reason: 'initial' }),
    ).rejects.toThrow('check identityBaseUrl');
  });
});
