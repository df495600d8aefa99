import fc from 'fast-check';
import { accessToken, jwt, marker } from './token-parts.js';

/** A generated token endpoint reply, and the token strings it carries (none may leak). */
export interface TokenReply {
  status: number;
  headers: Record<string, string>;
  body: BodyPlan;
  /** Access and refresh tokens inside the reply, long enough to be recognised in text. */
  secrets: string[];
}

/** How the body is delivered: text at once, cut off by a stream error, or never ending. */
export type BodyPlan =
  | { kind: 'text'; text: string }
  | { kind: 'truncated'; text: string }
  | { kind: 'endless'; chunk: string };

/** A well-formed OAuth2 reply: an opaque token or a JWT, sometimes with a refresh token. */
const wellFormed = fc
  .record({
    at: fc.oneof(
      marker('at_'),
      jwt.map((j) => j.token),
    ),
    refresh: fc.option(marker('rt_')),
    expiresIn: fc.option(fc.integer({ min: 1, max: 86_400 })),
    tokenType: fc.constantFrom('Bearer', 'bearer', undefined),
  })
  .map(({ at, refresh, expiresIn, tokenType }) => ({
    value: {
      access_token: at,
      ...(tokenType && { token_type: tokenType }),
      ...(expiresIn !== null && { expires_in: expiresIn }),
      ...(refresh !== null && { refresh_token: refresh }),
    } as unknown,
    secrets: [at, ...(refresh === null ? [] : [refresh])],
  }));

/** A token response object: well formed, right shape with random fields, or any JSON value. */
const json = fc.oneof(
  { weight: 3, arbitrary: wellFormed },
  {
    weight: 4,
    arbitrary: fc
      .record(
        {
          at: accessToken,
          refresh: fc.oneof(
            marker('rt_').map((r) => r as unknown),
            fc.jsonValue({ maxDepth: 1 }),
          ),
          tokenType: fc.oneof(
            fc.constantFrom('Bearer', 'bearer', 'DPoP', 'mac', ''),
            fc.jsonValue({ maxDepth: 1 }),
          ),
          expiresIn: fc.oneof(
            fc.integer({ min: -10, max: 40_000_000 }),
            fc.constantFrom(0, 1, 3600, '3600', '1e3', ' 60', 'NaN', 1.5, 1e308),
            fc.jsonValue({ maxDepth: 1 }),
          ),
          scope: fc.jsonValue({ maxDepth: 1 }),
          extra: fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), {
            maxKeys: 3,
          }),
          // SPARQUE's undocumented reply may name the token accessToken or token.
          field: fc.constantFrom('access_token', 'accessToken', 'token'),
        },
        { requiredKeys: ['at', 'field'] },
      )
      .map(({ at, refresh, tokenType, expiresIn, scope, extra, field }) => ({
        value: {
          ...extra,
          [field]: at.token,
          ...(refresh !== undefined && { refresh_token: refresh }),
          ...(tokenType !== undefined && { token_type: tokenType }),
          ...(expiresIn !== undefined && { expires_in: expiresIn }),
          ...(scope !== undefined && { scope }),
        } as unknown,
        secrets: [...at.secrets, ...(typeof refresh === 'string' ? [refresh] : [])],
      })),
  },
  {
    weight: 1,
    arbitrary: fc.jsonValue({ maxDepth: 3 }).map((value) => ({ value, secrets: [] as string[] })),
  },
  { weight: 1, arbitrary: accessToken.map((at) => ({ value: at.token, secrets: at.secrets })) },
);

const HTML =
  '<!doctype html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>';

/** Body text and the secrets inside it: JSON, truncated JSON, HTML, plain text, empty, oversized. */
const bodyText = fc.oneof(
  {
    weight: 6,
    arbitrary: json.map((j) => ({ text: JSON.stringify(j.value) ?? 'null', secrets: j.secrets })),
  },
  {
    weight: 2,
    arbitrary: fc.tuple(json, fc.double({ min: 0, max: 1, noNaN: true })).map(([j, cut]) => {
      const text = JSON.stringify(j.value) ?? '';
      return { text: text.slice(0, Math.floor(text.length * cut)), secrets: [] as string[] };
    }),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(HTML, '', ' ', 'null', 'OK', 'Bad Gateway')
      .map((text) => ({ text, secrets: [] as string[] })),
  },
  { weight: 1, arbitrary: marker('plain_').map((text) => ({ text, secrets: [text] })) },
  {
    weight: 1,
    arbitrary: fc.string({ maxLength: 200 }).map((text) => ({ text, secrets: [] as string[] })),
  },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: 60_000, max: 200_000 })
      .map((n) => ({ text: `{"access_token":"${'x'.repeat(n)}"}`, secrets: [] as string[] })),
  },
);

const STATUSES = [
  200, 200, 200, 200, 201, 202, 204, 301, 302, 307, 400, 401, 403, 404, 405, 410, 418, 422, 429,
  500, 502, 503, 504, 599,
];

/** One token endpoint reply: status, headers (content type, Date, Retry-After, Location) and body. */
export const tokenReply: fc.Arbitrary<TokenReply> = fc
  .record({
    status: fc.constantFrom(...STATUSES),
    contentType: fc.option(
      fc.constantFrom(
        'application/json',
        'application/json; charset=utf-8',
        'text/html',
        'text/plain',
        'application/x-www-form-urlencoded',
        'application/octet-stream',
        'application/problem+json',
        '',
      ),
    ),
    date: fc.option(
      fc.oneof(
        fc.date({ noInvalidDate: true }).map((d) => d.toUTCString()),
        fc.string({ maxLength: 30 }),
      ),
    ),
    retryAfter: fc.option(
      fc.oneof(fc.integer({ min: -5, max: 100_000 }).map(String), fc.string({ maxLength: 20 })),
    ),
    location: fc.option(
      fc.constantFrom(
        'https://elsewhere.example.test/token',
        '/login',
        'javascript:alert(1)',
        '::',
      ),
    ),
    body: bodyText,
    delivery: fc.constantFrom('text', 'text', 'text', 'text', 'truncated', 'endless'),
  })
  .map(({ status, contentType, date, retryAfter, location, body, delivery }) => ({
    status,
    headers: Object.fromEntries(
      Object.entries({
        'content-type': contentType,
        date,
        'retry-after': retryAfter,
        location,
      }).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
    ),
    body:
      delivery === 'endless'
        ? { kind: 'endless', chunk: body.text || 'x' }
        : { kind: delivery as 'text' | 'truncated', text: body.text },
    secrets: body.secrets.filter((s) => s.length >= 12),
  }));
