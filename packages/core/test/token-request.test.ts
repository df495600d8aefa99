import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sendTokenRequest, type TokenRequestOptions } from '../src/index.js';
import { fakeClock } from './support.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

const URL_ = 'https://id.example.com/token';
const post = (options: Partial<TokenRequestOptions> = {}) =>
  sendTokenRequest({ vendor: 'v', url: URL_, headers: {}, body: 'a=1', ...options });

describe('sendTokenRequest', () => {
  it('POSTs the headers and body as given and reads the reply', async () => {
    nock(URL_.replace('/token', ''), { reqheaders: { 'content-type': 'text/x-test' } })
      .post('/token', 'a=1')
      .reply(200, '{"access_token":"t"}', { date: 'Sun, 22 Nov 2026 10:00:00 GMT' });
    await expect(post({ headers: { 'content-type': 'text/x-test' } })).resolves.toEqual({
      text: '{"access_token":"t"}',
      json: { access_token: 't' },
      serverDate: Date.parse('2026-11-22T10:00:00Z'),
    });
  });

  it('keeps a non-JSON body as text only, and leaves out a missing Date', async () => {
    nock('https://id.example.com').post('/token').reply(200, 'plain-token');
    await expect(post()).resolves.toEqual({ text: 'plain-token' });
  });

  it.each([
    ['https', 'https://id.example.com/token', undefined, true],
    ['http to localhost', 'http://localhost:8080/token', undefined, true],
    ['http to 127.0.0.1', 'http://127.0.0.1:8080/token', undefined, true],
    ['http to [::1]', 'http://[::1]:8080/token', undefined, true],
    ['http to a remote host', 'http://id.example.com/token', undefined, false],
    ['http to a remote host when allowed', 'http://id.example.com/token', true, true],
    [
      'http to a host that starts like loopback',
      'http://127.0.0.1.evil.example/t',
      undefined,
      false,
    ],
    ['ftp', 'ftp://id.example.com/token', true, false],
  ])('%s: sent = %s', async (_name, url, allowInsecureHttp, sent) => {
    const calls: string[] = [];
    const result = await post({
      url,
      allowInsecureHttp,
      fetch: async (input) => {
        calls.push(String(input));
        return new Response('{}');
      },
    }).catch((e: unknown) => e);
    expect(calls.length).toBe(sent ? 1 : 0);
    if (!sent) expect(result).toMatchObject({ code: 'ERR_INSECURE_URL', vendor: 'v' });
  });

  it('refuses a redirect and names the target host, without following it', async () => {
    const origin = nock('https://id.example.com')
      .post('/token')
      .reply(302, '', { location: 'https://evil.example.net/steal' });
    const attacker = nock('https://evil.example.net').post('/steal').reply(200, '{}');
    const error = await post().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'ERR_REDIRECT_REFUSED', status: 302 });
    expect((error as Error).message).toContain('evil.example.net');
    expect(origin.isDone()).toBe(true);
    expect(attacker.isDone()).toBe(false);
  });

  it.each([
    [400, undefined, 'ERR_INVALID_CLIENT'],
    [401, undefined, 'ERR_INVALID_CLIENT'],
    [403, undefined, 'ERR_FORBIDDEN'],
    [429, undefined, 'ERR_RATE_LIMITED'],
    [500, undefined, 'ERR_TOKEN_ENDPOINT_UNAVAILABLE'],
    [503, undefined, 'ERR_TOKEN_ENDPOINT_UNAVAILABLE'],
    // A 404 without an OAuth error body is a wrong URL, whatever the vendor's 404 means (issue 11.13).
    [404, undefined, 'ERR_TOKEN_ENDPOINT_NOT_FOUND'],
    [404, { 404: 'ERR_REFRESH_TOKEN_INVALID' }, 'ERR_TOKEN_ENDPOINT_NOT_FOUND'],
    [410, { 410: 'ERR_REFRESH_TOKEN_EXPIRED' }, 'ERR_REFRESH_TOKEN_EXPIRED'],
    [401, { 404: 'ERR_REFRESH_TOKEN_INVALID' }, 'ERR_INVALID_CLIENT'],
  ] as const)('maps %i (overrides %j) to %s', async (status, statusCodes, want) => {
    nock('https://id.example.com').post('/token').reply(status, 'secret body');
    const error = (await post({ statusCodes }).catch((e: unknown) => e)) as Error;
    expect(error).toMatchObject({ code: want, status, vendor: 'v', method: 'POST' });
    expect(error.message).toContain(`HTTP ${status}`);
    expect(error.message).not.toContain('secret body');
  });

  it('turns a network failure into ERR_TOKEN_ENDPOINT_UNAVAILABLE', async () => {
    nock('https://id.example.com').post('/token').replyWithError('socket hang up');
    await expect(post()).rejects.toMatchObject({
      code: 'ERR_TOKEN_ENDPOINT_UNAVAILABLE',
      method: 'POST',
    });
  });

  it('turns a body over maxBytes into ERR_TOKEN_RESPONSE_INVALID', async () => {
    nock('https://id.example.com').post('/token').reply(200, '{"access_token":"t"}');
    await expect(post({ maxBytes: 5 })).rejects.toMatchObject({
      code: 'ERR_TOKEN_RESPONSE_INVALID',
    });
  });

  const hanging: typeof fetch = (_input, init) =>
    new Promise((_resolve, reject) =>
      init?.signal?.addEventListener('abort', () => reject(new Error('aborted'))),
    );

  it('turns an abort into ERR_ABORTED', async () => {
    const controller = new AbortController();
    const pending = post({ fetch: hanging, signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: 'ERR_ABORTED' });
  });

  it('turns a timeout into ERR_TIMEOUT', async () => {
    const clock = fakeClock();
    const pending = post({ fetch: hanging, clock, timeoutMs: 1000 });
    clock.advance(1000);
    await expect(pending).rejects.toMatchObject({ code: 'ERR_TIMEOUT', vendor: 'v' });
  });
});
