import { afterEach, describe, expect, it } from 'vitest';
import { fakeFetch, type Handler, json } from '../../core/test/fake-fetch.js';
import { createOAuth2Client, type OAuth2ClientOptions } from '../src/index.js';

type Api = ReturnType<typeof createOAuth2Client<Record<string, never>>>;
const clients: Api[] = [];
afterEach(() => {
  for (const client of clients.splice(0)) client.dispose();
});

const TOKEN = { token_type: 'Bearer', expires_in: 3600, access_token: 'NgXCXRKc-Mz0Yjw=' };

function setup(handler: Handler, extra: Partial<OAuth2ClientOptions> = {}) {
  const fetch = fakeFetch(handler);
  const api = createOAuth2Client<Record<string, never>>({
    baseUrl: 'https://api.example.com',
    clientId: 'my-client',
    clientSecret: 'my-secret',
    fetch,
    ...extra,
  });
  clients.push(api);
  return { api, fetch };
}

const basic = (id: string, secret: string) =>
  `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

describe('the token request on the wire', () => {
  it('is the documented POST with Basic client auth and a form body', async () => {
    const { api, fetch } = setup(() => json(TOKEN));
    await expect(api.tokens.getToken()).resolves.toBe('NgXCXRKc-Mz0Yjw=');
    expect(fetch.seen).toHaveLength(1);
    const [request] = fetch.seen;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('https://api.example.com/oauth/v2/token');
    expect(request?.headers.authorization).toBe(basic('my-client', 'my-secret'));
    expect(request?.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    expect(Object.fromEntries(new URLSearchParams(request?.body))).toEqual({
      grant_type: 'client_credentials',
    });
  });

  it('form-urlencodes the id and secret inside the Basic header (RFC 6749 §2.3.1)', async () => {
    const { api, fetch } = setup(() => json(TOKEN), {
      clientId: 'my client',
      clientSecret: 'p@ss:w/rd+é',
    });
    await api.tokens.getToken();
    expect(fetch.seen[0]?.headers.authorization).toBe(
      basic('my+client', 'p%40ss%3Aw%2Frd%2B%C3%A9'),
    );
  });

  it('sends scope and audience only when set', async () => {
    const { api, fetch } = setup(() => json(TOKEN), {
      scope: 'openid search:read',
      audience: 'https://api.example.com',
    });
    await api.tokens.getToken();
    expect(Object.fromEntries(new URLSearchParams(fetch.seen[0]?.body))).toEqual({
      grant_type: 'client_credentials',
      scope: 'openid search:read',
      audience: 'https://api.example.com',
    });
  });

  it('goes to tokenUrl when given', async () => {
    const { api, fetch } = setup(() => json(TOKEN), {
      tokenUrl: 'https://auth.example.com/oauth/v2/token',
    });
    await api.tokens.getToken();
    expect(fetch.seen[0]?.url).toBe('https://auth.example.com/oauth/v2/token');
  });

  it.each([
    [401, 'ERR_INVALID_CLIENT'],
    [403, 'ERR_FORBIDDEN'],
  ])('maps %i to %s without echoing the secret', async (status, code) => {
    const { api } = setup(() => json({ error: 'invalid_client' }, status));
    const error = await api.tokens.getToken().catch((e: unknown) => e);
    expect(error).toMatchObject({ code, status, vendor: 'oauth2' });
    expect(String(error)).not.toContain('my-secret');
  });

  it('names the vendor given in errors', async () => {
    const { api } = setup(() => json({}, 401), { vendor: 'acme-search' });
    await expect(api.tokens.getToken()).rejects.toMatchObject({ vendor: 'acme-search' });
  });

  it.each([
    ['no access_token', { token_type: 'Bearer', expires_in: 3600 }],
    ['a negative expires_in', { ...TOKEN, expires_in: -1 }],
    ['a string body', 'token'],
  ])('rejects a 200 with %s', async (_name, body) => {
    const { api } = setup(() => json(body));
    await expect(api.tokens.getToken()).rejects.toMatchObject({
      code: 'ERR_TOKEN_RESPONSE_INVALID',
    });
  });
});
