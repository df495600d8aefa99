import { describe, expect, it } from 'vitest';
import { clientCredentials } from '../src/index.js';
import { fakeFetch, json } from './fake-fetch.js';

const context = { signal: new AbortController().signal, reason: 'initial' as const };
const ok = () => json({ access_token: 'at-1', expires_in: 60 });
const base = { vendor: 'v', tokenUrl: 'https://id.example.com/token' };

describe('clientCredentials: resource (RFC 8707) and Basic encoding', () => {
  it('sends one resource= per value, after audience', async () => {
    const fetch = fakeFetch(ok);
    await clientCredentials({
      ...base,
      clientId: 'id',
      clientSecret: 'secret',
      audience: 'https://api.example.com',
      resource: ['https://a.example.com/', 'https://b.example.com/'],
      fetch,
    })(context);
    expect(fetch.seen[0]?.body).toBe(
      'grant_type=client_credentials&audience=https%3A%2F%2Fapi.example.com' +
        '&resource=https%3A%2F%2Fa.example.com%2F&resource=https%3A%2F%2Fb.example.com%2F',
    );
  });

  it.each([
    // RFC 6749 §2.3.1: form-urlencode each part, then base64 of "id:secret".
    ['rfc6749', undefined, 'Basic bXklMkJhcHArKyUzQWlkOnMlMkZlJTNEY3IlN0VldCU0MCUyNSUyNg=='],
    ['rfc6749', 'rfc6749', 'Basic bXklMkJhcHArKyUzQWlkOnMlMkZlJTNEY3IlN0VldCU0MCUyNSUyNg=='],
    // plain: base64 of "id:secret" as the vendors' docs show.
    ['plain', 'plain', 'Basic bXkrYXBwICA6aWQ6cy9lPWNyfmV0QCUm'],
  ] as const)(
    'encodes Basic credentials byte for byte (%s)',
    async (_mode, basicEncoding, header) => {
      const fetch = fakeFetch(ok);
      await clientCredentials({
        ...base,
        clientId: 'my+app  :id',
        clientSecret: 's/e=cr~et@%&',
        basicEncoding,
        fetch,
      })(context);
      expect(fetch.seen[0]?.headers.authorization).toBe(header);
    },
  );
});
