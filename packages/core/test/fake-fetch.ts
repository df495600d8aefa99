// Shared by the vendor packages' unit tests (oauth2, sparque): an injected fetch that records the wire.
/** A recorded request: everything a test asserts about the wire. */
export interface SeenRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

export type Handler = (request: SeenRequest) => Response | Promise<Response>;

/** An injected fetch that routes by URL to handlers and records every request it sees. */
export function fakeFetch(handler: Handler): typeof fetch & { seen: SeenRequest[] } {
  const seen: SeenRequest[] = [];
  const fn = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const entry: SeenRequest = {
      method: request.method,
      url: request.url,
      headers: Object.fromEntries(request.headers),
      body: await request.text(),
    };
    seen.push(entry);
    return handler(entry);
  };
  return Object.assign(fn as typeof fetch, { seen });
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });
}

export function text(body: string, status = 200, contentType = 'text/plain'): Response {
  return new Response(body, { status, headers: { 'content-type': contentType } });
}

/** An unsigned JWT with the given claims; the client decodes `exp`, it never verifies. */
export function jwt(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(claims)}.sig`;
}

/** A fetch that never answers: the request ends only when its signal aborts, with the signal's reason. */
export const hangingFetch = ((_input: RequestInfo | URL, init?: RequestInit) =>
  new Promise<Response>((_resolve, reject) => {
    init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
  })) as typeof fetch;

/**
 * A clock whose time stands still and whose timers run only when the test fires them: `timers`
 * lists each one set as [ms, callback]; `fire(ms)` runs every timer set for that many ms.
 */
export function timerClock(now = 0) {
  const timers: Array<[ms: number, callback: () => void]> = [];
  return {
    now: () => now,
    setTimeout: (callback: () => void, ms: number) => timers.push([ms, callback]),
    clearTimeout: () => {},
    timers,
    fire(ms: number) {
      for (const [after, callback] of timers) if (after === ms) callback();
    },
  };
}
