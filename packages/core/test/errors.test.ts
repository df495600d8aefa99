import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { isSearchAuthError, SearchAuthError } from '../src/index.js';

describe('SearchAuthError', () => {
  it.each([
    [
      'vendor, method, URL and status',
      {
        given: {
          vendor: 'squirro',
          method: 'post',
          url: 'https://x.example/api/user/oauth2/token',
          status: 404,
        },
        want: 'refresh token rejected (squirro, POST https://x.example/api/user/oauth2/token, HTTP 404)',
      },
    ],
    [
      'a URL whose query and userinfo are dropped',
      {
        given: { method: 'GET', url: 'https://u:p@x.example/a?scope=s&code=c#f' },
        want: 'refresh token rejected (GET https://x.example/a)',
      },
    ],
    ['nothing but the message', { given: {}, want: 'refresh token rejected' }],
  ])('describes %s', (_name, { given, want }) => {
    const error = new SearchAuthError('ERR_REFRESH_TOKEN_INVALID', 'refresh token rejected', given);
    expect(error.message).toBe(want);
    expect(error.code).toBe('ERR_REFRESH_TOKEN_INVALID');
    expect(error.status).toBe((given as { status?: number }).status);
  });

  it('keeps its cause and serialises without it', () => {
    const cause = new Error('socket hang up');
    const error = new SearchAuthError('ERR_NETWORK', 'token request failed', {
      cause,
      vendor: 'oauth2',
    });
    expect(error.cause).toBe(cause);
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: 'SearchAuthError',
      code: 'ERR_NETWORK',
      message: 'token request failed (oauth2)',
      vendor: 'oauth2',
    });
  });

  it('is recognised across realms and copies, and nothing else is', () => {
    const error = new SearchAuthError('ERR_TIMEOUT', 'slow');
    const foreign = runInNewContext(
      'const e = new Error("x"); e[Symbol.for("searchauth.error")] = true; e',
    );
    expect(isSearchAuthError(error)).toBe(true);
    expect(isSearchAuthError(foreign)).toBe(true);
    expect(isSearchAuthError(new Error('x'))).toBe(false);
    expect(isSearchAuthError({ code: 'ERR_TIMEOUT' })).toBe(false);
    expect(isSearchAuthError(null)).toBe(false);
  });
});
