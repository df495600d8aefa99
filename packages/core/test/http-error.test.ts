import { describe, expect, it } from 'vitest';
import { httpError } from '../src/index.js';

function response(status: number, body: string) {
  const r = new Response(body, { status });
  Object.defineProperty(r, 'url', { value: 'https://api.example.com/search?q=secret-query' });
  return r;
}

describe('httpError', () => {
  it.each([
    [400, '{"message":"bad field \\"count\\""}', 'ERR_BAD_REQUEST', ': bad field "count"'],
    [401, '{"error":"invalid_token"}', 'ERR_UNAUTHORIZED', ': invalid_token'],
    [403, '{"error_description":"no access"}', 'ERR_FORBIDDEN', ': no access'],
    [404, '{"detail":"unknown project"}', 'ERR_NOT_FOUND', ': unknown project'],
    [429, '', 'ERR_RATE_LIMITED', ''],
    [504, '<html>Gateway Timeout</html>', 'ERR_UPSTREAM_TIMEOUT', ''],
    [500, '{"error":{"message":"nested"}}', 'ERR_HTTP', ''],
    [418, '{"message":"  spaced\\n\\nout  "}', 'ERR_HTTP', ': spaced out'],
  ])('maps %i to %s with the short server message', async (status, body, code, detail) => {
    const error = await httpError(response(status, body), { vendor: 'squirro', method: 'post' });
    expect(error).toMatchObject({ code, status, vendor: 'squirro', method: 'post' });
    expect(error.message).toBe(
      `request failed${detail} (squirro, POST https://api.example.com/search, HTTP ${status})`,
    );
  });

  it('truncates a long server message and does not read a huge body', async () => {
    const long = await httpError(response(400, JSON.stringify({ message: 'x'.repeat(5000) })), {
      vendor: 'v',
    });
    expect(long.message.length).toBeLessThan(300);
    const huge = await httpError(response(400, `{"message":"${'y'.repeat(50_000)}"}`), {
      vendor: 'v',
    });
    expect(huge.message).not.toContain('yyy');
  });
});
