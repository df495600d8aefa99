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

function catchError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return undefined;
}
