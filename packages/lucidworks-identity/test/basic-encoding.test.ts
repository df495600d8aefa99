import { Secret } from '@searchauth/core';
import { describe, expect, it, vi } from 'vitest';
import { createScopeTokens } from '../src/index.js';

const TOKEN_URL = 'https://identity.lucidworks.com/oauth2/ausao8uveaPmyhv0v357/v1/token';

async function authorization(
  clientId: string,
  clientSecret: string,
  basicEncoding?: 'rfc6749' | 'plain',
) {
  const requests: Request[] = [];
  const fetch = vi.fn<typeof globalThis.fetch>(async (input, init) => {
    requests.push(new Request(input, init));
    return Response.json({ token_type: 'Bearer', expires_in: 3600, access_token: 'tok-1' });
  });
  const tokens = createScopeTokens({
    vendor: 'lucidworks-test',
    tokenUrl: TOKEN_URL,
    clientId: Secret.from(clientId),
    clientSecret: Secret.from(clientSecret),
    scope: 'datasource.push',
    fetch,
    basicEncoding,
  });
  await tokens.getToken();
  tokens.dispose();
  return requests[0]?.headers.get('authorization');
}

describe('Basic credentials encoding', () => {
  it('form-urlencodes id and secret by default (RFC 6749 §2.3.1), byte for byte', async () => {
    expect(await authorization('0oa1 b+c', 'x/y=z~')).toBe(
      `Basic ${btoa('0oa1+b%2Bc:x%2Fy%3Dz%7E')}`,
    );
  });

  it("sends base64 of id:secret as they are with basicEncoding 'plain' (the docs' curl)", async () => {
    expect(await authorization('0oa1 b+c', 'x/y=z~', 'plain')).toBe('Basic MG9hMSBiK2M6eC95PXp+');
  });

  it('is the same either way for letters, digits and -._', async () => {
    const [a, b] = [
      await authorization('id-1.x_y', 'S3cr-t'),
      await authorization('id-1.x_y', 'S3cr-t', 'plain'),
    ];
    expect(a).toBe(b);
  });
});
