import type { TokenEvent } from '@searchauth/core';
import { describe, expect, it } from 'vitest';
import { SecretLedger } from './support/secrets.js';
import { useSimulator, waitOutLatency } from './support/sim.js';
import { VENDOR_CASES } from './support/vendors.js';

// Secrets with characters that change under form, URL and base64 encoding, so a leaked request
// body or header would show up in any of its encodings.
const sim = useSimulator({
  credentials: {
    sparque: { clientSecret: 'sparque secret/with+plus&amp=1' },
    'lucidworks-springboard': { clientSecret: 'springboard:secret/with+plus%20' },
    'lucidworks-ai': { clientSecret: 'lwai secret?with=query&chars' },
    oauth2: { clientSecret: 'oauth2 sécret/with+plus&=' },
    squirro: { refreshToken: 'squirro refresh/token+with&chars=1' },
  },
});

describe('the leak check', () => {
  it('notices a secret in a message, a nested cause, or form-encoded', async () => {
    const ledger = new SecretLedger(sim());
    const secret = sim().credentials.oauth2.clientSecret;
    const nested = new Error('outer', { cause: new Error(`inner ${secret}`) });
    const encoded = new Error(`url ?secret=${encodeURIComponent(secret)}`);
    const formEncoded = new Error(`body ${new URLSearchParams({ client_secret: secret })}`);
    for (const leak of [new Error(`x ${secret}`), nested, encoded, formEncoded]) {
      expect(() => ledger.expectClean(leak)).toThrow(/contains a secret/);
    }
    expect(() => ledger.expectClean(new Error('nothing to see'))).not.toThrow();
  });
});

describe.each(VENDOR_CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
  it('no thrown error or event carries a secret or token of the run', async () => {
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
    ledger.expectClean(events);
    // Seen: both credentials, at least three access tokens.
    expect(ledger.size).toBeGreaterThanOrEqual(4);
  });
});
