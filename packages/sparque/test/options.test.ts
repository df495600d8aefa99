import { describe, expect, it } from 'vitest';
import { createSparqueClient, Secret, type SparqueClientOptions } from '../src/index.js';

const valid: SparqueClientOptions = { workspace: 'shop', clientId: 'id', clientSecret: 'secret' };

describe('createSparqueClient options', () => {
  it.each<
    [
      string,
      { given: Partial<Record<keyof SparqueClientOptions, unknown>>; want: [string, RegExp] },
    ]
  >([
    [
      'missing workspace',
      { given: { workspace: undefined }, want: ['ERR_INVALID_OPTIONS', /workspace/] },
    ],
    [
      'blank workspace',
      { given: { workspace: '  ' }, want: ['ERR_INVALID_OPTIONS', /workspace must be/] },
    ],
    ['numeric workspace', { given: { workspace: 7 }, want: ['ERR_INVALID_OPTIONS', /workspace/] }],
    [
      'missing clientId',
      { given: { clientId: undefined }, want: ['ERR_INVALID_OPTIONS', /clientId must be/] },
    ],
    [
      'empty clientSecret',
      { given: { clientSecret: '' }, want: ['ERR_INVALID_OPTIONS', /clientSecret/] },
    ],
    [
      'numeric clientSecret',
      { given: { clientSecret: 42 }, want: ['ERR_INVALID_OPTIONS', /clientSecret/] },
    ],
    [
      'authBaseUrl not a URL',
      {
        given: { authBaseUrl: 'api.search.sparque.ai' },
        want: ['ERR_INVALID_OPTIONS', /authBaseUrl must be an http\(s\) URL/],
      },
    ],
    [
      'apiBaseUrl ftp',
      {
        given: { apiBaseUrl: 'ftp://rest.sparque.ai' },
        want: ['ERR_INVALID_OPTIONS', /http\(s\)/],
      },
    ],
    [
      'plain http to a remote auth host',
      {
        given: { authBaseUrl: 'http://api.search.sparque.ai' },
        want: ['ERR_INSECURE_URL', /authBaseUrl must use https \(or set allowInsecureHttp\)/],
      },
    ],
    [
      'plain http to a remote API host',
      { given: { apiBaseUrl: 'http://rest.sparque.ai' }, want: ['ERR_INSECURE_URL', /apiBaseUrl/] },
    ],
    [
      'plain http to a look-alike of loopback',
      {
        given: { apiBaseUrl: 'http://localhost.example.com' },
        want: ['ERR_INSECURE_URL', /apiBaseUrl/],
      },
    ],
    [
      'a non-string base URL',
      { given: { apiBaseUrl: 42 }, want: ['ERR_INVALID_OPTIONS', /apiBaseUrl/] },
    ],
    [
      'credentials in a base URL',
      {
        given: { authBaseUrl: 'https://u:p@api.search.sparque.ai' },
        want: ['ERR_INVALID_OPTIONS', /authBaseUrl must be an http\(s\) URL without credentials/],
      },
    ],
    [
      'a query in a base URL',
      {
        given: { apiBaseUrl: 'https://rest.sparque.ai/?x=1' },
        want: ['ERR_INVALID_OPTIONS', /apiBaseUrl .* query/],
      },
    ],
    [
      'a parseTokenResponse that is not a function',
      {
        given: { parseTokenResponse: 'accessToken' },
        want: ['ERR_INVALID_OPTIONS', /parseTokenResponse must be a function/],
      },
    ],
    [
      'a fragment in a base URL',
      {
        given: { apiBaseUrl: 'https://rest.sparque.ai/#f' },
        want: ['ERR_INVALID_OPTIONS', /apiBaseUrl .* fragment/],
      },
    ],
  ])('rejects %s', (_name, { given, want }) => {
    const options = { ...valid, ...given } as SparqueClientOptions;
    expect(() => createSparqueClient(options)).toThrow(
      expect.objectContaining({ code: want[0], message: expect.stringMatching(want[1]) }),
    );
  });

  it('never puts the secret in an option error', () => {
    const options = { ...valid, clientSecret: 'hunter2-secret', authBaseUrl: 'nope' };
    expect(() => createSparqueClient(options)).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('hunter2') }),
    );
  });

  it.each<[string, Partial<SparqueClientOptions>]>([
    ['defaults', {}],
    [
      'loopback http hosts',
      { authBaseUrl: 'http://127.0.0.1:1', apiBaseUrl: 'http://localhost:2' },
    ],
    [
      'remote http with allowInsecureHttp',
      { apiBaseUrl: 'http://rest.internal', allowInsecureHttp: true },
    ],
    ['a numeric version', { version: 4 }],
    ['credentials as Secret', { clientId: new Secret('id'), clientSecret: new Secret('s') }],
    ['a parseTokenResponse function', { parseTokenResponse: () => ({ accessToken: 't' }) }],
  ])('accepts %s', (_name, extra) => {
    const client = createSparqueClient({ ...valid, ...extra });
    expect(typeof client.query).toBe('function');
    client.dispose();
  });
});
