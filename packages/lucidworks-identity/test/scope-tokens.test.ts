import { type Clock, memoryStore, Secret, type TokenStore } from '@searchauth/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createScopeTokens, DEFAULT_REFRESH_MARGIN_SECONDS } from '../src/index.js';

// The documented curl (vendor-docs/lucidworks-*-authentication.txt):
//   curl --request POST \
//     --url 'https://identity.lucidworks.com/oauth2/ausao8uveaPmyhv0v357/v1/token?scope=…&grant_type=client_credentials' \
//     --header 'Accept: application/json' --header 'Authorization: Basic [CLIENT_ID:CLIENT_SECRET]' \
//     --header 'Cache-Control: no-cache' --header 'Content-Type: application/x-www-form-urlencoded'

const TOKEN_URL = 'https://identity.lucidworks.com/oauth2/ausao8uveaPmyhv0v357/v1/token';
const CLIENT_ID = 'client-id-123';
const CLIENT_SECRET = 'Zx9_k-Qm4vT2pLr8WnYb';
const BASIC = `Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64')}`;
const T0 = Date.UTC(2025, 0, 1);

/** A token endpoint that answers `tok-1`, `tok-2`, … valid for an hour, and records each request. */
function identityServer() {
  const requests: Request[] = [];
  const fetch = vi.fn<typeof globalThis.fetch>(async (input, init) => {
    requests.push(new Request(input, init));
    return Response.json({
      token_type: 'Bearer',
      expires_in: 3600,
      access_token: `tok-${requests.length}`,
    });
  });
  return { fetch, requests };
}

/** Time that moves only when the test says so; the token manager sets no timers of its own here. */
function manualClock(): Clock & { advance(seconds: number): void } {
  let now = T0;
  return {
    now: () => now,
    setTimeout: (callback, ms) => setTimeout(callback, ms),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    advance(seconds) {
      now += seconds * 1000;
    },
  };
}

const base = {
  vendor: 'lucidworks-test',
  tokenUrl: TOKEN_URL,
  clientId: Secret.from(CLIENT_ID),
  clientSecret: Secret.from(CLIENT_SECRET),
  random: () => 0,
};

describe('createScopeTokens', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it.each([
    ['one scope', { scope: 'datasource.push' }],
    ['combined scopes', { scope: 'connectedsearch.query datasource.push' }],
  ])('%s: the token request matches the documented curl', async (_name, { scope }) => {
    const server = identityServer();
    const tokens = createScopeTokens({ ...base, scope, fetch: server.fetch });
    await expect(tokens.getToken()).resolves.toBe('tok-1');
    tokens.dispose();

    expect(server.requests).toHaveLength(1);
    const [request] = server.requests as [Request];
    expect(request.method).toBe('POST');
    const url = new URL(request.url);
    expect(`${url.origin}${url.pathname}`).toBe(TOKEN_URL);
    expect([...url.searchParams]).toEqual([
      ['scope', scope],
      ['grant_type', 'client_credentials'],
    ]);
    expect(request.headers.get('authorization')).toBe(BASIC);
    expect(request.headers.get('content-type')).toBe('application/x-www-form-urlencoded');
    expect(request.headers.get('accept')).toBe('application/json');
    expect(request.headers.get('cache-control')).toBe('no-cache');
    await expect(request.text()).resolves.toBe('');
  });

  it('looks up the global fetch per request, so one stubbed after creation is used', async () => {
    const tokens = createScopeTokens({ ...base, scope: 'machinelearning.model' });
    const server = identityServer();
    vi.stubGlobal('fetch', server.fetch);
    await expect(tokens.getToken()).resolves.toBe('tok-1');
    expect(server.fetch).toHaveBeenCalledTimes(1);
    tokens.dispose();
  });

  it('keys the manager by vendor, token URL and scope, without the client id', async () => {
    const server = identityServer();
    const inner = memoryStore();
    const keys: string[] = [];
    const store: TokenStore = {
      get: (key) => inner.get(key),
      set: (key, token) => {
        keys.push(key);
        return inner.set(key, token);
      },
      delete: (key, ifAccessToken) => inner.delete(key, ifAccessToken),
    };
    const scope = 'machinelearning.predict';
    const tokens = createScopeTokens({ ...base, scope, fetch: server.fetch, store });
    expect(tokens.vendor).toBe('lucidworks-test');
    await tokens.getToken();
    tokens.dispose();
    expect(keys).toHaveLength(1);
    expect(keys[0]).toContain(TOKEN_URL);
    expect(keys[0]).toContain(scope);
    expect(keys[0]).not.toContain(CLIENT_ID);
  });

  it.each([
    [
      'the docs’ five minutes by default',
      { margin: undefined, want: DEFAULT_REFRESH_MARGIN_SECONDS },
    ],
    ['the configured margin', { margin: 600, want: 600 }],
  ])('refreshes %s before expiry', async (_name, { margin, want }) => {
    expect(DEFAULT_REFRESH_MARGIN_SECONDS).toBe(300);
    const server = identityServer();
    const clock = manualClock();
    const tokens = createScopeTokens({
      ...base,
      scope: 'datasource.push',
      fetch: server.fetch,
      clock,
      refreshMarginSeconds: margin,
    });
    await tokens.getToken();
    clock.advance(3600 - want - 1);
    await tokens.getToken();
    expect(server.fetch).toHaveBeenCalledTimes(1);
    clock.advance(2);
    await tokens.getToken();
    await vi.waitFor(() => expect(server.fetch).toHaveBeenCalledTimes(2));
    tokens.dispose();
  });

  it.each([
    ['revokes the previous token: callers wait for the new one', { revokes: true, want: 'tok-2' }],
    ['independent tokens: the old one is served meanwhile', { revokes: false, want: 'tok-1' }],
  ])('mintRevokesPrevious %s', async (_name, { revokes, want }) => {
    const server = identityServer();
    const clock = manualClock();
    const tokens = createScopeTokens({
      ...base,
      scope: 'machinelearning.predict',
      mintRevokesPrevious: revokes,
      fetch: server.fetch,
      clock,
    });
    await expect(tokens.getToken()).resolves.toBe('tok-1');
    clock.advance(3600 - 299);
    await expect(tokens.getToken()).resolves.toBe(want);
    tokens.dispose();
  });
});
