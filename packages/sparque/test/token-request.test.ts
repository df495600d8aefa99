import type { TokenRequestContext } from '@searchauth/core';
import { Secret } from '@searchauth/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  fakeFetch,
  type Handler,
  hangingFetch,
  json,
  jwt,
  text,
  timerClock,
} from '../../core/test/fake-fetch.js';
import { createSparqueClient, type SparqueClient } from '../src/index.js';
import { sparqueTokenSource } from '../src/token-source.js';

const clients: SparqueClient[] = [];
afterEach(() => {
  for (const client of clients.splice(0)) client.dispose();
});

function sparque(handler: Handler, extra: Record<string, unknown> = {}) {
  const fetch = fakeFetch(handler);
  const client = createSparqueClient({
    workspace: 'shop',
    clientId: 'm2m-client',
    clientSecret: 'm2m-secret',
    fetch,
    ...extra,
  });
  clients.push(client);
  return { client, fetch };
}

describe('the token request on the wire', () => {
  it('is the documented POST with a JSON body, ForceReauth false', async () => {
    const { client, fetch } = sparque(() => json('tok-1'));
    await expect(client.tokens.getToken()).resolves.toBe('tok-1');

    expect(fetch.seen).toHaveLength(1);
    const [request] = fetch.seen;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('https://api.search.sparque.ai/api/auth');
    expect(request?.headers).toMatchObject({ accept: '*/*', 'content-type': 'application/json' });
    expect(request?.headers).not.toHaveProperty('authorization');
    // Field names and order as in the vendor's curl example.
    expect(request?.body).toBe(
      '{"WorkspaceName":"shop","ClientId":"m2m-client","ClientSecret":"m2m-secret","ForceReauth":false}',
    );
  });

  it.each([
    [
      'UAT host',
      { authBaseUrl: 'https://uat.api.search.sparque.ai' },
      'https://uat.api.search.sparque.ai/api/auth',
    ],
    [
      'loopback host with a trailing slash',
      { authBaseUrl: 'http://127.0.0.1:4010/' },
      'http://127.0.0.1:4010/api/auth',
    ],
    [
      'a host with a path prefix',
      { authBaseUrl: 'https://gw.example.com/sparque' },
      'https://gw.example.com/sparque/api/auth',
    ],
  ])('goes to the %s', async (_name, extra, want) => {
    const { client, fetch } = sparque(() => json('tok'), extra);
    await client.tokens.getToken();
    expect(fetch.seen[0]?.url).toBe(want);
  });

  it('can send the curl example’s application/json-patch+json instead', async () => {
    const { client, fetch } = sparque(() => json('tok'), {
      authContentType: 'application/json-patch+json',
    });
    await client.tokens.getToken();
    expect(fetch.seen[0]?.headers['content-type']).toBe('application/json-patch+json');
  });

  it('accepts credentials wrapped in Secret', async () => {
    const { client, fetch } = sparque(() => json('tok'), {
      clientId: new Secret('id-in-secret'),
      clientSecret: new Secret('secret-in-secret'),
    });
    await client.tokens.getToken();
    expect(JSON.parse(fetch.seen[0]?.body ?? '')).toMatchObject({
      ClientId: 'id-in-secret',
      ClientSecret: 'secret-in-secret',
    });
  });

  it.each([
    ['a JSON string', () => json('tok-json')],
    ['a plain-text token', () => text('tok-text\n')],
    ['an object', () => json({ accessToken: 'tok-obj', expiresIn: 3600 })],
  ])('takes the token from %s', async (_name, respond) => {
    const { client } = sparque(respond);
    await expect(client.tokens.getToken()).resolves.toMatch(/^tok-/);
  });

  it('fails with ERR_TOKEN_RESPONSE_INVALID on a malformed 200', async () => {
    const { client } = sparque(() => text('<html>maintenance</html>', 200, 'text/html'));
    await expect(client.tokens.getToken()).rejects.toMatchObject({
      code: 'ERR_TOKEN_RESPONSE_INVALID',
      vendor: 'sparque',
    });
  });

  it.each([
    [401, 'ERR_INVALID_CLIENT'],
    [403, 'ERR_FORBIDDEN'],
    [503, 'ERR_TOKEN_ENDPOINT_UNAVAILABLE'],
  ])('maps a token endpoint %i to %s without echoing the secret', async (status, code) => {
    const { client } = sparque(() => json({ message: 'bad credentials' }, status));
    const error = await client.tokens.getToken().catch((e: unknown) => e);
    expect(error).toMatchObject({ code, status, vendor: 'sparque' });
    expect(String(error)).not.toContain('m2m-secret');
  });
});

describe('token expiry', () => {
  const NOW = Date.UTC(2030, 0, 1);
  it.each<[string, { respond: () => Response; extra?: object; want: number }]>([
    [
      'expiresIn from the response',
      { respond: () => json({ accessToken: 'abc', expiresIn: 120 }), want: NOW + 120_000 },
    ],
    [
      'the JWT exp of a bare token',
      { respond: () => json(jwt({ exp: NOW / 1000 + 900 })), want: NOW + 900_000 },
    ],
    [
      'defaultLifetimeSeconds for an opaque token',
      { respond: () => text('abc'), want: NOW + 3_600_000 },
    ],
    [
      'PascalCase ExpiresIn',
      { respond: () => json({ AccessToken: 'abc', ExpiresIn: 300 }), want: NOW + 300_000 },
    ],
    [
      'a parseTokenResponse option',
      {
        respond: () => json({ result: { value: 'abc', seconds: 240 } }),
        extra: {
          parseTokenResponse: (body: { result: { value: string; seconds: number } }) => ({
            accessToken: body.result.value,
            expiresIn: body.result.seconds,
          }),
        },
        want: NOW + 240_000,
      },
    ],
    [
      'a configured defaultLifetimeSeconds',
      { respond: () => text('abc'), extra: { defaultLifetimeSeconds: 60 }, want: NOW + 60_000 },
    ],
  ])('comes from %s', async (_name, { respond, extra, want }) => {
    const stored: Array<{ expiresAt?: number }> = [];
    const store = {
      get: async () => undefined,
      set: async (_key: string, token: { expiresAt?: number }) => void stored.push(token),
      delete: async () => {},
    };
    const clock = { now: () => NOW, setTimeout: () => 0, clearTimeout: () => {} };
    const { client } = sparque(respond, { store, clock, ...extra });
    await client.tokens.getToken();
    expect(stored.map((token) => token.expiresAt)).toEqual([want]);
  });
});

describe('ForceReauth by request reason', () => {
  // The manager sets rejectedToken (the token the API just answered 401 to) only for `unauthorized`.
  it.each<[string, { context: Partial<TokenRequestContext>; served: string[]; want: boolean[] }]>([
    ['a first token', { context: { reason: 'initial' }, served: ['old'], want: [false] }],
    [
      'a refresh ahead of expiry',
      { context: { reason: 'refresh' }, served: ['old'], want: [false] },
    ],
    [
      'a 401 while the server still hands back the rejected token',
      {
        context: { reason: 'unauthorized', rejectedToken: 'old' },
        served: ['old', 'new'],
        want: [false, true],
      },
    ],
    [
      'a 401 after a peer already logged in again',
      {
        context: { reason: 'unauthorized', rejectedToken: 'old' },
        served: ['peer'],
        want: [false],
      },
    ],
  ])('%s sends ForceReauth %j', async (_name, { context, served, want }) => {
    const queue = [...served];
    const fetch = fakeFetch(() => json(queue.shift() ?? 'unexpected'));
    const source = sparqueTokenSource({
      authUrl: 'https://api.search.sparque.ai/api/auth',
      workspace: 'shop',
      clientId: Secret.from('id'),
      clientSecret: Secret.from('secret'),
      fetch,
    });
    const token = await source({
      reason: 'initial',
      ...context,
      signal: new AbortController().signal,
    });
    expect(fetch.seen.map((r) => JSON.parse(r.body ?? '').ForceReauth)).toEqual(want);
    expect(token.accessToken).toBe(served.at(-1));
  });
});

describe('token request timeout', () => {
  it('fails with ERR_TIMEOUT when the injected clock says time is up', async () => {
    const clock = timerClock();
    const source = sparqueTokenSource({
      authUrl: 'https://api.search.sparque.ai/api/auth',
      workspace: 'shop',
      clientId: Secret.from('id'),
      clientSecret: Secret.from('secret'),
      fetch: hangingFetch,
      timeoutMs: 5_000,
      clock,
    });
    const pending = source({ reason: 'initial', signal: new AbortController().signal });
    await Promise.resolve();
    expect(clock.timers).toHaveLength(1);
    clock.timers[0]?.[1]();
    await expect(pending).rejects.toMatchObject({
      code: 'ERR_TIMEOUT',
      message: expect.stringContaining('5000 ms'),
    });
  });

  it('takes its limit from the client option tokenTimeoutMs', async () => {
    const clock = timerClock();
    const client = createSparqueClient({
      workspace: 'shop',
      clientId: 'id',
      clientSecret: 'secret',
      fetch: hangingFetch,
      clock,
      tokenTimeoutMs: 1234,
    });
    clients.push(client);
    const pending = client.tokens.getToken();
    await vi.waitFor(() => expect(clock.timers.map(([ms]) => ms)).toContain(1234));
    clock.fire(1234);
    await expect(pending).rejects.toMatchObject({ code: 'ERR_TIMEOUT' });
  });
});
