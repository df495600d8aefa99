import { Secret } from '@searchauth/core';
import { describe, expect, it } from 'vitest';
import {
  LUCIDWORKS_IDENTITY,
  type LucidworksIdentityOptions,
  lucidworksTokenUrl,
  resolveIdentityOptions,
} from '../src/index.js';

const DOCUMENTED = 'https://identity.lucidworks.com/oauth2/ausao8uveaPmyhv0v357/v1/token';
const credentials: LucidworksIdentityOptions = { clientId: 'id', clientSecret: 'secret' };

describe('lucidworksTokenUrl', () => {
  it('builds the documented URL from the defaults', () => {
    expect(lucidworksTokenUrl(LUCIDWORKS_IDENTITY.baseUrl, LUCIDWORKS_IDENTITY.authServerId)).toBe(
      DOCUMENTED,
    );
  });

  it('encodes the authorization-server id so it stays one path segment', () => {
    expect(lucidworksTokenUrl('https://id.example', 'a/b?c')).toBe(
      'https://id.example/oauth2/a%2Fb%3Fc/v1/token',
    );
  });
});

describe('resolveIdentityOptions', () => {
  it.each([
    ['defaults', { given: {}, want: DOCUMENTED }],
    [
      'identityBaseUrl with a trailing slash',
      {
        given: { identityBaseUrl: 'https://id.example.com/' },
        want: 'https://id.example.com/oauth2/ausao8uveaPmyhv0v357/v1/token',
      },
    ],
    [
      'authServerId',
      {
        given: { authServerId: 'default' },
        want: 'https://identity.lucidworks.com/oauth2/default/v1/token',
      },
    ],
    [
      'loopback simulator over http',
      {
        given: { identityBaseUrl: 'http://127.0.0.1:4010', authServerId: 'local' },
        want: 'http://127.0.0.1:4010/oauth2/local/v1/token',
      },
    ],
    [
      'tokenUrl wins over identityBaseUrl and authServerId',
      {
        given: {
          tokenUrl: 'https://sso.example.com/token/',
          identityBaseUrl: 'not a url',
          authServerId: '',
        },
        want: 'https://sso.example.com/token',
      },
    ],
    [
      'plain http when allowed',
      {
        given: { tokenUrl: 'http://sso.example.com/token', allowInsecureHttp: true },
        want: 'http://sso.example.com/token',
      },
    ],
  ])('token URL: %s', (_name, { given, want }) => {
    expect(resolveIdentityOptions({ ...credentials, ...given }, 'lw').tokenUrl).toBe(want);
  });

  it('returns the credentials as Secrets', () => {
    const clientSecret = Secret.from('s3cret');
    const resolved = resolveIdentityOptions({ clientId: 'id-1', clientSecret }, 'lw');
    expect(resolved.clientId.reveal()).toBe('id-1');
    expect(resolved.clientSecret).toBe(clientSecret);
  });

  it.each([
    ['missing clientId', { given: { clientId: undefined }, want: 'clientId is required' }],
    ['blank clientSecret', { given: { clientSecret: ' ' }, want: 'clientSecret is required' }],
    ['blank authServerId', { given: { authServerId: '' }, want: 'authServerId is required' }],
    [
      'relative identityBaseUrl',
      { given: { identityBaseUrl: '/identity' }, want: 'identityBaseUrl must be an http(s) URL' },
    ],
    [
      'tokenUrl with a query',
      {
        given: { tokenUrl: 'https://id.example/t?x=1' },
        want: 'tokenUrl must be an http(s) URL without credentials, query',
      },
    ],
  ])('%s → ERR_INVALID_OPTIONS naming the vendor', (_name, { given, want }) => {
    expect(() => resolveIdentityOptions({ ...credentials, ...given } as never, 'lw')).toThrow(
      expect.objectContaining({
        code: 'ERR_INVALID_OPTIONS',
        vendor: 'lw',
        message: expect.stringContaining(want),
      }),
    );
  });

  it.each([
    ['identityBaseUrl', { identityBaseUrl: 'http://identity.example.com' }],
    ['tokenUrl', { tokenUrl: 'http://identity.example.com/token' }],
  ])('refuses plain http %s to a non-loopback host', (_name, given) => {
    expect(() => resolveIdentityOptions({ ...credentials, ...given }, 'lw')).toThrow(
      expect.objectContaining({ code: 'ERR_INSECURE_URL', vendor: 'lw' }),
    );
  });
});
