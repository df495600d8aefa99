import { describe, expect, it } from 'vitest';
import { createAuthFetch, createTokenManager, type TokenSource } from '../src/index.js';
import { API, api, setup, stepThrough } from './api-double.js';
import { fakeClock, flush, key, T0 } from './support.js';

describe('createAuthFetch: retries', () => {
  it('honours Retry-After in seconds', async () => {
    const { authFetch, seen, clock } = setup([[503, { 'retry-after': '2' }]]);
    const pending = authFetch(`${API}/x`);
    await flush();
    expect(await stepThrough(clock, seen, [0, 1999, 1])).toEqual([1, 1, 2]);
    expect((await pending).status).toBe(200);
  });

  it('honours Retry-After as an HTTP-date', async () => {
    const date = new Date(T0 + 3000).toUTCString();
    const { authFetch, seen, clock } = setup([[429, { 'retry-after': date }]]);
    const pending = authFetch(`${API}/x`);
    await flush();
    expect(await stepThrough(clock, seen, [2999, 1])).toEqual([1, 2]);
    expect((await pending).status).toBe(200);
  });

  it('backs off exponentially with full jitter and stops after maxAttempts', async () => {
    const { authFetch, seen, clock } = setup([502, 504, 503, 503]);
    const pending = authFetch(`${API}/x`);
    await flush();
    // random 0.5: 0.5 x 200 ms, then 0.5 x 400 ms.
    expect(await stepThrough(clock, seen, [99, 1, 199, 1, 10_000])).toEqual([1, 2, 2, 3, 3]);
    expect((await pending).status).toBe(503);
  });

  it.each([
    ['POST by default', { method: 'POST' }, {}, 1],
    ['PATCH by default', { method: 'PATCH' }, {}, 1],
    ['POST when allowed', { method: 'POST' }, { retry: { retryNonIdempotent: true } }, 2],
    ['PUT (idempotent)', { method: 'PUT' }, {}, 2],
    ['anything with retry: false', { method: 'GET' }, { retry: false as const }, 1],
    ['a status not listed', { method: 'GET' }, { retry: { statuses: [429] } }, 1],
  ])('retries %s: %i request(s)', async (_name, init, options, want) => {
    const { authFetch, seen, clock } = setup([503], options);
    const pending = authFetch(`${API}/x`, { ...init, body: init.method === 'GET' ? null : 'b' });
    await flush();
    await stepThrough(clock, seen, [1000]);
    await pending;
    expect(seen.length).toBe(want);
  });

  it.each([
    ['a Retry-After beyond maxDelayMs', { 'retry-after': '60' }, {}],
    ['a wait beyond the time budget', { 'retry-after': '5' }, { budgetMs: 4000 }],
  ])('hands back the response for %s', async (_name, headers, retry) => {
    const { authFetch, seen } = setup([[503, headers]], { retry });
    expect((await authFetch(`${API}/x`)).status).toBe(503);
    expect(seen.length).toBe(1);
  });

  it('aborts while waiting to retry', async () => {
    const { authFetch } = setup([[503, { 'retry-after': '5' }]]);
    const controller = new AbortController();
    const pending = authFetch(`${API}/x`, { signal: controller.signal });
    await flush();
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: 'ERR_ABORTED' });
  });
});

describe('createAuthFetch: abort, timeout, network', () => {
  const stuck: TokenSource = () => new Promise(() => {});

  it('rejects with ERR_ABORTED promptly while waiting for a token', async () => {
    const clock = fakeClock();
    const tokens = createTokenManager({ source: stuck, key, clock });
    const authFetch = createAuthFetch({ tokens, apiOrigin: API, fetch: api().fetch, clock });
    const controller = new AbortController();
    const pending = authFetch(`${API}/x`, { signal: controller.signal });
    await flush();
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: 'ERR_ABORTED', vendor: 'test' });
  });

  it('rejects with ERR_TIMEOUT when the token does not come within timeoutMs', async () => {
    const clock = fakeClock();
    const tokens = createTokenManager({ source: stuck, key, clock });
    const authFetch = createAuthFetch({
      tokens,
      apiOrigin: API,
      fetch: api().fetch,
      clock,
      timeoutMs: 1000,
    });
    const pending = authFetch(`${API}/x`).catch((e: unknown) => e);
    await flush();
    clock.advance(1000);
    expect(await pending).toMatchObject({ code: 'ERR_TIMEOUT', method: 'GET' });
  });

  it('rejects with ERR_TIMEOUT when the API is too slow', async () => {
    const { clock, tokens } = setup();
    const slow: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) =>
        init?.signal?.addEventListener('abort', () => reject(new Error('aborted'))),
      );
    const authFetch = createAuthFetch({
      tokens,
      apiOrigin: API,
      fetch: slow,
      clock,
      timeoutMs: 50,
    });
    const pending = authFetch(`${API}/x`).catch((e: unknown) => e);
    await flush();
    clock.advance(50);
    expect(await pending).toMatchObject({ code: 'ERR_TIMEOUT' });
  });

  it('turns a network failure into ERR_NETWORK', async () => {
    const { tokens } = setup();
    const broken: typeof fetch = async () => {
      throw new TypeError('fetch failed');
    };
    const authFetch = createAuthFetch({ tokens, apiOrigin: API, fetch: broken });
    await expect(authFetch(`${API}/x`)).rejects.toMatchObject({
      code: 'ERR_NETWORK',
      url: `${API}/x`,
    });
  });
});
