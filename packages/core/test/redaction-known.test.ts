import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  clientCredentials,
  createAuthFetch,
  createTokenManager,
  httpError,
  SearchAuthError,
  Secret,
  type TokenSource,
} from '../src/index.js';
import { API } from './api-double.js';
import { fakeFetch, json } from './fake-fetch.js';
import { key } from './support.js';

const everywhere = (error: unknown) => {
  const e = error as Error;
  return [
    e.message,
    e.stack,
    JSON.stringify(e),
    inspect(e, { depth: 10, showHidden: true }),
    String((e.cause as Error | undefined)?.message),
    String((e.cause as Error | undefined)?.stack),
  ].join('\n');
};

describe('no known token or secret in any error', () => {
  it('scrubs a bearer token an API error body echoes (Squirro)', async () => {
    const token = 'squirro-access-token-3f9a8b7c';
    const tokens = createTokenManager({ source: async () => ({ accessToken: token }), key });
    const authFetch = createAuthFetch({
      tokens,
      apiOrigin: API,
      fetch: async () => json({ message: `Token ${token} is not valid for project p1` }, 403),
    });
    const response = await authFetch(`${API}/items`);
    const error = await httpError(response, { vendor: 'squirro', method: 'GET' });
    expect(error.message).toContain('Token [redacted] is not valid');
    expect(everywhere(error)).not.toContain(token);
  });

  it('refuses a header-unsafe token with a typed error that does not quote it', async () => {
    const token = 'evil-token\r\nx-injected: 1';
    const source: TokenSource = async () => ({ accessToken: token });
    const tokens = createTokenManager({ source, key });
    const authFetch = createAuthFetch({ tokens, apiOrigin: API, fetch: async () => json({}) });
    const error = await authFetch(`${API}/items`).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'ERR_TOKEN_RESPONSE_INVALID' });
    expect(everywhere(error)).not.toContain('evil-token');
  });

  it('scrubs a known secret from a cause, however deep', () => {
    const secret = new Secret('client-secret-in-a-cause-91');
    const cause = new TypeError('outer', {
      cause: new Error(`invalid header value: ${secret.reveal()}`),
    });
    const error = new SearchAuthError('ERR_NETWORK', 'request failed', { vendor: 'v', cause });
    expect(everywhere(error)).not.toContain(secret.reveal());
    expect(((error.cause as Error).cause as Error).message).toBe(
      'invalid header value: [redacted]',
    );
  });

  it('scrubs a token endpoint reply that echoes the client secret', async () => {
    const fetch = fakeFetch(() => json({ message: 'bad', error: 'secret-echo-5d2e1f0a' }, 400));
    const source = clientCredentials({
      vendor: 'v',
      tokenUrl: 'https://id.example.com/token',
      clientId: 'id',
      clientSecret: 'secret-echo-5d2e1f0a',
      fetch,
    });
    const error = await source({ signal: new AbortController().signal, reason: 'initial' }).catch(
      (e: unknown) => e,
    );
    expect(everywhere(error)).not.toContain('secret-echo-5d2e1f0a');
  });
});
