import fc from 'fast-check';

/** A recognisable token-like string: long enough to be found in any text it leaks into. */
export const marker = (prefix: string) =>
  fc.stringMatching(/^[A-Za-z0-9_-]{16,40}$/).map((s) => `${prefix}${s}`);

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A JWT with random claims (exp and iat of every type and range), unsigned or with junk signature. */
export const jwt = fc
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
export const accessToken = fc.oneof(
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
