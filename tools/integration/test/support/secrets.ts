import type { Simulator, SimulatorOptions } from '@searchauth/testkit';
import { expect } from 'vitest';
import { encodings, findLeak, renderings } from './leaks.js';

/**
 * Credentials for the leak scan: characters that change under form, URL and base64 encoding, so a
 * leaked request body or header would show up in any of its encodings.
 */
export const LEAK_SCAN_CREDENTIALS: SimulatorOptions['credentials'] = {
  sparque: { clientSecret: 'sparque secret/with+plus&amp=1' },
  'lucidworks-springboard': { clientSecret: 'springboard:secret/with+plus%20' },
  'lucidworks-ai': { clientSecret: 'lwai secret?with=query&chars' },
  oauth2: { clientSecret: 'oauth2 sécret/with+plus&=' },
  squirro: { refreshToken: 'squirro refresh/token+with&chars=1' },
};

// Where secrets travel in token requests and responses, across the five vendors.
const SECRET_FIELDS = [
  'access_token',
  'accessToken',
  'refresh_token',
  'token',
  'client_secret',
  'ClientSecret',
];

/**
 * Every secret a run handles: the simulator's client secrets and refresh tokens, and every token
 * seen on the wire (bearer headers sent, tokens in token responses). Its `fetch` goes into the
 * clients so nothing is missed; `expectClean` checks a thrown error against all of them. It also
 * keeps what each request showed outside the places credentials belong (the Authorization header,
 * the token request body): URL, other headers, API request bodies; `expectWireClean` checks those.
 */
export class SecretLedger {
  readonly #values = new Set<string>();
  readonly #wire: string[] = [];

  constructor(private readonly sim: Simulator) {}

  get size(): number {
    return this.#values.size;
  }

  /** The simulator's current credentials (they change on rotation, so read them each time). */
  #credentials(): string[] {
    const c = this.sim.credentials;
    const values: string[] = [];
    for (const vendor of this.sim.vendors) {
      if (vendor === 'squirro') values.push(c.squirro.refreshToken, c.squirro.revokedRefreshToken);
      else values.push(c[vendor].clientSecret);
    }
    return values;
  }

  add(value: string | undefined): void {
    // Shorter strings could occur in a message by chance; no real credential is that short.
    if (value && value.length >= 12) this.#values.add(value);
  }

  /** Every secret, also URL-, form- and base64-encoded (how a leaked URL, body or header shows it). */
  values(): string[] {
    return [...new Set([...this.#values, ...this.#credentials()].flatMap((v) => encodings(v)))];
  }

  /** The secrets as they are (for findLeak, which tries every encoding itself). */
  plainValues(): string[] {
    return [...new Set([...this.#values, ...this.#credentials()])];
  }

  readonly fetch: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    this.#fromAuthorization(request.headers.get('authorization'));
    const isToken = /\/(token|auth)$/.test(new URL(request.url).pathname);
    // Only requests that carry a body pay for reading it (token-fault tests run on tight real time).
    const body = request.body ? await request.clone().text() : '';
    if (isToken) this.#fromBody(body);
    const headers = [...request.headers].filter(([name]) => name !== 'authorization');
    this.#wire.push(
      `${request.method} ${request.url} ${JSON.stringify(headers)} ${isToken ? '' : body}`,
    );
    const response = await fetch(request);
    if (isToken) this.#fromBody(await response.clone().text());
    return response;
  };

  #fromAuthorization(header: string | null): void {
    const [scheme, value] = header?.split(' ') ?? [];
    if (!value) return;
    if (scheme?.toLowerCase() === 'bearer') this.add(value);
    if (scheme?.toLowerCase() === 'basic') {
      const decoded = Buffer.from(value, 'base64').toString();
      // RFC 6749 2.3.1: the secret is form-encoded before base64.
      const secret = decoded.slice(decoded.indexOf(':') + 1).replace(/\+/g, ' ');
      this.add(decodeURIComponent(secret));
    }
  }

  /** A JSON or form body's secret fields. */
  #fromBody(text: string): void {
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = Object.fromEntries(new URLSearchParams(text));
    }
    if (typeof body === 'string') this.add(body);
    if (typeof body !== 'object' || body === null) return;
    for (const field of SECRET_FIELDS) {
      const value = (body as Record<string, unknown>)[field];
      if (typeof value === 'string') this.add(value);
    }
  }

  /**
   * No rendering of `value` (String, message, stack, JSON, inspect; for errors down the cause chain)
   * holds a secret, raw or encoded; with `cutShort: false`, the start or end of a long token alone
   * does not count.
   */
  expectClean(value: unknown, what = 'error rendering', options?: { cutShort?: boolean }): void {
    const texts = typeof value === 'string' ? [value] : renderings(value);
    const leaked = findLeak(texts, this.plainValues(), options);
    expect(
      leaked === undefined,
      `${what} contains a secret: ${texts.find((t) => leaked && encodings(leaked).some((f) => t.includes(f)))}`,
    ).toBe(true);
  }

  /** Requests showed no secret outside the Authorization header and token request bodies. */
  expectWireClean(): void {
    expect(this.#wire.length).toBeGreaterThan(0);
    this.expectClean(this.#wire.join('\n'), 'a request (URL, header or API body)');
  }
}

/** Awaits a rejection, checks its code and that it leaks nothing, and returns it. */
export async function expectFailure(
  ledger: SecretLedger,
  promise: Promise<unknown>,
  code: string,
): Promise<unknown> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e ?? new Error('rejected without a reason'),
  );
  expect(error, `expected ${code}`).toMatchObject({ name: 'SearchAuthError', code });
  ledger.expectClean(error);
  return error;
}
