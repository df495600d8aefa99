import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTokenFetch } from '../src/index.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe('createTokenFetch', () => {
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
    const send = createTokenFetch({
      vendor: 'v',
      allowInsecureHttp,
      fetch: async (input) => {
        calls.push(String(input));
        return new Response('{}');
      },
    });
    const result = await send(url, { method: 'POST' }).catch((e: unknown) => e);
    expect(calls.length).toBe(sent ? 1 : 0);
    if (!sent) expect(result).toMatchObject({ code: 'ERR_INSECURE_URL', vendor: 'v' });
  });

  it('refuses a redirect and names the target host, without following it', async () => {
    const origin = nock('https://id.example.com')
      .post('/token')
      .reply(302, '', { location: 'https://evil.example.net/steal' });
    const attacker = nock('https://evil.example.net').post('/steal').reply(200, '{}');
    const send = createTokenFetch({ vendor: 'v' });
    const error = await send('https://id.example.com/token', { method: 'POST' }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'ERR_REDIRECT_REFUSED', status: 302 });
    expect((error as Error).message).toContain('evil.example.net');
    expect(origin.isDone()).toBe(true);
    expect(attacker.isDone()).toBe(false);
  });

  it('turns a network failure into ERR_TOKEN_ENDPOINT_UNAVAILABLE', async () => {
    nock('https://id.example.com').post('/token').replyWithError('socket hang up');
    const send = createTokenFetch({ vendor: 'v' });
    await expect(send('https://id.example.com/token', { method: 'POST' })).rejects.toMatchObject({
      code: 'ERR_TOKEN_ENDPOINT_UNAVAILABLE',
      method: 'POST',
    });
  });

  it('turns an abort into ERR_ABORTED', async () => {
    const send = createTokenFetch({
      vendor: 'v',
      fetch: (_input, init) =>
        new Promise((_resolve, reject) =>
          init?.signal?.addEventListener('abort', () => reject(new Error('aborted'))),
        ),
    });
    const controller = new AbortController();
    const pending = send('https://id.example.com/token', { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: 'ERR_ABORTED' });
  });

  it('accepts a Request, as a generated openapi-fetch client passes it', async () => {
    nock('https://id.example.com').post('/token').reply(200, { ok: true });
    const send = createTokenFetch({ vendor: 'v' });
    const response = await send(new Request('https://id.example.com/token', { method: 'POST' }));
    expect(await response.json()).toEqual({ ok: true });
  });
});
