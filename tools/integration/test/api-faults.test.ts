import type { Fault } from '@searchauth/testkit';
import { describe, expect, it } from 'vitest';
import { fastClock } from './support/clock.js';
import { ledgeredClient, onApi } from './support/faults.js';
import { expectFailure } from './support/secrets.js';
import { useSimulator, waitOutLatency } from './support/sim.js';
import { callsOf, mintsOf, VENDOR_CASES } from './support/vendors.js';

// Faults on the API routes, against every client: the documented typed error or a successful
// retry. Whether a call is retried is the package's choice (a prediction POST is not).
const sim = useSimulator();
const cases = VENDOR_CASES.map((c) => [c.name, c] as const);

interface RetryRow {
  fault: Fault;
  /** When the client retries this call: attempts made, and the error if it still fails. */
  retried: { attempts: number; code?: string };
  /** When it does not (a POST the package keeps to one attempt): the error. */
  once: { code: string };
}

const RETRY_ROWS: [string, RetryRow][] = [
  [
    '503 burst of two',
    {
      fault: { kind: 'server-error', status: 503, times: 2 },
      retried: { attempts: 3 },
      once: { code: 'ERR_HTTP' },
    },
  ],
  [
    '502 once',
    {
      fault: { kind: 'server-error', status: 502, times: 1 },
      retried: { attempts: 2 },
      once: { code: 'ERR_HTTP' },
    },
  ],
  [
    '504 once',
    {
      fault: { kind: 'server-error', status: 504, times: 1 },
      retried: { attempts: 2 },
      once: { code: 'ERR_UPSTREAM_TIMEOUT' },
    },
  ],
  [
    '429 with Retry-After once',
    {
      fault: { kind: 'rate-limit', retryAfterSeconds: 1, times: 1 },
      retried: { attempts: 2 },
      once: { code: 'ERR_RATE_LIMITED' },
    },
  ],
  [
    '429 that persists',
    {
      fault: { kind: 'rate-limit', retryAfterSeconds: 1 },
      retried: { attempts: 3, code: 'ERR_RATE_LIMITED' },
      once: { code: 'ERR_RATE_LIMITED' },
    },
  ],
  [
    '500 (not a retried status)',
    {
      fault: { kind: 'server-error', status: 500, times: 1 },
      retried: { attempts: 1, code: 'ERR_HTTP' },
      once: { code: 'ERR_HTTP' },
    },
  ],
];

describe.each(cases)('%s', (_name, c) => {
  it.each(RETRY_ROWS)('API %s', async (_row, { fault, retried, once }) => {
    const clock = fastClock(sim());
    const { ledger, client } = ledgeredClient(sim(), c, { clock });
    sim().setFaults([onApi(c, fault)]);
    const want = c.retried ? retried : { attempts: 1, ...once };
    if (want.code) await expectFailure(ledger, client.call('tent'), want.code);
    else await expect(client.call('tent')).resolves.toBeGreaterThan(0);
    expect(callsOf(sim(), c)).toBe(want.attempts);
    if (fault.kind === 'rate-limit') {
      // Retry-After: 1 is honoured as a 1 s wait before each retry.
      expect(clock.waits.filter((ms) => ms === 1000)).toHaveLength(want.attempts - 1);
    }
    expect(mintsOf(sim(), c)).toBe(1);
    client.dispose();
  });

  it('API latency within the timeout succeeds; beyond it is ERR_TIMEOUT', async () => {
    const patient = ledgeredClient(sim(), c, { timeoutMs: 1000 }).client;
    sim().setFaults([onApi(c, { kind: 'latency', ms: 60 })]);
    await expect(patient.call('tent')).resolves.toBeGreaterThan(0);
    patient.dispose();

    const { ledger, client } = ledgeredClient(sim(), c, { timeoutMs: 50 });
    sim().setFaults([onApi(c, { kind: 'latency', ms: 250 })]);
    await expectFailure(ledger, client.call('tent'), 'ERR_TIMEOUT');
    await waitOutLatency(200);
    client.dispose();
  });

  it('a connection reset on the API is ERR_NETWORK; the token survives it', async () => {
    const { ledger, client } = ledgeredClient(sim(), c);
    sim().setFaults([onApi(c, { kind: 'reset', times: 1 })]);
    await expectFailure(ledger, client.call('tent'), 'ERR_NETWORK');
    await expect(client.call('tent')).resolves.toBeGreaterThan(0);
    expect(mintsOf(sim(), c)).toBe(1);
    expect(callsOf(sim(), c, 0)).toBe(1);
    client.dispose();
  });
});
