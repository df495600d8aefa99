import { describe, expect, it } from 'vitest';
import { createSparqueClient, type SparqueClientOptions } from '../src/index.js';

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
    ['blank workspace', { given: { workspace: '  ' }, want: ['ERR_INVALID_OPTIONS', /workspace/] }],
    [
      'missing clientId',
      { given: { clientId: undefined }, want: ['ERR_INVALID_OPTIONS', /clientId/] },
    ],
    [
      'empty clientSecret',
      { given: { clientSecret: '' }, want: ['ERR_INVALID_OPTIONS', /clientSecret/] },
    ],
    [
      'numeric clientSecret',
      { given: { clientSecret: 42 }, want: ['ERR_INVALID_OPTIONS', /clientSecret/] },
    ],
    ['empty api', { given: { api: '' }, want: ['ERR_INVALID_OPTIONS', /api/] }],
    ['empty version', { given: { version: '' }, want: ['ERR_INVALID_OPTIONS', /version/] }],
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
      'apiBaseUrl with a query',
      {
        given: { apiBaseUrl: 'https://rest.sparque.ai/?x=1' },
        want: ['ERR_INVALID_OPTIONS', /query/],
      },
    ],
    [
      'authBaseUrl with userinfo',
      {
        given: { authBaseUrl: 'https://u:p@api.search.sparque.ai' },
        want: ['ERR_INVALID_OPTIONS', /credentials/],
      },
    ],
    [
      'plain http to a remote auth host',
      {
        given: { authBaseUrl: 'http://api.search.sparque.ai' },
        want: ['ERR_INSECURE_URL', /authBaseUrl/],
      },
    ],
    [
      'plain http to a remote API host',
      { given: { apiBaseUrl: 'http://rest.sparque.ai' }, want: ['ERR_INSECURE_URL', /apiBaseUrl/] },
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
  ])('accepts %s', (_name, extra) => {
    const client = createSparqueClient({ ...valid, ...extra });
    expect(typeof client.query).toBe('function');
    client.dispose();
  });
});
