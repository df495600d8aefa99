import { isSearchAuthError } from '@searchauth/core';
import { decodeJwt } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Fault, type Simulator, startSimulator, type VendorName } from '../src/index.js';
import { LUCIDWORKS_TOKEN_HEADERS } from '../src/vendors/lucidworks-identity.js';
import { basic, bearer, call } from './support/http.js';
import { samplePath, servingOrigin } from './support/sample-paths.js';
import { loadSpec, SPEC_NAMES, SPECS } from './support/spec-validator.js';
import { lucidworksToken, oauth2Token, sparqueToken, squirroToken } from './support/tokens.js';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterEach(() => sim.clearFaults());
afterAll(() => sim.stop());

const oauth2MintInit = (): RequestInit => {
  const c = sim.credentials.oauth2;
  return {
    method: 'POST',
    headers: { authorization: basic(c.clientId, c.clientSecret) },
    body: new URLSearchParams({ grant_type: 'client_credentials' }),
  };
};
/** A raw OAuth2 token request (no validation: malformed and reset faults break the contract). */
const oauth2Mint = () => fetch(sim.urls.oauth2.tokenUrl, oauth2MintInit());
/** The same request with its reply checked against the spec (429 and 5xx replies conform). */
const oauth2MintChecked = () => call('oauth2', sim.urls.oauth2.tokenUrl, oauth2MintInit());

/** One raw token request per vendor, as its client would send it. */
const mint: Record<VendorName, () => Promise<Response>> = {
  sparque: () => {
    const c = sim.credentials.sparque;
    return fetch(sim.urls.sparque.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        WorkspaceName: c.workspace,
        ClientId: c.clientId,
        ClientSecret: c.clientSecret,
        ForceReauth: true,
      }),
    });
  },
  'lucidworks-springboard': () => lwMint('lucidworks-springboard', 'connectedsearch.query'),
  'lucidworks-ai': () => lwMint('lucidworks-ai', 'machinelearning.model'),
  squirro: () =>
    fetch(sim.urls.squirro.tokenUrl, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: sim.credentials.squirro.refreshToken,
      }),
    }),
  oauth2: oauth2Mint,
};
function lwMint(vendor: 'lucidworks-springboard' | 'lucidworks-ai', scope: string) {
  const c = sim.credentials[vendor];
  return fetch(`${sim.urls[vendor].tokenUrl}?grant_type=client_credentials&scope=${scope}`, {
    method: 'POST',
    headers: { ...LUCIDWORKS_TOKEN_HEADERS, authorization: basic(c.clientId, c.clientSecret) },
  });
}
const TOKEN_FIELD: Record<VendorName, string> = {
  sparque: 'accessToken',
  'lucidworks-springboard': 'access_token',
  'lucidworks-ai': 'access_token',
  squirro: 'access_token',
  oauth2: 'access_token',
};
const VENDOR_LIST = Object.keys(mint) as VendorName[];

describe('5xx bursts', () => {
  it('answers N times with the status, then recovers', async () => {
    sim.setFaults([
      { vendor: 'oauth2', endpoint: 'token', kind: 'server-error', status: 502, times: 2 },
    ]);
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await oauth2MintChecked()).status);
    expect(statuses).toEqual([502, 502, 200]);
    expect(sim.requests.at(-2)?.faults).toEqual(['server-error']);
  });

  it('lets the first `after` requests through', async () => {
    sim.setFaults([{ vendor: 'oauth2', kind: 'server-error', after: 1, times: 1 }]);
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await oauth2MintChecked()).status);
    expect(statuses).toEqual([200, 503, 200]);
  });

  it('targets only the vendor and endpoint named', async () => {
    const token = await squirroToken(sim);
    sim.setFaults([{ vendor: 'squirro', endpoint: 'api', kind: 'server-error' }]);
    expect((await oauth2Mint()).status).toBe(200);
    expect((await mint.squirro()).status).toBe(200);
    const c = sim.credentials.squirro;
    const url = `${sim.urls.squirro.baseUrl}/api/topic/v0/${c.tenant}/projects/${c.projectId}/items/query`;
    const res = await call('squirro', url, {
      method: 'POST',
      headers: bearer(token),
      json: {},
    });
    expect(res.status).toBe(503);
  });
});

describe('429 with Retry-After', () => {
  it('answers 429 and says when to come back', async () => {
    sim.setFaults([
      {
        vendor: 'lucidworks-ai',
        endpoint: 'prediction',
        kind: 'rate-limit',
        retryAfterSeconds: 7,
        times: 1,
      },
    ]);
    const token = await lucidworksToken(sim, 'lucidworks-ai', 'machinelearning.predict');
    const url = `${sim.urls['lucidworks-ai'].baseUrl}/ai/prediction/embedding/gte-small`;
    const json = { batch: [{ text: 'x' }] };
    const limited = await call('lucidworks-ai', url, {
      method: 'POST',
      headers: bearer(token),
      json,
    });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect(
      (await call('lucidworks-ai', url, { method: 'POST', headers: bearer(token), json })).status,
    ).toBe(200);
  });
});

// The specs in specs/ declare 429 and 5XX for every operation, so the simulator's injected replies
// are held to them like any other. The oauth2 package's bring-your-own-spec example (GET /v1/search)
// is the user's API, not a vendor's, and declares neither.
describe('injected 429 and 5xx replies conform to the specs', () => {
  const vendorSpecs = SPEC_NAMES.filter((name) => name !== 'oauth2-example');
  const replacing: Array<[Fault, number]> = [
    [{ kind: 'rate-limit', retryAfterSeconds: 3 }, 429],
    [{ kind: 'server-error' }, 503],
    [{ kind: 'server-error', status: 500 }, 500],
  ];
  it.each(vendorSpecs)('every operation of the %s spec', async (name) => {
    const spec = await loadSpec(name);
    const vendor = SPECS[name].vendor;
    expect(spec?.operations.length).toBeGreaterThan(0);
    for (const op of spec?.operations ?? []) {
      const path = samplePath(op.template);
      const origin = servingOrigin(sim, vendor, op.method, path);
      expect(origin, `${op.method} ${op.template}`).toBeDefined();
      for (const [fault, status] of replacing) {
        sim.setFaults([{ ...fault, vendor }]);
        // `call` fails the test unless the reply conforms to this operation's declared responses.
        const res = await call(vendor, `${origin}${path}`, {
          method: op.method,
          operationId: op.operationId,
        });
        expect(res.status, `${op.method} ${op.template}`).toBe(status);
        if (status === 429) expect(res.headers.get('retry-after')).toBe('3');
      }
    }
  });
});

describe('connection reset', () => {
  it('destroys the socket: fetch fails, the log says status 0', async () => {
    sim.setFaults([{ vendor: 'oauth2', endpoint: 'token', kind: 'reset', times: 1 }]);
    await expect(oauth2Mint()).rejects.toThrow(/fetch failed/);
    expect(sim.requests.at(-1)).toMatchObject({ vendor: 'oauth2', status: 0, faults: ['reset'] });
    expect((await oauth2Mint()).status).toBe(200);
  });
});

describe('added latency', () => {
  it('delays only the targeted endpoint', async () => {
    sim.setFaults([{ vendor: 'oauth2', endpoint: 'token', kind: 'latency', ms: 60 }]);
    const started = performance.now();
    await oauth2Mint();
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
    expect(sim.requests.at(-1)?.faults).toEqual(['latency']);
    await mint.squirro();
    // Wall-clock upper bounds flake on a busy machine; the log says whether a fault applied.
    expect(sim.requests.at(-1)?.faults).toEqual([]);
  });

  it('composes with a replacing fault', async () => {
    sim.setFaults([
      { vendor: 'oauth2', kind: 'latency', ms: 20 },
      { vendor: 'oauth2', kind: 'server-error', status: 504 },
    ]);
    expect((await oauth2MintChecked()).status).toBe(504);
    expect(sim.requests.at(-1)?.faults).toEqual(['latency', 'server-error']);
  });
});

describe('malformed token bodies', () => {
  it.each(VENDOR_LIST)('%s: HTML instead of JSON', async (vendor) => {
    sim.setFaults([{ vendor, endpoint: 'token', kind: 'malformed-token', body: 'html', times: 1 }]);
    const res = await mint[vendor]();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await res.text()).toMatch(/^<!doctype html>/);
  });

  it.each(VENDOR_LIST)('%s: truncated JSON', async (vendor) => {
    sim.setFaults([
      { vendor, endpoint: 'token', kind: 'malformed-token', body: 'truncated-json', times: 1 },
    ]);
    const text = await (await mint[vendor]()).text();
    expect(() => JSON.parse(text)).toThrow();
  });

  it.each(VENDOR_LIST)('%s: the token field missing', async (vendor) => {
    sim.setFaults([
      { vendor, endpoint: 'token', kind: 'malformed-token', body: 'missing-fields', times: 1 },
    ]);
    const body = await (await mint[vendor]()).json();
    expect(body).not.toHaveProperty(TOKEN_FIELD[vendor]);
    const next = await (await mint[vendor]()).json();
    expect(next).toHaveProperty(TOKEN_FIELD[vendor]);
  });

  it('an empty body, and no mint happens', async () => {
    const before = sim.mintCount({ vendor: 'oauth2' });
    sim.setFaults([{ vendor: 'oauth2', kind: 'malformed-token', body: 'empty' }]);
    expect(await (await oauth2Mint()).text()).toBe('');
    expect(sim.mintCount({ vendor: 'oauth2' })).toBe(before);
  });

  it('never applies to API endpoints', async () => {
    const token = await oauth2Token(sim);
    sim.setFaults([{ vendor: 'oauth2', kind: 'malformed-token', body: 'html' }]);
    const res = await fetch(`${sim.urls.oauth2.baseUrl}/v1/search?q=x`, { headers: bearer(token) });
    expect(res.headers.get('content-type')).toBe('application/json');
  });
});

describe('clock skew', () => {
  it('shifts the Date header and the JWT iat/exp, while the token still works', async () => {
    sim.setFaults([{ vendor: 'lucidworks-springboard', kind: 'clock-skew', seconds: 3600 }]);
    const res = await lwMint('lucidworks-springboard', 'connectedsearch.query');
    const body = await res.json();
    const serverDate = Date.parse(res.headers.get('date') ?? '');
    expect(Math.abs(serverDate - (sim.now() + 3_600_000))).toBeLessThan(2000);
    const claims = decodeJwt(body.access_token);
    expect(Math.abs((claims.iat as number) * 1000 - (sim.now() + 3_600_000))).toBeLessThan(2000);
    expect(claims.exp).toBe((claims.iat as number) + body.expires_in);
    const search = await call(
      'lucidworks-springboard',
      `${sim.urls['lucidworks-springboard'].baseUrl}/query/search`,
      {
        method: 'POST',
        headers: bearer(body.access_token),
        json: { query: 'x', utcOffset: '+00:00', sessionId: 's' },
      },
    );
    expect(search.status).toBe(200);
    expect(Math.abs(Date.parse(search.headers.get('date') ?? '') - serverDate)).toBeLessThan(3000);
  });

  it('can run behind, too (SPARQUE JWT)', async () => {
    sim.setFaults([{ vendor: 'sparque', endpoint: 'token', kind: 'clock-skew', seconds: -600 }]);
    const token = await sparqueToken(sim, true);
    expect(Math.abs((decodeJwt(token).iat as number) * 1000 - (sim.now() - 600_000))).toBeLessThan(
      2000,
    );
  });
});

describe('setFaults', () => {
  it('replaces faults at runtime and restarts their counters', async () => {
    const burst: Fault = { vendor: 'oauth2', kind: 'server-error', times: 1 };
    sim.setFaults([burst]);
    expect((await oauth2MintChecked()).status).toBe(503);
    expect((await oauth2MintChecked()).status).toBe(200);
    sim.setFaults([burst]);
    expect(sim.faults()).toEqual([burst]);
    expect((await oauth2MintChecked()).status).toBe(503);
    sim.clearFaults();
    expect(sim.faults()).toEqual([]);
  });

  it('can start with faults', async () => {
    const faulty = await startSimulator({ vendors: ['squirro'], faults: [{ kind: 'rate-limit' }] });
    try {
      const res = await call('squirro', faulty.urls.squirro.tokenUrl, { method: 'POST' });
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toBe('1');
    } finally {
      await faulty.stop();
    }
  });

  it.each([
    ['a negative latency', { kind: 'latency', ms: -1 }],
    ['a 4xx server error', { kind: 'server-error', status: 404 }],
    ['an unknown malformed body', { kind: 'malformed-token', body: 'xml' }],
    ['an unknown kind', { kind: 'meteor' }],
    ['a fractional burst', { kind: 'reset', times: 1.5 }],
  ])('refuses %s', (_name, fault) => {
    let error: unknown;
    try {
      sim.setFaults([fault as Fault]);
    } catch (e) {
      error = e;
    }
    expect(isSearchAuthError(error) && error.code).toBe('ERR_INVALID_OPTIONS');
  });
});
