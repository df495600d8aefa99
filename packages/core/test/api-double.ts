import { type AuthFetchOptions, createAuthFetch, createTokenManager } from '../src/index.js';
import { countingSource, fakeClock, flush, key } from './support.js';

export const API = 'https://api.example.com';

export interface Seen {
  url: string;
  method: string;
  authorization: string | null;
  body: string;
}

/** An API double: answers with the given statuses in turn (then 200) and records requests. */
export function api(statuses: Array<number | [number, Record<string, string>]> = []) {
  const seen: Seen[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const request = new Request(input, init);
    seen.push({
      url: request.url,
      method: request.method,
      authorization: request.headers.get('authorization'),
      body: await request.text(),
    });
    const next = statuses.shift() ?? 200;
    const [status, headers] = Array.isArray(next) ? next : [next, {}];
    return new Response(status === 200 ? '{"ok":true}' : null, { status, headers });
  };
  return { seen, fetch };
}

export function setup(
  statuses?: Parameters<typeof api>[0],
  options: Partial<AuthFetchOptions> = {},
) {
  const clock = fakeClock();
  const { source, calls } = countingSource();
  const tokens = createTokenManager({ source, key, clock });
  const server = api(statuses);
  const authFetch = createAuthFetch({
    tokens,
    apiOrigin: API,
    fetch: server.fetch,
    clock,
    random: () => 0.5,
    ...options,
  });
  return { clock, calls, tokens, seen: server.seen, authFetch };
}

export function stream(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    pull(controller) {
      const chunk = chunks.shift();
      if (chunk === undefined) controller.close();
      else controller.enqueue(encoder.encode(chunk));
    },
  });
}

/** Steps the fake clock and returns the request count after each step. */
export async function stepThrough(
  clock: ReturnType<typeof fakeClock>,
  seen: Seen[],
  steps: number[],
) {
  const counts: number[] = [];
  for (const ms of steps) {
    clock.advance(ms);
    await flush();
    counts.push(seen.length);
  }
  return counts;
}
