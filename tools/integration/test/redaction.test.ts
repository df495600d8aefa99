import type { TokenEvent } from '@searchauth/core';
import { describe, expect, it } from 'vitest';
import { captureConsole } from './support/console.js';
import { LEAK_SCAN_CREDENTIALS, SecretLedger } from './support/secrets.js';
import { useSimulator, waitOutLatency } from './support/sim.js';
import { VENDOR_CASES } from './support/vendors.js';

// The secret-leak scan (README): recognisable credentials, every channel a secret could leak through.
const sim = useSimulator({ credentials: LEAK_SCAN_CREDENTIALS });

const printed = captureConsole();

describe('the leak scan', () => {
  it('notices a planted secret in every channel: message, cause, JSON, console, event, wire, log', async () => {
    const s = sim();
    const ledger = new SecretLedger(s);
    const secret = s.credentials.oauth2.clientSecret;
    const base64 = Buffer.from(`client:${secret}`).toString('base64');
    const nested = new Error('outer', {
      cause: new Error('middle', { cause: new Error(`inner ${secret}`) }),
    });
    const inJson = Object.assign(new Error('plain'), { toJSON: () => ({ secret }) });
    const planted = [
      new Error(`x ${secret}`),
      nested,
      inJson,
      new Error(`url ?secret=${encodeURIComponent(secret)}`),
      new Error(`body ${new URLSearchParams({ client_secret: secret })}`),
      new Error(`header Basic ${base64}`),
      new Error(`base64url ${Buffer.from(secret).toString('base64url')}`),
    ];
    // A long token cut short by a message cap still counts.
    const jwt = `eyJhbGciOiJIUzI1NiJ9.${Buffer.from('{"sub":"planted-user","exp":1}').toString('base64url')}.c2lnbmF0dXJl`;
    ledger.add(jwt);
    planted.push(new Error(`rejected ${jwt.slice(0, 30)}…`));
    for (const leak of planted) {
      expect(() => ledger.expectClean(leak)).toThrow(/contains a secret/);
    }
    console.warn('debug: the token request sent %o', { client_secret: secret });
    expect(() => ledger.expectClean(printed(), 'console')).toThrow(/contains a secret/);
    const event = { type: 'refresh-failure', error: { code: 'ERR_X', message: `bad ${secret}` } };
    expect(() => ledger.expectClean([event], 'event')).toThrow(/contains a secret/);
    // A client that put the secret in a URL: the wire record and the simulator's log both show it.
    await (
      await ledger.fetch(`${s.urls.oauth2.baseUrl}/v1/search?q=${encodeURIComponent(secret)}`)
    ).text();
    expect(() => ledger.expectWireClean()).toThrow(/contains a secret/);
    expect(() => ledger.expectClean(JSON.stringify(s.requests), 'simulator log')).toThrow(
      /contains a secret/,
    );
    expect(() => ledger.expectClean(new Error('nothing to see'))).not.toThrow();
  });
});

describe.each(VENDOR_CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
  it('no thrown error, event, console line, request or log entry carries a secret or token', async () => {
    const s = sim();
    const ledger = new SecretLedger(s);
    const events: TokenEvent[] = [];
    const errors: unknown[] = [];
    const attempt = async (client: { call(text: string): Promise<number> }) => {
      await client.call('tent').catch((error: unknown) => errors.push(error));
    };
    const onEvent = (event: TokenEvent) => events.push(event);

    // A wrong client secret (Squirro: an unknown refresh token).
    const wrong = c.create(s, {
      fetch: ledger.fetch,
      onEvent,
      secret: 'wrong secret/with+chars&=1',
    });
    await attempt(wrong);
    wrong.dispose();
    expect(ledger.values()).toContain('wrong secret/with+chars&=1');

    const client = c.create(s, { fetch: ledger.fetch, onEvent });
    await client.call('tent');
    const token = await client.tokens.getToken();
    expect(ledger.values()).toContain(token);
    // API failures carrying the server's message, a reset, a timeout, a broken token response.
    s.setFaults([
      { vendor: c.vendor, endpoint: c.endpoint, kind: 'server-error', status: 500, times: 1 },
    ]);
    await attempt(client);
    s.setFaults([{ vendor: c.vendor, endpoint: c.endpoint, kind: 'reset', times: 1 }]);
    await attempt(client);
    const impatient = c.create(s, { fetch: ledger.fetch, onEvent, timeoutMs: 100 });
    s.setFaults([{ vendor: c.vendor, endpoint: c.endpoint, kind: 'latency', ms: 400, times: 1 }]);
    await attempt(impatient);
    impatient.dispose();
    await waitOutLatency(300);
    s.setFaults([
      { vendor: c.vendor, endpoint: 'token', kind: 'malformed-token', body: 'truncated-json' },
    ]);
    s.revokeTokens({ vendor: c.vendor });
    await attempt(client);
    s.clearFaults();
    // A revoked token refused again after the replay.
    const refusing: typeof fetch = (input, init) => {
      s.revokeTokens({ vendor: c.vendor });
      return ledger.fetch(input, init);
    };
    const unlucky = c.create(s, { fetch: refusing, onEvent });
    await attempt(unlucky);
    unlucky.dispose();
    client.dispose();

    expect(errors.map((e) => (e as { code?: string }).code)).toEqual([
      c.vendor === 'squirro' ? 'ERR_REFRESH_TOKEN_INVALID' : 'ERR_INVALID_CLIENT',
      'ERR_HTTP',
      'ERR_NETWORK',
      'ERR_TIMEOUT',
      'ERR_TOKEN_RESPONSE_INVALID',
      'ERR_UNAUTHORIZED',
    ]);
    for (const error of errors) ledger.expectClean(error);
    ledger.expectClean(events, 'token event');
    ledger.expectClean(printed(), 'console output');
    ledger.expectClean(JSON.stringify(s.requests), 'simulator request log');
    ledger.expectWireClean();
    // Seen: both credentials, at least three access tokens.
    expect(ledger.size).toBeGreaterThanOrEqual(4);
  });
});
