import fc from 'fast-check';

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

const marker = (prefix: string) =>
  fc.stringMatching(/^[A-Za-z0-9_-]{16,40}$/).map((s) => `${prefix}${s}`);

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A JWT with random claims (exp and iat of every type and range), unsigned or with junk signature. */
const jwt = fc
  .record({
    header: fc.record({
      alg: fc.constantFrom('none', 'HS256', 'RS256'),
      typ: fc.constantFrom('JWT', 'at+jwt'),
    }),
    exp: fc.oneof(
      fc.integer({ min: 0, max: 4_000_000_000 }),
      fc.double(),
      fc.string(),
      fc.constant(null),
      fc.constant(undefined),
      fc.constant(Math.floor(Date.now() / 1000) + 3600),
    ),
    iat: fc.oneof(fc.integer({ min: -1e10, max: 1e10 }), fc.string(), fc.constant(undefined)),
    extra: fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), {
      maxKeys: 4,
    }),
    signature: fc.stringMatching(/^[A-Za-z0-9_-]{0,43}$/),
    secret: marker('jwtsecret'),
  })
  .map(({ header, exp, iat, extra, signature, secret }) => ({
    token: `${b64url(header)}.${b64url({ ...extra, exp, iat, sub: secret })}.${signature}`,
    secret,
  }));

/** An access token: opaque and recognisable, a JWT, or junk (not checked for leaks: too short). */
const accessToken = fc.oneof(
  marker('at_').map((token) => ({ token, secrets: [token] })),
  jwt.map(({ token }) => ({ token, secrets: [token] })),
  fc
    .oneof(
      fc.string({ maxLength: 20 }),
      fc.constant(''),
      fc.constant('Bearer x'),
      fc.constant('a b'),
    )
    .map((token) => ({
      token: token as unknown,
      secrets: [] as string[],
    })),
  fc.jsonValue({ maxDepth: 1 }).map((token) => ({ token, secrets: [] as string[] })),
);

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

const NULL_BODY = new Set([101, 204, 205, 304]);

/** The reply as a fetch Response (a fresh one per call: bodies are read once). */
export function toResponse(reply: TokenReply): Response {
  const encoder = new TextEncoder();
  const { body } = reply;
  let stream: ReadableStream<Uint8Array> | string | null;
  if (NULL_BODY.has(reply.status)) stream = null;
  else if (body.kind === 'text') stream = body.text;
  else if (body.kind === 'truncated') {
    stream = new ReadableStream({
      start(controller) {
        controller.enqueue(encoder.encode(body.text));
        controller.error(new TypeError('terminated: other side closed'));
      },
    });
  } else {
    const chunk = encoder.encode(body.chunk.repeat(Math.ceil(4096 / body.chunk.length)));
    let sent = 0;
    stream = new ReadableStream({
      // Endless, but bounded here too: a client that never stops reading fails the time bound.
      pull(controller) {
        sent += chunk.length;
        if (sent > 64 * 1_048_576) controller.error(new Error('read 64 MiB'));
        else controller.enqueue(chunk);
      },
    });
  }
  const headers = new Headers();
  for (const [name, value] of Object.entries(reply.headers)) {
    try {
      headers.set(name, value);
    } catch {
      // A generated value that is not a legal header value: a server could not send it either.
    }
  }
  return new Response(stream, { status: reply.status, headers });
}
