import { isSearchAuthError } from '@searchauth/core';
import { describe, expect, it } from 'vitest';
import { parseSparqueTokenResponse } from '../src/token-response.js';

const URL = 'https://api.search.sparque.ai/api/auth';
const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJleHAiOjE4OTM0NTYwMDB9.c2lnbmF0dXJl';
const object = (value: unknown) => JSON.stringify(value);
const parse = (text: string) => parseSparqueTokenResponse({ text }, URL);

describe('parseSparqueTokenResponse accepts', () => {
  it.each<[string, { given: string; want: Record<string, unknown> }]>([
    ['a JSON string', { given: `"${JWT}"`, want: { accessToken: JWT } }],
    ['a plain-text token', { given: JWT, want: { accessToken: JWT } }],
    [
      'a plain-text token with a trailing newline',
      { given: `${JWT}\r\n`, want: { accessToken: JWT } },
    ],
    [
      'an opaque token with base64 padding',
      { given: '"YWJj+/=="', want: { accessToken: 'YWJj+/==' } },
    ],
    [
      'an object with accessToken and expiresIn',
      {
        given: object({ accessToken: 'abc', expiresIn: 3600 }),
        want: { accessToken: 'abc', expiresIn: 3600 },
      },
    ],
    [
      'an object with token and expires_in',
      {
        given: object({ token: 'abc', expires_in: 60 }),
        want: { accessToken: 'abc', expiresIn: 60 },
      },
    ],
    [
      'an object with access_token, token_type Bearer and expires_in',
      {
        given: object({ access_token: 'abc', token_type: 'Bearer', expires_in: 86400 }),
        want: { accessToken: 'abc', expiresIn: 86400 },
      },
    ],
    [
      'an object with PascalCase AccessToken and ExpiresIn (as the request fields are spelled)',
      {
        given: object({ AccessToken: 'abc', ExpiresIn: 1800 }),
        want: { accessToken: 'abc', expiresIn: 1800 },
      },
    ],
    [
      'an object with PascalCase Token',
      { given: object({ Token: 'abc' }), want: { accessToken: 'abc' } },
    ],
    [
      'an object with Token and expires_in',
      {
        given: object({ Token: 'abc', expires_in: 60 }),
        want: { accessToken: 'abc', expiresIn: 60 },
      },
    ],
    [
      'an object with unknown extra fields',
      {
        given: object({ token: 'abc', workspace: 'w', refresh: null }),
        want: { accessToken: 'abc' },
      },
    ],
    [
      'a JWT object without expiry (the manager reads exp)',
      { given: object({ accessToken: JWT }), want: { accessToken: JWT } },
    ],
  ])('%s', (_name, { given, want }) => {
    expect(parse(given)).toEqual(want);
  });

  it('passes the server date on for the clock offset', () => {
    const reply = { text: '"abc"', serverDate: 1_893_456_000_000 };
    expect(parseSparqueTokenResponse(reply, URL)).toEqual({
      accessToken: 'abc',
      serverDate: 1_893_456_000_000,
    });
  });
});

describe('parseSparqueTokenResponse rejects with ERR_TOKEN_RESPONSE_INVALID', () => {
  it.each<[string, string]>([
    ['an empty body', ''],
    ['a blank body', ' \n'],
    ['an empty JSON string', '""'],
    ['JSON null', 'null'],
    ['a JSON number', '12345'],
    ['JSON true', 'true'],
    ['a JSON array', `["${JWT}"]`],
    ['truncated JSON', '{"access_token":"eyJhbGciOiJIUz'],
    ['an HTML page', '<!doctype html><html><title>Sign in</title></html>'],
    ['text with spaces', 'Bearer abc'],
    ['text with inner newlines', 'abc\ndef'],
    ['a JSON string with a quote inside', '"a\\"b"'],
    ['a non-ASCII token', '"tökén"'],
    ['an object without a token', object({ expiresIn: 60 })],
    ['an object with a numeric token', object({ token: 42 })],
    ['an object with an empty token', object({ accessToken: '' })],
    ['an object with a token containing a space', object({ accessToken: 'a b' })],
    ['a non-Bearer token type', object({ token: 'abc', token_type: 'MAC' })],
    ['expiresIn as words', object({ token: 'abc', expiresIn: 'an hour' })],
    ['expiresIn zero', object({ token: 'abc', expiresIn: 0 })],
    ['expiresIn negative', object({ token: 'abc', expires_in: -5 })],
    ['expiresIn over a year', object({ token: 'abc', expiresIn: 400 * 86400 })],
  ])('%s', (_name, given) => {
    const caught = catchError(() => parse(given));
    expect(isSearchAuthError(caught)).toBe(true);
    expect(caught).toMatchObject({
      code: 'ERR_TOKEN_RESPONSE_INVALID',
      vendor: 'sparque',
      url: URL,
    });
  });

  it('never quotes the body, which may be a credential', () => {
    for (const given of [
      'SECRET-VALUE with spaces',
      object({ token: 'SECRET', expiresIn: 'SECRET' }),
      object({ token: 'SECRET VALUE' }),
    ]) {
      const caught = catchError(() => parse(given));
      expect(caught).toBeInstanceOf(Error);
      expect(JSON.stringify(caught) + String(caught)).not.toContain('SECRET');
    }
  });
});

describe('parseSparqueTokenResponse with a parseTokenResponse option', () => {
  const wrapped = object({ data: { jwt: 'abc', ttl: 900 } });
  const unwrap = (body: unknown) => {
    const { jwt: accessToken, ttl: expiresIn } = (body as { data: { jwt: string; ttl: number } })
      .data;
    return { accessToken, expiresIn };
  };

  it('reads a reply the built-in reading refuses (a wrapped token)', () => {
    expect(() => parse(wrapped)).toThrow(
      expect.objectContaining({ code: 'ERR_TOKEN_RESPONSE_INVALID' }),
    );
    expect(parseSparqueTokenResponse({ text: wrapped }, URL, unwrap)).toEqual({
      accessToken: 'abc',
      expiresIn: 900,
    });
  });

  it('gets the parsed JSON, or the trimmed text when the reply is not JSON', () => {
    const seen: unknown[] = [];
    const spy = (body: unknown) => {
      seen.push(body);
      return { accessToken: 'abc' };
    };
    parseSparqueTokenResponse({ text: '{"a":1}' }, URL, spy);
    parseSparqueTokenResponse({ text: 'token=abc\n' }, URL, spy);
    expect(seen).toEqual([{ a: 1 }, 'token=abc']);
  });

  it('passes the server date on', () => {
    const reply = { text: wrapped, serverDate: 1_893_456_000_000 };
    expect(parseSparqueTokenResponse(reply, URL, unwrap)).toMatchObject({
      serverDate: 1_893_456_000_000,
    });
  });

  it.each<[string, () => unknown]>([
    ['nothing', () => undefined],
    ['a string instead of an object', () => 'abc'],
    ['an empty token', () => ({ accessToken: '' })],
    ['a token with a space', () => ({ accessToken: 'a b' })],
    ['a numeric token', () => ({ accessToken: 42 })],
    ['a zero lifetime', () => ({ accessToken: 'abc', expiresIn: 0 })],
    ['a lifetime as words', () => ({ accessToken: 'abc', expiresIn: 'an hour' })],
  ])('validates its result: %s is ERR_TOKEN_RESPONSE_INVALID', (_name, parser) => {
    const caught = catchError(() =>
      parseSparqueTokenResponse({ text: wrapped }, URL, parser as never),
    );
    expect(caught).toMatchObject({
      code: 'ERR_TOKEN_RESPONSE_INVALID',
      vendor: 'sparque',
      url: URL,
    });
  });

  it('turns a throwing parser into ERR_TOKEN_RESPONSE_INVALID without its message or cause', () => {
    const caught = catchError(() =>
      parseSparqueTokenResponse({ text: object({ secret: 'SECRET-TOKEN' }) }, URL, (body) => {
        throw new Error(`cannot read ${JSON.stringify(body)}`);
      }),
    );
    expect(caught).toMatchObject({
      code: 'ERR_TOKEN_RESPONSE_INVALID',
      message: expect.stringContaining('parseTokenResponse threw'),
    });
    expect((caught as Error).cause).toBeUndefined();
    expect(JSON.stringify(caught) + String(caught)).not.toContain('SECRET');
  });
});

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return undefined;
}
