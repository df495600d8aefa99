import { memoryStore } from '@searchauth/core';
import { describe, expect, it } from 'vitest';
import { fakeFetch, json } from '../../core/test/fake-fetch.js';
import { createOAuth2Client, type OAuth2ClientOptions } from '../src/index.js';

const TOKEN = { token_type: 'Bearer', expires_in: 3600, access_token: 'tok-1' };
const base: OAuth2ClientOptions = {
  baseUrl: 'https://api.example.com',
  clientId: 'my client@corp',
  clientSecret: 'p+ss/w=rd',
};

async function tokenRequest(extra: Partial<OAuth2ClientOptions>) {
  const fetch = fakeFetch(() => json(TOKEN));
  const api = createOAuth2Client({ ...base, fetch, ...extra });
  await api.tokens.getToken();
  api.dispose();
  return fetch.seen[0];
}

describe('createOAuth2Client: options that reach core', () => {
  it('refuses an unknown option with the closest known name', () => {
    expect(() => createOAuth2Client({ ...base, baseURL: 'https://x.example' } as never)).toThrow(
      'createOAuth2Client: unknown option baseURL; did you mean baseUrl? (oauth2)',
    );
  });

  it('passes storeTimeoutMs to core: a store that never answers costs 50 ms, not the token', async () => {
    const fetch = fakeFetch(() => json(TOKEN));
    const hanging = { ...memoryStore(), get: () => new Promise<never>(() => {}) };
    const events: string[] = [];
    const api = createOAuth2Client({
      ...base,
      fetch,
      store: hanging,
      storeTimeoutMs: 50,
      onEvent: (event) => events.push(`${event.type} ${event.error?.code ?? ''}`.trim()),
    });
    expect(await api.tokens.getToken()).toBe('tok-1');
    expect(events).toContain('degraded ERR_STORE_TIMEOUT');
    api.dispose();
    expect(() => createOAuth2Client({ ...base, storeTimeoutMs: -1 })).toThrow(/storeTimeoutMs/);
  });

  it('sends Basic credentials RFC 6749-encoded by default and plain when asked, byte for byte', async () => {
    // RFC 6749 §2.3.1: "my+client%40corp:p%2Bss%2Fw%3Drd", then base64.
    expect((await tokenRequest({}))?.headers.authorization).toBe(
      `Basic ${btoa('my+client%40corp:p%2Bss%2Fw%3Drd')}`,
    );
    expect((await tokenRequest({ basicEncoding: 'plain' }))?.headers.authorization).toBe(
      'Basic bXkgY2xpZW50QGNvcnA6cCtzcy93PXJk',
    );
  });

  it('sends resource= per value and keys tokens by resource', async () => {
    const seen = await tokenRequest({ resource: ['https://a.example/', 'https://b.example/'] });
    expect(new URLSearchParams(seen?.body).getAll('resource')).toEqual([
      'https://a.example/',
      'https://b.example/',
    ]);
    const fetch = fakeFetch(() => json(TOKEN));
    // One shared store: a client must never adopt a token minted for another resource.
    const store = memoryStore();
    const a = createOAuth2Client({ ...base, fetch, store, resource: 'https://a.example/' });
    const b = createOAuth2Client({ ...base, fetch, store, resource: 'https://b.example/' });
    await a.tokens.getToken();
    const events: string[] = [];
    const c = createOAuth2Client({
      ...base,
      fetch,
      store,
      extraParams: { aud: 'x' },
      onEvent: (e) => events.push(e.key),
    });
    await Promise.all([b.tokens.getToken(), c.tokens.getToken()]);
    // Three different tokens requested: nothing shared between resources or parameters.
    expect(fetch.seen).toHaveLength(3);
    expect(events.join()).not.toContain('a.example');
    for (const api of [a, b, c]) api.dispose();
  });
});
