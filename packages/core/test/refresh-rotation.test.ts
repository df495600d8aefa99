import { describe, expect, it } from 'vitest';
import { refreshTokenGrant, type Secret } from '../src/index.js';
import { fakeFetch, json } from './fake-fetch.js';

const signal = new AbortController().signal;
const context = { signal, reason: 'refresh' as const };

describe('refreshTokenGrant: a rotated refresh token is never lost', () => {
  it('keeps and reports the new refresh token of a reply that fails validation', async () => {
    const replies = [
      json({ access_token: 'at-1', token_type: 'DPoP', refresh_token: 'rt-rotated-2' }),
      json({ access_token: 'at-2', token_type: 'Bearer', expires_in: 60 }),
    ];
    const fetch = fakeFetch(() => replies.shift() as Response);
    const rotated: string[] = [];
    const source = refreshTokenGrant({
      vendor: 'v',
      tokenUrl: 'https://id.example.com/token',
      refreshToken: 'rt-original-1',
      fetch,
      onRefreshTokenRotated: (token: Secret) => void rotated.push(token.reveal()),
    });
    await expect(source(context)).rejects.toMatchObject({ code: 'ERR_TOKEN_RESPONSE_INVALID' });
    expect(rotated).toEqual(['rt-rotated-2']);
    await expect(source(context)).resolves.toMatchObject({ accessToken: 'at-2' });
    // The next request carries the token the server rotated to, not the revoked one.
    expect(fetch.seen.map((r) => new URLSearchParams(r.body).get('refresh_token'))).toEqual([
      'rt-original-1',
      'rt-rotated-2',
    ]);
  });
});
