import createClient from 'openapi-fetch';
import { describe, expect, it } from 'vitest';
import { jsonResponseGuard } from '../src/index.js';

type Paths = {
  '/search': {
    get: { responses: { 200: { content: { 'application/json': { n: number } } } } };
  };
};

/** A typed client whose fetch answers `body`, with or without a Content-Length header. */
function clientAnswering(body: string, { length = true, status = 200 } = {}) {
  const clones: number[] = [];
  const client = createClient<Paths>({
    baseUrl: 'https://api.example.com',
    fetch: async (request: Request) => {
      const bytes = new TextEncoder().encode(body);
      const response = new Response(
        // A stream has no Content-Length of its own, as with a chunked reply.
        length ? bytes : new Blob([bytes]).stream(),
        {
          status,
          headers: length ? { 'content-length': String(bytes.length) } : {},
        },
      );
      Object.defineProperty(response, 'url', { value: request.url });
      const clone = response.clone.bind(response);
      response.clone = () => {
        clones.push(1);
        return clone();
      };
      return response;
    },
  });
  client.use(jsonResponseGuard('test'));
  return { client, clones };
}

describe('jsonResponseGuard', () => {
  it.each([true, false])(
    'turns a 2xx body that is not JSON into ERR_HTTP (Content-Length: %s)',
    async (length) => {
      for (const body of ['<html>502 Bad Gateway</html>', '{"n": 1']) {
        const { client } = clientAnswering(body, { length });
        await expect(client.GET('/search')).rejects.toMatchObject({
          name: 'SearchAuthError',
          code: 'ERR_HTTP',
          vendor: 'test',
          method: 'GET',
          url: 'https://api.example.com/search',
          status: 200,
          message: expect.stringContaining('response is not JSON'),
        });
      }
    },
  );

  it.each([true, false])(
    'reads JSON once, without cloning the body (Content-Length: %s)',
    async (length) => {
      const { client, clones } = clientAnswering('{"n":1}', { length });
      expect((await client.GET('/search')).data).toEqual({ n: 1 });
      expect(clones).toEqual([]);
    },
  );

  it('leaves parseAs text and error responses alone', async () => {
    const { client } = clientAnswering('plain words');
    expect((await client.GET('/search', { parseAs: 'text' })).data).toBe('plain words');
    const failed = clientAnswering('<html>oops</html>', { status: 500 });
    const { error, response } = await failed.client.GET('/search');
    expect(response.status).toBe(500);
    expect(error).toBe('<html>oops</html>');
  });

  it('passes other read failures through unchanged', async () => {
    const guard = jsonResponseGuard('test');
    const response = new Response('{"n":1}');
    guard.onResponse({
      request: new Request('https://x.test/'),
      response,
      options: { parseAs: 'json' },
    });
    await response.text();
    await expect(response.json()).rejects.toBeInstanceOf(TypeError);
  });
});
