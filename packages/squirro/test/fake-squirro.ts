/** What a test asserts about one request on the wire. */
export interface SeenRequest {
  method: string;
  url: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

export type Handler = (request: SeenRequest) => Response | Promise<Response>;

export const CLUSTER = 'https://squirro.example.com';
export const TOKEN_URL = `${CLUSTER}/api/user/oauth2/token`;
export const REFRESH_TOKEN = '2006b1c0e4d94f2ba8c7e5d3f1a09b8c7d6e5f4a3c3';

/** The 200 response of Squirro's Authentication page, word for word (its refresh token elided). */
export const DOCUMENTED_TOKEN_RESPONSE = {
  project_permissions: ['*', 'frontend.user'],
  user_id: 'qjsRI0s0XVGli8qPPCjKzw',
  access_token: '882d9b12cce019ee0137e54beaeea2227db4db3e',
  session_id: 'M9cRgRXUSSOpe_F0YRwdmg',
  role: 'admin',
  refresh_token: '200…3c3',
  role_permissions: ['admin', 'profile.write.update', 'projects.write.create'],
  tenant: 'squirro_demo',
};

/** An injected fetch that records every request and answers with `handler`. */
export function fakeFetch(handler: Handler): typeof fetch & { seen: SeenRequest[] } {
  const seen: SeenRequest[] = [];
  const fn = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    if (request.signal.aborted) throw request.signal.reason;
    const url = new URL(request.url);
    const entry: SeenRequest = {
      method: request.method,
      url: request.url,
      path: url.pathname,
      headers: Object.fromEntries(request.headers),
      body: await request.text(),
    };
    seen.push(entry);
    return handler(entry);
  };
  return Object.assign(fn as typeof fetch, { seen });
}

export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

/** Routes token requests and everything else; counts what each received. */
export function squirro(handlers: { token: Handler; api?: Handler }) {
  const fetch = fakeFetch((request) =>
    request.url === TOKEN_URL
      ? handlers.token(request)
      : (handlers.api ?? (() => json({ error: 'no api handler' }, 500)))(request),
  );
  return {
    fetch,
    tokenRequests: () => fetch.seen.filter((r) => r.url === TOKEN_URL),
    apiRequests: () => fetch.seen.filter((r) => r.url !== TOKEN_URL),
  };
}

/** The documented session, returning the refresh token it was sent (no rotation). */
export function session(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...DOCUMENTED_TOKEN_RESPONSE, refresh_token: REFRESH_TOKEN, ...overrides };
}

/** A token endpoint that hands out `access-1`, `access-2`, ... and keeps the refresh token. */
export function issuingTokens(overrides: Record<string, unknown> = {}): Handler {
  let n = 0;
  return () => json(session({ access_token: `access-${++n}`, ...overrides }));
}

export function emptyPage(): Record<string, unknown> {
  return { count: 0, total: 0, eof: true, now: '2024-01-01T00:00:00', items: [] };
}

/** Every string that must never show up in an error message. */
export function secretsIn(...texts: string[]): string[] {
  return [REFRESH_TOKEN, DOCUMENTED_TOKEN_RESPONSE.access_token, ...texts];
}
