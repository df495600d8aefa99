import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLucidworksAIClient } from '../src/index.js';

// The documented curl (vendor-docs/lucidworks-ai-authentication.txt):
//   curl --request POST \
//     --url 'https://identity.lucidworks.com/oauth2/ausao8uveaPmyhv0v357/v1/token?scope=machinelearning.predict&grant_type=client_credentials' \
//     --header 'Accept: application/json' --header 'Authorization: Basic [CLIENT_ID:CLIENT_SECRET_BASE64]' \
//     --header 'Cache-Control: no-cache' --header 'Content-Type: application/x-www-form-urlencoded'

const CLIENT_ID = 'ai-client';
const CLIENT_SECRET = 'Ai_s3cret-0123456789abcdefXYZ';
const BASIC = `Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64')}`;

describe('token request on the wire', () => {
  beforeAll(() => {
    nock.disableNetConnect();
  });
  afterEach(() => {
    nock.cleanAll();
  });

  it.each([
    ['predict', { scope: 'machinelearning.predict', get: 'predict' as const }],
    ['model', { scope: 'machinelearning.model', get: 'model' as const }],
  ])('%s token matches the documented curl', async (_name, { scope, get }) => {
    const seen: {
      method: string;
      path: string;
      headers: Record<string, unknown>;
      body: unknown;
    }[] = [];
    nock('https://identity.lucidworks.com')
      .post('/oauth2/ausao8uveaPmyhv0v357/v1/token')
      .query(true)
      .reply(function (path, body) {
        seen.push({ method: this.req.method, path, headers: this.req.headers, body });
        return [
          200,
          { token_type: 'Bearer', expires_in: 3600, access_token: `tok-${scope}`, scope },
        ];
      });
    const client = createLucidworksAIClient({
      applicationId: 'app-1',
      customerId: 'cust-1',
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
    });
    try {
      await expect(client.tokens[get].getToken()).resolves.toBe(`tok-${scope}`);
    } finally {
      client.dispose();
    }
    expect(seen).toHaveLength(1);
    const request = seen[0];
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe(
      `/oauth2/ausao8uveaPmyhv0v357/v1/token?scope=${scope}&grant_type=client_credentials`,
    );
    expect(request?.headers).toMatchObject({
      authorization: BASIC,
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/json',
      'cache-control': 'no-cache',
    });
    expect(request?.body).toBe('');
  });
});
