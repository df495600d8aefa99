import { describe, expect, it } from 'vitest';
import { checkBaseUrl, SearchAuthError } from '../src/index.js';

const INVALID = 'base must be an http(s) URL without credentials, query or fragment (v)';
const INSECURE = 'base must use https (or set allowInsecureHttp) (v)';

type Case = {
  given: { value: unknown; allowInsecureHttp?: boolean };
  want: { href: string } | { code: 'ERR_INVALID_OPTIONS' | 'ERR_INSECURE_URL'; message: string };
};
const invalid = { code: 'ERR_INVALID_OPTIONS', message: INVALID } as const;
const insecure = { code: 'ERR_INSECURE_URL', message: INSECURE } as const;

describe('checkBaseUrl', () => {
  it.each<[string, Case]>([
    [
      'https',
      { given: { value: 'https://api.example.com' }, want: { href: 'https://api.example.com' } },
    ],
    [
      'https, host lower-cased',
      { given: { value: 'HTTPS://API.Example.com' }, want: { href: 'https://api.example.com' } },
    ],
    [
      'http to localhost',
      { given: { value: 'http://localhost:8080' }, want: { href: 'http://localhost:8080' } },
    ],
    [
      'http to 127.x',
      { given: { value: 'http://127.1.2.3/x' }, want: { href: 'http://127.1.2.3/x' } },
    ],
    ['http to [::1]', { given: { value: 'http://[::1]:9/' }, want: { href: 'http://[::1]:9' } }],
    ['http to a remote host', { given: { value: 'http://api.example.com' }, want: insecure }],
    [
      'http to a host that only starts like loopback',
      { given: { value: 'http://127.0.0.1.example.com' }, want: insecure },
    ],
    [
      'http to a remote host with allowInsecureHttp',
      {
        given: { value: 'http://api.example.com/', allowInsecureHttp: true },
        want: { href: 'http://api.example.com' },
      },
    ],
    ['ftp', { given: { value: 'ftp://files.example.com' }, want: invalid }],
    [
      'ftp with allowInsecureHttp',
      { given: { value: 'ftp://files.example.com', allowInsecureHttp: true }, want: invalid },
    ],
    ['not a URL', { given: { value: 'api.example.com' }, want: invalid }],
    ['an empty string', { given: { value: '' }, want: invalid }],
    ['a number', { given: { value: 42 }, want: invalid }],
    ['undefined', { given: { value: undefined }, want: invalid }],
    ['a URL object', { given: { value: new URL('https://api.example.com') }, want: invalid }],
    ['userinfo', { given: { value: 'https://user:pw@api.example.com' }, want: invalid }],
    ['a username alone', { given: { value: 'https://user@api.example.com' }, want: invalid }],
    ['a query', { given: { value: 'https://api.example.com/?key=1' }, want: invalid }],
    ['an empty query', { given: { value: 'https://api.example.com/?' }, want: invalid }],
    ['a fragment', { given: { value: 'https://api.example.com/#top' }, want: invalid }],
    ['an empty fragment', { given: { value: 'https://api.example.com#' }, want: invalid }],
    [
      'trailing slashes',
      { given: { value: 'https://api.example.com///' }, want: { href: 'https://api.example.com' } },
    ],
    [
      'a path prefix, kept',
      {
        given: { value: 'https://api.example.com/squirro/' },
        want: { href: 'https://api.example.com/squirro' },
      },
    ],
    [
      'an @ in the path',
      {
        given: { value: 'https://api.example.com/@team' },
        want: { href: 'https://api.example.com/@team' },
      },
    ],
  ])('%s', (_name, { given, want }) => {
    const run = () =>
      checkBaseUrl(given.value, 'base', {
        vendor: 'v',
        allowInsecureHttp: given.allowInsecureHttp,
      });
    if ('href' in want) {
      expect(run()).toBe(want.href);
      return;
    }
    expect(run).toThrow(SearchAuthError);
    expect(run).toThrow(expect.objectContaining({ ...want, vendor: 'v', url: undefined }));
  });

  it.each([
    ['userinfo', 'https://user:hunter2-secret@api.example.com'],
    ['userinfo on plain http', 'http://user:hunter2-secret@api.example.com'],
    ['a query', 'https://api.example.com/?token=hunter2-secret'],
    ['a fragment', 'https://api.example.com/#hunter2-secret'],
  ])('never quotes a URL with %s in the error', (_name, value) => {
    let caught: unknown;
    try {
      checkBaseUrl(value, 'base', { vendor: 'v' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SearchAuthError);
    const error = caught as SearchAuthError;
    expect(error.message).not.toContain('hunter2');
    expect(JSON.stringify(error)).not.toContain('hunter2');
    expect(JSON.stringify(error)).not.toContain('api.example.com');
  });
});
