import { isSearchAuthError } from '@searchauth/core';
import { describe, expect, it } from 'vitest';
import { type LucidworksClientOptions, resolveClientOptions, scopeClients } from '../src/index.js';
import { bearerOf, fakeLucidworks, json } from './fake-lucidworks.js';

const VENDOR = 'lucidworks-test';
const APP = 'https://app-1.applications.lucidworks.com';
const valid: LucidworksClientOptions = {
  applicationId: 'app-1',
  clientId: 'id',
  clientSecret: 's',
};

describe('resolveClientOptions', () => {
  it('builds the application host and the documented token URL by default', () => {
    const resolved = resolveClientOptions(valid, VENDOR);
    expect(resolved).toMatchObject({
      applicationId: 'app-1',
      apiBaseUrl: APP,
      tokenUrl: 'https://identity.lucidworks.com/oauth2/ausao8uveaPmyhv0v357/v1/token',
    });
    expect(resolved.clientSecret.reveal()).toBe('s');
  });

  it('normalises an apiBaseUrl override', () => {
    const resolved = resolveClientOptions(
      { ...valid, apiBaseUrl: 'http://127.0.0.1:4011/' },
      VENDOR,
    );
    expect(resolved.apiBaseUrl).toBe('http://127.0.0.1:4011');
  });

  it.each([
    ['no options', { given: undefined, want: 'options are required' }],
    ['not an object', { given: 'app-1', want: 'options are required' }],
    ['missing applicationId', { given: { ...valid, applicationId: '' }, want: 'applicationId' }],
    ['applicationId with a dot', { given: { ...valid, applicationId: 'a.b' }, want: 'must be' }],
    [
      'missing clientSecret',
      { given: { ...valid, clientSecret: undefined }, want: 'clientSecret' },
    ],
    ['relative apiBaseUrl', { given: { ...valid, apiBaseUrl: '/api' }, want: 'apiBaseUrl' }],
  ])('%s → ERR_INVALID_OPTIONS naming the vendor', (_name, { given, want }) => {
    expect(() => resolveClientOptions(given as never, VENDOR)).toThrow(
      expect.objectContaining({
        code: 'ERR_INVALID_OPTIONS',
        vendor: VENDOR,
        message: expect.stringContaining(want),
      }),
    );
  });

  it('refuses plain http to a non-loopback API host unless allowed', () => {
    const given = { ...valid, apiBaseUrl: 'http://search.example.com' };
    expect(() => resolveClientOptions(given, VENDOR)).toThrow(
      expect.objectContaining({ code: 'ERR_INSECURE_URL' }),
    );
    expect(resolveClientOptions({ ...given, allowInsecureHttp: true }, VENDOR).apiBaseUrl).toBe(
      'http://search.example.com',
    );
  });
});

describe('scopeClients', () => {
  type Paths = {
    '/thing': {
      get: {
        parameters: { query?: never; header?: never; path?: never; cookie?: never };
        requestBody?: never;
        responses: {
          200: {
            headers: { [name: string]: unknown };
            content: { 'application/json': { ok: boolean } };
          };
        };
      };
    };
  };

  function setup() {
    const server = fakeLucidworks().identity();
    const options = { ...valid, fetch: server.fetch, retry: false as const };
    const forScope = scopeClients({
      ...options,
      ...resolveClientOptions(options, VENDOR),
      vendor: VENDOR,
    });
    return { server, forScope };
  }

  it('gives one scope a token manager, a fetch and two clients on one host', async () => {
    const { server, forScope } = setup();
    server.api('GET', APP, '/thing', () => json({ ok: true }));
    const [tokens, fetch, client, api] = forScope<Paths>('connectedsearch.query', APP);
    expect(tokens.vendor).toBe(VENDOR);
    await expect(client.GET('/thing')).resolves.toMatchObject({ data: { ok: true } });
    await expect(api.GET('/thing')).resolves.toMatchObject({ data: { ok: true } });
    expect((await fetch(`${APP}/thing`)).status).toBe(200);
    expect(server.tokenRequests('connectedsearch.query')).toHaveLength(1);
    expect(server.calls('/thing').map(bearerOf)).toEqual(
      Array(3).fill('tok-connectedsearch.query-1'),
    );
    tokens.dispose();
  });

  it('keeps the token on its own host', async () => {
    const { server, forScope } = setup();
    server.api('GET', APP, '/thing', () => json({ ok: true }));
    server.on('GET', 'https://elsewhere.example', '/thing', () => json({ ok: true }));
    const [tokens, fetch] = forScope('datasource.push', APP);
    await fetch('https://elsewhere.example/thing');
    expect(server.requests.at(-1)?.headers.get('authorization')).toBeNull();
    expect(server.tokenRequests()).toHaveLength(0);
    tokens.dispose();
  });

  it.each([
    [404, 'ERR_NOT_FOUND'],
    [429, 'ERR_RATE_LIMITED'],
    [504, 'ERR_UPSTREAM_TIMEOUT'],
  ])(
    'the helpers’ client throws %s as %s; the callers’ client returns it',
    async (status, code) => {
      const { server, forScope } = setup();
      server.api('GET', APP, '/thing', () => json({ message: `nope ${status}` }, status));
      const [tokens, , client, api] = forScope<Paths>('connectedsearch.query', APP);
      const error = await api.GET('/thing').catch((e: unknown) => e);
      expect(isSearchAuthError(error)).toBe(true);
      expect(error).toMatchObject({ code, status, vendor: VENDOR, method: 'GET' });
      expect((error as Error).message).toContain(`nope ${status}`);
      const { error: body, response } = await client.GET('/thing');
      expect(response.status).toBe(status);
      expect(body).toEqual({ message: `nope ${status}` });
      tokens.dispose();
    },
  );

  it('mintRevokesPrevious: concurrent callers share one mint', async () => {
    const { server, forScope } = setup();
    server.api('GET', APP, '/thing', () => json({ ok: true }));
    const [tokens, , , api] = forScope<Paths>('machinelearning.predict', APP, true);
    await Promise.all([api.GET('/thing'), api.GET('/thing'), api.GET('/thing')]);
    expect(server.tokenRequests('machinelearning.predict')).toHaveLength(1);
    tokens.dispose();
  });
});
