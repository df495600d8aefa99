import { describe, expect, it } from 'vitest';
import { fastClock } from './support/clock.js';
import { ledgeredClient, onToken } from './support/faults.js';
import { expectFailure } from './support/secrets.js';
import { useSimulator } from './support/sim.js';
import { callsOf, mintsOf, tokenRequestsOf, VENDOR_CASES } from './support/vendors.js';

// Faults on the token endpoints, against every client: typed errors that are not cached, and a
// token that keeps serving through an outage while it is valid.
const sim = useSimulator();
const cases = VENDOR_CASES.map((c) => [c.name, c] as const);
const MALFORMED = ['html', 'truncated-json', 'missing-fields', 'empty'] as const;

describe.each(cases)('%s', (_name, c) => {
  it('a slow token endpoint counts against the timeout; the token still arrives for later calls', async () => {
    const { ledger, client } = ledgeredClient(sim(), c, { timeoutMs: 50 });
    sim().setFaults([onToken(c, { kind: 'latency', ms: 250 })]);
    await expectFailure(ledger, client.call('tent'), 'ERR_TIMEOUT');
    sim().clearFaults();
    // The caller gave up, the token request did not: it still brings the token, for later calls.
    await expect(client.tokens.getToken()).resolves.toMatch(/^eyJ|^sq-/);
    expect(tokenRequestsOf(sim(), c)).toBe(1);
    expect(client.tokens.stats().mints).toBe(1);
    client.dispose();
  });

  it.each([
    ['a connection reset', 'ERR_TOKEN_ENDPOINT_UNAVAILABLE', { kind: 'reset' }],
    ['a 503', 'ERR_TOKEN_ENDPOINT_UNAVAILABLE', { kind: 'server-error', status: 503 }],
    ['a 429', 'ERR_RATE_LIMITED', { kind: 'rate-limit', retryAfterSeconds: 1 }],
  ] as const)('%s at the token endpoint is %s; the next call succeeds', async (_n, code, fault) => {
    const { ledger, client } = ledgeredClient(sim(), c, { clock: fastClock(sim()) });
    sim().setFaults([onToken(c, { ...fault, times: 1 })]);
    await expectFailure(ledger, client.call('tent'), code);
    expect(callsOf(sim(), c)).toBe(0);
    // Within the backoff the failure comes back at once, without a token request...
    await expectFailure(ledger, client.call('tent'), code);
    expect(tokenRequestsOf(sim(), c)).toBe(1);
    // ...and it is not cached: the first call after the backoff (at most 30 s) asks again.
    sim().advanceClock(30_000);
    await expect(client.call('tent')).resolves.toBeGreaterThan(0);
    client.dispose();
  });

  it.each(MALFORMED)('a %s token body is ERR_TOKEN_RESPONSE_INVALID', async (body) => {
    const { ledger, client } = ledgeredClient(sim(), c, { clock: fastClock(sim()) });
    sim().setFaults([onToken(c, { kind: 'malformed-token', body, times: 1 })]);
    const error = await expectFailure(ledger, client.call('tent'), 'ERR_TOKEN_RESPONSE_INVALID');
    // The message describes the problem without quoting the body.
    expect(String(error)).not.toMatch(/doctype|eyJhbGciOiJIUz|Sign in/i);
    expect(callsOf(sim(), c)).toBe(0);
    sim().advanceClock(30_000); // past the failure backoff
    await expect(client.call('tent')).resolves.toBeGreaterThan(0);
    client.dispose();
  });

  it.each([
    ['an hour ahead', 3600],
    ['an hour behind', -3600],
    ['five minutes behind', -300],
  ])('a server clock %s (Date header, JWT iat/exp) changes nothing', async (_n, seconds) => {
    const { client } = ledgeredClient(sim(), c, { clock: fastClock(sim()) });
    sim().setFaults([{ kind: 'clock-skew', seconds, vendor: c.vendor }]);
    await expect(client.call('tent')).resolves.toBeGreaterThan(0);
    // Half a lifetime later the token is still good: no early refresh, no 401.
    sim().advanceClock(c.vendor === 'squirro' ? 300_000 : 1_800_000);
    await expect(client.call('jacket')).resolves.toBeGreaterThan(0);
    expect(mintsOf(sim(), c)).toBe(1);
    expect(callsOf(sim(), c, 401)).toBe(0);
    client.dispose();
  });

  it('a token endpoint outage while the token is valid does not reach callers', async () => {
    const lifetime = c.vendor === 'squirro' ? 600_000 : 3_600_000;
    let sawDegraded: () => void = () => {};
    const degraded = new Promise<void>((resolve) => {
      sawDegraded = resolve;
    });
    const { ledger, client } = ledgeredClient(sim(), c, {
      clock: fastClock(sim()),
      onEvent: (event) => {
        if (event.type === 'degraded') sawDegraded();
      },
    });
    await client.call('tent');
    sim().setFaults([onToken(c, { kind: 'server-error', status: 503 })]);
    // 100 s before expiry: past the refresh margin, so a background refresh starts while callers
    // keep the current token; the refresh fails in the background, at its own pace.
    sim().advanceClock(lifetime - 100_000);
    for (let i = 0; i < 5; i++) await expect(client.call(`tent ${i}`)).resolves.toBeGreaterThan(0);
    await degraded;
    expect(tokenRequestsOf(sim(), c, 503)).toBeGreaterThanOrEqual(1);
    expect(client.tokens.stats().degraded).toBeGreaterThanOrEqual(1);
    // Past the real expiry the outage shows.
    sim().advanceClock(101_000);
    await expectFailure(ledger, client.call('tent'), 'ERR_TOKEN_ENDPOINT_UNAVAILABLE');
    sim().clearFaults();
    sim().advanceClock(30_000); // past the failure backoff
    await expect(client.call('tent')).resolves.toBeGreaterThan(0);
    expect(mintsOf(sim(), c)).toBe(2);
    expect(callsOf(sim(), c, 401)).toBe(0);
    client.dispose();
  });
});
