import { describe, expect, it } from 'vitest';
import { captureConsole } from './support/console.js';
import { findLeak, renderings } from './support/leaks.js';
import { LEAK_SCAN_CREDENTIALS, SecretLedger } from './support/secrets.js';
import { useSimulator } from './support/sim.js';
import { VENDOR_CASES } from './support/vendors.js';

// Part of the secret-leak scan (redaction.test.ts): the same recognisable credentials.
const sim = useSimulator({ credentials: LEAK_SCAN_CREDENTIALS });
const printed = captureConsole();

/**
 * A server that echoes what it was sent (Squirro's error bodies have been seen to repeat the bearer
 * token): the echo reaches the client in the error body, and from there must not reach the caller.
 */
describe.each(VENDOR_CASES.map((c) => [c.name, c] as const))('%s, echoing server', (_name, c) => {
  it('an API error body that repeats the bearer token does not put it in the error', async () => {
    const s = sim();
    const ledger = new SecretLedger(s);
    const echoing: typeof fetch = async (input, init) => {
      const response = await ledger.fetch(input, init);
      const auth = new Headers(
        init?.headers ?? (input instanceof Request ? input.headers : undefined),
      ).get('authorization');
      if (
        !auth?.startsWith('Bearer ') ||
        /\/(token|auth)$/.test(
          new URL(String(input instanceof Request ? input.url : input)).pathname,
        )
      ) {
        return response;
      }
      await response.arrayBuffer();
      return Response.json(
        { message: `token ${auth.slice(7)} is not allowed here`, error: auth, detail: auth },
        { status: 400 },
      );
    };
    const client = c.create(s, { fetch: echoing });
    const error = await client.call('tent').then(
      () => undefined,
      (e: unknown) => e,
    );
    const token = await client.tokens.getToken();
    client.dispose();
    expect(error).toMatchObject({ name: 'SearchAuthError' });
    // Neither the whole token nor a cut-short part of it shows: core scrubs every token it has seen
    // from server text before the text is shortened for the message.
    ledger.expectClean(error, 'error rendering');
    ledger.expectClean(printed(), 'console output');
    expect(
      findLeak(renderings(error), [token]),
      'a token cut short in the message',
    ).toBeUndefined();
  });
});
