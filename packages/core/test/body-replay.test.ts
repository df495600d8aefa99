import { describe, expect, it } from 'vitest';
import { API, setup, stream } from './api-double.js';

async function* chunks(parts: string[]) {
  for (const part of parts) yield new TextEncoder().encode(part);
}

/** What Node's stream.Readable offers fetch: a one-shot async iterable of Buffers (no node: import). */
const readableLike = (parts: string[]) => {
  const once = (async function* () {
    for (const part of parts) yield Buffer.from(part);
  })();
  return { [Symbol.asyncIterator]: () => once };
};

const post = (body: unknown) =>
  ({ method: 'POST', body, duplex: 'half' }) as unknown as RequestInit;

describe('createAuthFetch: every body is replayed exactly or refused', () => {
  it.each([
    ['an async generator', () => chunks(['par', 'tial ', 'body'])],
    ['a stream.Readable-like async iterable', () => readableLike(['par', 'tial ', 'body'])],
    ['a ReadableStream', () => stream(['par', 'tial ', 'body'])],
  ])('replays %s after a 401 with the same bytes', async (_name, make) => {
    const { authFetch, seen } = setup([401]);
    const response = await authFetch(`${API}/push`, post(make()));
    expect(response.status).toBe(200);
    expect(seen.map((s) => [s.authorization, s.body])).toEqual([
      ['Bearer tok-1', 'partial body'],
      ['Bearer tok-2', 'partial body'],
    ]);
  });

  it('retries an async-iterable PUT after a 503 with the same bytes', async () => {
    const { authFetch, seen, clock } = setup([503]);
    const pending = authFetch(`${API}/doc`, { ...post(chunks(['a', 'b'])), method: 'PUT' });
    for (let i = 0; i < 20 && seen.length < 2; i++) {
      await new Promise((r) => setImmediate(r));
      clock.advance(1000);
    }
    expect((await pending).status).toBe(200);
    expect(seen.map((s) => s.body)).toEqual(['ab', 'ab']);
  });

  it('refuses to replay an async iterable over the cap instead of sending it empty', async () => {
    const { authFetch, seen } = setup([401], { maxReplayBodyBytes: 4 });
    const error = await authFetch(`${API}/push`, post(chunks(['12345', '678']))).catch((e) => e);
    expect(error).toMatchObject({ code: 'ERR_BODY_NOT_REPLAYABLE', status: 401 });
    expect(seen.map((s) => s.body)).toEqual(['12345678']);
  });

  it('keeps a Request body when init.body is undefined, as fetch does', async () => {
    const { authFetch, seen } = setup([401]);
    const request = new Request(`${API}/items`, { method: 'POST', body: 'from the request' });
    await authFetch(request, { body: undefined });
    expect(seen.map((s) => s.body)).toEqual(['from the request', 'from the request']);
  });
});
