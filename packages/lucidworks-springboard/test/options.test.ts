import { describe, expect, it } from 'vitest';
import { createSpringboardClient, type SpringboardClientOptions } from '../src/index.js';

const valid: SpringboardClientOptions = {
  applicationId: 'app-1',
  clientId: 'id',
  clientSecret: 'secret',
};

describe('createSpringboardClient options', () => {
  it.each([
    ['no options', { given: undefined, want: 'options are required' }],
    [
      'missing applicationId',
      { given: { ...valid, applicationId: undefined }, want: 'applicationId is required' },
    ],
    [
      'blank applicationId',
      { given: { ...valid, applicationId: '  ' }, want: 'applicationId is required' },
    ],
    [
      'applicationId with a dot',
      { given: { ...valid, applicationId: 'evil.com/x' }, want: 'applicationId must be' },
    ],
    [
      'missing clientId',
      { given: { ...valid, clientId: undefined }, want: 'clientId is required' },
    ],
    [
      'missing clientSecret',
      { given: { ...valid, clientSecret: '' }, want: 'clientSecret is required' },
    ],
    [
      'relative apiBaseUrl',
      {
        given: { ...valid, apiBaseUrl: '/api' },
        want: 'apiBaseUrl must be an http(s) URL',
      },
    ],
    [
      'tokenUrl with a query',
      {
        given: { ...valid, tokenUrl: 'https://id.example/t?x=1' },
        want: 'tokenUrl must be an http(s) URL without credentials, query',
      },
    ],
    [
      'blank authServerId',
      { given: { ...valid, authServerId: '' }, want: 'authServerId is required' },
    ],
    [
      'too many documents per request',
      { given: { ...valid, push: { maxDocumentsPerRequest: 201 } }, want: 'from 1 to 200' },
    ],
    [
      'too many bytes per request',
      {
        given: { ...valid, push: { maxBytesPerRequest: 1_000_001 } },
        want: 'push.maxBytesPerRequest',
      },
    ],
    [
      'relative push path',
      { given: { ...valid, push: { savePath: 'push' } }, want: 'must start with "/"' },
    ],
    [
      'unknown delete method',
      {
        given: { ...valid, push: { deleteMethod: 'PUT' } },
        want: 'push.deleteMethod must be one of DELETE, POST',
      },
    ],
  ])('%s → ERR_INVALID_OPTIONS', (_name, { given, want }) => {
    expect(() => createSpringboardClient(given as never)).toThrow(
      expect.objectContaining({
        code: 'ERR_INVALID_OPTIONS',
        message: expect.stringContaining(want),
      }),
    );
  });

  it.each([
    ['apiBaseUrl', { apiBaseUrl: 'http://search.example.com' }],
    ['identityBaseUrl', { identityBaseUrl: 'http://identity.example.com' }],
    ['tokenUrl', { tokenUrl: 'http://identity.example.com/token' }],
  ])('refuses plain http %s to a non-loopback host', (_name, given) => {
    expect(() => createSpringboardClient({ ...valid, ...given })).toThrow(
      expect.objectContaining({ code: 'ERR_INSECURE_URL' }),
    );
    const client = createSpringboardClient({ ...valid, ...given, allowInsecureHttp: true });
    client.dispose();
  });

  it('accepts loopback simulators over http', async () => {
    const seen: string[] = [];
    const fetch: typeof globalThis.fetch = async (input, init) => {
      const request = new Request(input, init);
      seen.push(`${request.method} ${request.url}`);
      if (request.url.includes('/token')) {
        return Response.json({ access_token: 't', expires_in: 3600, token_type: 'Bearer' });
      }
      return Response.json({ queryId: 'q', hits: 0, docs: [] });
    };
    const client = createSpringboardClient({
      ...valid,
      identityBaseUrl: 'http://127.0.0.1:4010/',
      authServerId: 'local',
      apiBaseUrl: 'http://127.0.0.1:4011',
      fetch,
    });
    await client.search({ query: 'q', utcOffset: '+00:00', sessionId: 's' });
    expect(seen).toEqual([
      'POST http://127.0.0.1:4010/oauth2/local/v1/token?scope=connectedsearch.query&grant_type=client_credentials',
      'POST http://127.0.0.1:4011/query/search',
    ]);
    client.dispose();
  });
});
