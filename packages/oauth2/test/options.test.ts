import { describe, expect, it } from 'vitest';
import { createOAuth2Client, type OAuth2ClientOptions } from '../src/index.js';

const valid: OAuth2ClientOptions = {
  baseUrl: 'https://api.example.com',
  clientId: 'id',
  clientSecret: 'secret',
};

describe('createOAuth2Client options', () => {
  it.each<[string, { given: Record<string, unknown>; want: [string, RegExp] }]>([
    [
      'missing baseUrl',
      { given: { baseUrl: undefined }, want: ['ERR_INVALID_OPTIONS', /baseUrl/] },
    ],
    [
      'baseUrl not a URL',
      {
        given: { baseUrl: 'api.example.com' },
        want: [
          'ERR_INVALID_OPTIONS',
          /^baseUrl must be an http\(s\) URL without credentials, query or fragment/,
        ],
      },
    ],
    [
      'baseUrl with credentials',
      {
        given: { baseUrl: 'https://u:p@api.example.com' },
        want: ['ERR_INVALID_OPTIONS', /baseUrl must be an http\(s\) URL without credentials/],
      },
    ],
    [
      'baseUrl with a fragment',
      {
        given: { baseUrl: 'https://api.example.com/#f' },
        want: ['ERR_INVALID_OPTIONS', /baseUrl .* fragment/],
      },
    ],
    [
      'ftp tokenUrl',
      { given: { tokenUrl: 'ftp://a.example.com/t' }, want: ['ERR_INVALID_OPTIONS', /tokenUrl/] },
    ],
    [
      'tokenUrl with a query',
      {
        given: { tokenUrl: 'https://a.example.com/t?x=1' },
        want: ['ERR_INVALID_OPTIONS', /tokenUrl/],
      },
    ],
    [
      'missing clientId',
      { given: { clientId: undefined }, want: ['ERR_INVALID_OPTIONS', /clientId/] },
    ],
    [
      'empty clientSecret',
      { given: { clientSecret: '' }, want: ['ERR_INVALID_OPTIONS', /clientSecret/] },
    ],
    ['empty scope', { given: { scope: '' }, want: ['ERR_INVALID_OPTIONS', /scope/] }],
    [
      'plain http to a remote API',
      {
        given: { baseUrl: 'http://api.example.com' },
        want: ['ERR_INSECURE_URL', /^baseUrl must use https \(or set allowInsecureHttp\)/],
      },
    ],
    [
      'plain http to a remote token URL',
      { given: { tokenUrl: 'http://auth.example.com/t' }, want: ['ERR_INSECURE_URL', /tokenUrl/] },
    ],
  ])('rejects %s', (_name, { given, want }) => {
    expect(() => createOAuth2Client({ ...valid, ...given } as OAuth2ClientOptions)).toThrow(
      expect.objectContaining({ code: want[0], message: expect.stringMatching(want[1]) }),
    );
  });

  it('names the configured vendor in a URL error', () => {
    expect(() => createOAuth2Client({ ...valid, vendor: 'acme', baseUrl: 'nope' })).toThrow(
      expect.objectContaining({ code: 'ERR_INVALID_OPTIONS', vendor: 'acme' }),
    );
  });

  it.each<[string, Partial<OAuth2ClientOptions>]>([
    ['defaults', {}],
    [
      'loopback http',
      { baseUrl: 'http://127.0.0.1:8080', tokenUrl: 'http://localhost:9090/token' },
    ],
    [
      'remote http with allowInsecureHttp',
      { baseUrl: 'http://api.internal', allowInsecureHttp: true },
    ],
  ])('accepts %s', (_name, extra) => {
    const api = createOAuth2Client({ ...valid, ...extra });
    expect(typeof api.client.GET).toBe('function');
    api.dispose();
  });
});
