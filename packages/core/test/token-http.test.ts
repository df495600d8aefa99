import { describe, expect, it } from 'vitest';
import { parseTokenResponse, sendTokenRequest } from '../src/index.js';
import { jwt } from './support.js';

const ctx = { vendor: 'v', url: 'https://id.example.com/token' };
const ACCESS = 'eyJ.access-token-value';

/** What a token endpoint might send back: body text and content type. */
async function parseBody(text: string, headers: Record<string, string> = {}) {
  const { json, serverDate } = await sendTokenRequest({
    ...ctx,
    headers: {},
    body: '',
    fetch: async () => new Response(text, { headers }),
  });
  return parseTokenResponse(json, { ...ctx, serverDate });
}

describe('parseTokenResponse', () => {
  it('reads a well-formed response', async () => {
    const body = JSON.stringify({
      access_token: ACCESS,
      token_type: 'bearer',
      expires_in: 3600,
      refresh_token: 'r',
      scope: 'a b',
    });
    expect(await parseBody(body, { date: 'Wed, 01 Jan 2025 00:00:00 GMT' })).toEqual({
      accessToken: ACCESS,
      expiresIn: 3600,
      refreshToken: 'r',
      scope: 'a b',
      serverDate: Date.UTC(2025, 0, 1),
    });
  });

  it.each([
    ['expires_in as a digit string', { expires_in: '600' }, 600],
    ['no expires_in', {}, undefined],
    ['a null expires_in', { expires_in: null }, undefined],
  ])('accepts %s', async (_name, extra, want) => {
    const parsed = parseTokenResponse({ access_token: ACCESS, ...extra }, ctx);
    expect(parsed.expiresIn).toBe(want);
  });

  it.each([
    ['an HTML page', '<html><body>Login</body></html>'],
    ['an empty body', ''],
    ['plain text', 'access_token=abc'],
    ['JSON null', 'null'],
    ['a JSON array', '[{"access_token":"a"}]'],
    ['a JSON string', '"a-token"'],
    ['no access_token', '{"token_type":"Bearer","expires_in":3600}'],
    ['an empty access_token', '{"access_token":""}'],
    ['a numeric access_token', '{"access_token":12345}'],
    ['an object access_token', '{"access_token":{"value":"a"}}'],
    ['an access_token with spaces', '{"access_token":"Bearer abc"}'],
    ['an access_token with a line break', '{"access_token":"abc\\r\\nX-Injected: 1"}'],
    ['a token_type other than Bearer', `{"access_token":"${ACCESS}","token_type":"mac"}`],
    ['a negative expires_in', `{"access_token":"${ACCESS}","expires_in":-1}`],
    ['a zero expires_in', `{"access_token":"${ACCESS}","expires_in":0}`],
    ['a NaN expires_in', `{"access_token":"${ACCESS}","expires_in":"NaN"}`],
    ['an absurd expires_in', `{"access_token":"${ACCESS}","expires_in":1e12}`],
    ['a boolean expires_in', `{"access_token":"${ACCESS}","expires_in":true}`],
    ['a non-string refresh_token', `{"access_token":"${ACCESS}","refresh_token":42}`],
    ['an oversized body', `{"access_token":"${ACCESS}","pad":"${'x'.repeat(70_000)}"}`],
  ])('turns %s into ERR_TOKEN_RESPONSE_INVALID without quoting it', async (_name, text) => {
    const error = await parseBody(text).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'ERR_TOKEN_RESPONSE_INVALID', vendor: 'v' });
    expect((error as Error).message).not.toContain(ACCESS);
    expect((error as Error).message).not.toContain('Login');
  });

  it('keeps a JWT access token as it is', () => {
    const token = jwt({ exp: 2e9 });
    expect(parseTokenResponse({ access_token: token }, ctx).accessToken).toBe(token);
  });
});
