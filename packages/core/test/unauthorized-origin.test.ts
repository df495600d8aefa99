import { describe, expect, it } from 'vitest';
import { createAuthFetch, createTokenManager } from '../src/index.js';
import { API } from './api-double.js';
import { countingSource, fakeClock, key } from './support.js';

/** A 401 as fetch reports it after following a redirect to `finalUrl`. */
function redirected401(finalUrl: string): Response {
  const response = new Response(null, { status: 401 });
  Object.defineProperties(response, {
    url: { value: finalUrl },
    redirected: { value: true },
  });
  return response;
}

function setupWith(reply: () => Response) {
  const { source, calls } = countingSource();
  const tokens = createTokenManager({ source, key, clock: fakeClock() });
  const authFetch = createAuthFetch({ tokens, apiOrigin: API, fetch: async () => reply() });
  return { calls, tokens, authFetch };
}

describe('createAuthFetch: only a 401 from the API origin counts', () => {
  it('returns a 401 from a cross-origin redirect target as is, keeping the token', async () => {
    const { calls, tokens, authFetch } = setupWith(() =>
      redirected401('https://storage.example.net/blob'),
    );
    const response = await authFetch(`${API}/predict`);
    expect(response.status).toBe(401);
    expect(calls).toHaveLength(1);
    expect(await tokens.getToken()).toBe('tok-1');
    expect(tokens.stats().invalidations).toBe(0);
  });

  it('still recovers from a 401 the API origin sent after a same-origin redirect', async () => {
    let n = 0;
    const { calls, authFetch } = setupWith(() =>
      n++ === 0 ? redirected401(`${API}/v2/predict`) : new Response('{}'),
    );
    expect((await authFetch(`${API}/predict`)).status).toBe(200);
    expect(calls.map((c) => c.reason)).toEqual(['initial', 'unauthorized']);
  });
});
