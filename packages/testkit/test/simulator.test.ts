import { fingerprint, isSearchAuthError } from '@searchauth/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  describeSimulator,
  type Simulator,
  simulatorClientOptions,
  startSimulator,
  VENDORS,
} from '../src/index.js';
import { call } from './support/http.js';
import { oauth2Token, sparqueToken } from './support/tokens.js';

describe('startSimulator options', () => {
  it.each([
    ['all interfaces', { host: '0.0.0.0' }],
    ['IPv6 any', { host: '::' }],
    ['a LAN address', { host: '192.168.1.10' }],
    ['localhost by name', { host: 'localhost' }],
    ['an unknown vendor', { vendors: ['acme' as never] }],
    ['a zero token lifetime', { tokenLifetimeSeconds: 0 }],
    ['a fractional token lifetime', { tokenLifetimeSeconds: { squirro: 1.5 } }],
    ['a port out of range', { port: 70000 }],
    ['an unknown SPARQUE role', { sparqueAccountRole: 'Admin' as never }],
    ['an invalid fault', { faults: [{ kind: 'server-error' as const, status: 404 }] }],
  ])('refuses %s', async (_name, options) => {
    const error = await startSimulator(options).catch((e: unknown) => e);
    expect(isSearchAuthError(error) && error.code).toBe('ERR_INVALID_OPTIONS');
  });

  it('starts only the vendors asked for, on 127.0.0.1, and stops cleanly', async () => {
    const sim = await startSimulator({ vendors: ['oauth2'] });
    expect(sim.vendors).toEqual(['oauth2']);
    expect(new URL(sim.urls.oauth2.baseUrl).hostname).toBe('127.0.0.1');
    expect(() => sim.urls.squirro).toThrow(/not started/);
    expect(Object.keys(sim.urls)).toEqual(['oauth2']);
    await sim[Symbol.asyncDispose]();
    await expect(fetch(sim.urls.oauth2.tokenUrl, { method: 'POST' })).rejects.toThrow();
  });

  it("gives client options in the clients' names for the vendors started, and throws for others", async () => {
    const sim = await startSimulator({ vendors: ['squirro', 'sparque'] });
    try {
      const options = simulatorClientOptions(sim);
      expect(Object.keys(options)).toEqual(['sparque', 'squirro']);
      expect(options.squirro).toEqual({
        clusterUrl: sim.urls.squirro.baseUrl,
        refreshToken: 'sim-squirro-user-token',
        tenant: 'sim-tenant',
      });
      expect(Object.keys(options.sparque)).toEqual([
        'workspace',
        'clientId',
        'clientSecret',
        'api',
        'version',
        'authBaseUrl',
        'apiBaseUrl',
      ]);
      expect(options.sparque.authBaseUrl).toBe(sim.urls.sparque.authBaseUrl);
      expect(() => options.oauth2).toThrow(/not started/);
      const printed = describeSimulator(sim);
      expect(printed).toContain('const client = createSparqueClient({');
      expect(printed).not.toContain('createOAuth2Client');
    } finally {
      await sim.stop();
    }
  });

  it('puts host i on port + i when a port is given', async () => {
    const { sim, port } = await startInFreeRange({});
    try {
      const ports = [
        sim.urls.sparque.authBaseUrl,
        sim.urls.sparque.baseUrl,
        sim.urls['lucidworks-springboard'].identityBaseUrl,
        sim.urls['lucidworks-springboard'].baseUrl,
        sim.urls['lucidworks-ai'].identityBaseUrl,
        sim.urls['lucidworks-ai'].baseUrl,
        sim.urls['lucidworks-ai'].platformBaseUrl,
        sim.urls.squirro.baseUrl,
        sim.urls.oauth2.baseUrl,
      ].map((u) => Number(new URL(u).port));
      expect(ports).toEqual(ports.map((_, i) => port + i));
    } finally {
      await sim.stop();
    }
  });

  it('fails to start, and leaves nothing listening, when a port is taken', async () => {
    // oauth2 alone still takes its slot, port + 8: a full start at the same port collides there.
    const { sim: first, port } = await startInFreeRange({ vendors: ['oauth2'] });
    try {
      expect(new URL(first.urls.oauth2.baseUrl).port).toBe(String(port + 8));
      const error = await startSimulator({ port }).catch((e: unknown) => e);
      expect((error as NodeJS.ErrnoException).code).toBe('EADDRINUSE');
      await expect(
        fetch(`http://127.0.0.1:${port}/api/auth`, { method: 'POST' }),
      ).rejects.toThrow();
    } finally {
      await first.stop();
    }
  });
});

/** Starts on a fixed port below the OS's ephemeral range, trying another range if one is busy. */
async function startInFreeRange(options: Parameters<typeof startSimulator>[0]) {
  for (let attempt = 0; ; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * 1000) * 10;
    try {
      return { sim: await startSimulator({ ...options, port }), port };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || attempt > 5) throw error;
    }
  }
}

describe('request log and mint counters', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator();
  });
  afterAll(() => sim.stop());

  it('logs vendor, endpoint, status and a fingerprint of the credential, never the credential', async () => {
    sim.resetLog();
    const token = await oauth2Token(sim);
    await call('oauth2', `${sim.urls.oauth2.baseUrl}/v1/search?q=tent`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const [mint, search] = sim.requests;
    expect(mint).toMatchObject({
      vendor: 'oauth2',
      endpoint: 'token',
      method: 'POST',
      status: 200,
    });
    expect(mint?.authorization?.scheme).toBe('Basic');
    expect(search).toMatchObject({
      endpoint: 'search',
      path: '/v1/search',
      query: '?q=tent',
      status: 200,
    });
    expect(search?.authorization).toEqual({
      scheme: 'Bearer',
      fingerprint: await fingerprint(token),
    });
    const logged = JSON.stringify([sim.requests, sim.mints]);
    expect(logged).not.toContain(token);
    expect(logged).not.toContain(sim.credentials.oauth2.clientSecret);
    expect(sim.mints).toHaveLength(1);
    expect(sim.mints[0]?.fingerprint).toBe(await fingerprint(token));
  });

  it('counts mints per vendor and per scope', async () => {
    sim.resetLog();
    await sparqueToken(sim, true);
    await sparqueToken(sim, true);
    await oauth2Token(sim);
    expect(sim.mintCount()).toBe(3);
    expect(sim.mintCount({ vendor: 'sparque' })).toBe(2);
    expect(sim.mintCount({ vendor: 'squirro' })).toBe(0);
    expect(sim.requestCount({ vendor: 'sparque', endpoint: 'token', status: 200 })).toBe(2);
  });

  it('answers 404 for unknown paths and 405 for a known path with another method', async () => {
    const missing = await fetch(`${sim.urls.squirro.baseUrl}/nope`);
    expect(missing.status).toBe(404);
    const wrongMethod = await fetch(sim.urls.squirro.tokenUrl);
    expect(wrongMethod.status).toBe(405);
    expect(sim.requests.at(-1)).toMatchObject({
      vendor: 'squirro',
      endpoint: 'unknown',
      status: 405,
    });
  });

  it('covers every vendor', () => {
    expect(sim.vendors).toEqual([...VENDORS]);
  });
});
