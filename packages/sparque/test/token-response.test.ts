import { isSearchAuthError } from '@searchauth/core';
import { describe, expect, it } from 'vitest';
import { parseSparqueTokenResponse } from '../src/token-response.js';

const URL = 'https://api.search.sparque.ai/api/auth';
const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJleHAiOjE4OTM0NTYwMDB9.c2lnbmF0dXJl';
const JSON_TYPE = 'application/json; charset=utf-8';

type Body = { text: string; contentType: string | null };
const body = (text: string, contentType: string | null = JSON_TYPE): Body => ({
  text,
  contentType,
});
const object = (value: unknown) => body(JSON.stringify(value));

describe('parseSparqueTokenResponse accepts', () => {
  it.each<[string, { given: Body; want: Record<string, unknown> }]>([
    ['a JSON string', { given: body(`"${JWT}"`), want: { accessToken: JWT } }],
    ['a plain-text token', { given: body(JWT, 'text/plain'), want: { accessToken: JWT } }],
    [
      'a plain-text token with a trailing newline',
      { given: body(`${JWT}\r\n`, 'text/plain; charset=utf-8'), want: { accessToken: JWT } },
    ],
    ['a bare token with no content type', { given: body(JWT, null), want: { accessToken: JWT } }],
    [
      'a JSON string with no content type',
      { given: body(`"abc"`, null), want: { accessToken: 'abc' } },
    ],
    [
      'a JSON string labelled text/plain',
      { given: body('"abc"', 'text/plain'), want: { accessToken: 'abc' } },
    ],
    [
      'an opaque token with base64 padding',
      { given: body('"YWJj+/=="'), want: { accessToken: 'YWJj+/==' } },
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
      'PascalCase names (ASP.NET without camelCase)',
      {
        given: object({ AccessToken: 'abc', ExpiresIn: 10 }),
        want: { accessToken: 'abc', expiresIn: 10 },
      },
    ],
    [
      'the same token under two names',
      { given: object({ token: 'abc', accessToken: 'abc' }), want: { accessToken: 'abc' } },
    ],
    [
      'expiresAt as ISO 8601',
      {
        given: object({ token: 'abc', expiresAt: '2030-01-01T00:00:00Z' }),
        want: { accessToken: 'abc', expiresAt: Date.UTC(2030, 0, 1) },
      },
    ],
    [
      'expiresAt as ISO 8601 with offset and fraction',
      {
        given: object({ token: 'abc', expiresAt: '2030-01-01T02:00:00.500+02:00' }),
        want: { accessToken: 'abc', expiresAt: Date.UTC(2030, 0, 1) + 500 },
      },
    ],
    [
      'expiresAt in epoch seconds',
      {
        given: object({ token: 'abc', expiresAt: 1_893_456_000 }),
        want: { accessToken: 'abc', expiresAt: 1_893_456_000_000 },
      },
    ],
    [
      'expiresAt in epoch milliseconds',
      {
        given: object({ token: 'abc', expiresAt: 1_893_456_000_123 }),
        want: { accessToken: 'abc', expiresAt: 1_893_456_000_123 },
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
    expect(parseSparqueTokenResponse(given, URL)).toEqual(want);
  });
});

describe('parseSparqueTokenResponse rejects', () => {
  it.each<[string, { given: Body; want: RegExp }]>([
    ['an empty body', { given: body('', 'text/plain'), want: /empty/ }],
    ['an empty JSON string', { given: body('""'), want: /empty/ }],
    ['JSON null', { given: body('null'), want: /neither a string nor an object/ }],
    ['a JSON number', { given: body('12345'), want: /neither a string nor an object/ }],
    ['a JSON number even as text/plain', { given: body('12345', 'text/plain'), want: /neither/ }],
    ['JSON true', { given: body('true'), want: /neither/ }],
    ['a JSON array', { given: body(`["${JWT}"]`), want: /neither/ }],
    [
      'declared JSON that is not JSON',
      { given: body(JWT), want: /declares JSON but is not valid JSON/ },
    ],
    [
      'an HTML page',
      { given: body('<html>login</html>', 'text/html'), want: /content type \(text\/html\)/ },
    ],
    ['an octet stream', { given: body(JWT, 'application/octet-stream'), want: /content type/ }],
    [
      'text with spaces',
      { given: body('Bearer abc', 'text/plain'), want: /unexpected characters/ },
    ],
    [
      'text with inner newlines',
      { given: body('abc\ndef', 'text/plain'), want: /unexpected characters/ },
    ],
    [
      'a JSON string with a quote inside',
      { given: body('"a\\"b"'), want: /unexpected characters/ },
    ],
    ['a non-ASCII token', { given: body('"tökén"'), want: /unexpected characters/ }],
    ['a token too long', { given: body(`"${'a'.repeat(16_385)}"`), want: /too long/ }],
    [
      'an object without a token',
      { given: object({ expiresIn: 60 }), want: /no accessToken, token or access_token/ },
    ],
    ['an object with a numeric token', { given: object({ token: 42 }), want: /not a string/ }],
    ['an object with an empty token', { given: object({ accessToken: '' }), want: /empty/ }],
    [
      'an object with two different tokens',
      { given: object({ token: 'a', accessToken: 'b' }), want: /several different token fields/ },
    ],
    [
      'one field spelled twice with different values',
      { given: object({ access_token: 'a', accessToken: 'b' }), want: /spells accesstoken twice/ },
    ],
    [
      'a non-Bearer token type',
      { given: object({ token: 'abc', tokenType: 'MAC' }), want: /not Bearer/ },
    ],
    [
      'expiresIn as a string',
      { given: object({ token: 'abc', expiresIn: '3600' }), want: /expiresIn/ },
    ],
    ['expiresIn zero', { given: object({ token: 'abc', expiresIn: 0 }), want: /expiresIn/ }],
    ['expiresIn negative', { given: object({ token: 'abc', expires_in: -5 }), want: /expiresIn/ }],
    [
      'expiresIn over a year',
      { given: object({ token: 'abc', expiresIn: 400 * 86400 }), want: /longer than a year/ },
    ],
    [
      'expiresAt as a local-time string',
      { given: object({ token: 'abc', expiresAt: '2030-01-01 10:00' }), want: /expiresAt/ },
    ],
    [
      'expiresAt as garbage',
      { given: object({ token: 'abc', expiresAt: 'soon' }), want: /expiresAt/ },
    ],
    [
      'expiresAt as a small number',
      { given: object({ token: 'abc', expiresAt: 3600 }), want: /expiresAt/ },
    ],
    [
      'expiresAt as an impossible date',
      { given: object({ token: 'abc', expiresAt: '2030-13-45T00:00:00Z' }), want: /expiresAt/ },
    ],
  ])('%s', (_name, { given, want }) => {
    const caught = catchError(() => parseSparqueTokenResponse(given, URL));
    expect(isSearchAuthError(caught)).toBe(true);
    expect(caught).toMatchObject({ code: 'ERR_TOKEN_RESPONSE_INVALID', vendor: 'sparque' });
    expect((caught as Error).message).toMatch(want);
    expect((caught as Error).message).toContain(URL);
  });

  it('never quotes the body, which may be a credential', () => {
    for (const given of [
      body('SECRET-VALUE with spaces', 'text/plain'),
      object({ token: 'a', accessToken: 'SECRET' }),
      object({ token: 'SECRET', expiresAt: 'SECRET' }),
    ]) {
      const caught = catchError(() => parseSparqueTokenResponse(given, URL));
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
