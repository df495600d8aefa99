// Shared by the tests of both Lucidworks packages (imported by relative path; never published).
/** An in-memory Lucidworks (identity + API hosts) reached through an injected fetch. */
export interface Recorded {
  method: string;
  url: URL;
  headers: Headers;
  body: string;
}

type Handler = (request: Recorded) => Response | Promise<Response>;

export const TOKEN_PATH = '/oauth2/ausao8uveaPmyhv0v357/v1/token';
export const IDENTITY = 'https://identity.lucidworks.com';

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

export function fakeLucidworks() {
  const requests: Recorded[] = [];
  const routes: { method: string; origin: string; path: string | RegExp; handler: Handler }[] = [];
  const minted: { scope: string; token: string }[] = [];
  /** Tokens the API accepts; a token not in here gets 401. */
  const valid = new Set<string>();
  let inFlightMints = 0;
  let maxInFlightMints = 0;
  let mintDelay: Promise<void> | undefined;

  const fetch: typeof globalThis.fetch = async (input, init) => {
    const request = new Request(input, init);
    const recorded: Recorded = {
      method: request.method,
      url: new URL(request.url),
      headers: request.headers,
      body: await request.text(),
    };
    requests.push(recorded);
    const route = routes.find(
      (r) =>
        r.method === recorded.method &&
        r.origin === recorded.url.origin &&
        (typeof r.path === 'string'
          ? r.path === recorded.url.pathname
          : r.path.test(recorded.url.pathname)),
    );
    if (!route) throw new TypeError(`fake: no route for ${recorded.method} ${recorded.url.href}`);
    return route.handler(recorded);
  };

  const server = {
    fetch,
    requests,
    minted,
    valid,
    get maxInFlightMints() {
      return maxInFlightMints;
    },
    on(method: string, origin: string, path: string | RegExp, handler: Handler) {
      routes.unshift({ method, origin, path, handler });
      return server;
    },
    /** Holds token responses until the returned function is called. */
    holdMints(): () => void {
      let release!: () => void;
      mintDelay = new Promise((resolve) => {
        release = resolve;
      });
      return () => {
        mintDelay = undefined;
        release();
      };
    },
    /** Requests to one API path (not the token endpoint). */
    calls(path: string) {
      return requests.filter((r) => r.url.pathname === path);
    },
    tokenRequests(scope?: string) {
      return requests.filter(
        (r) =>
          r.url.pathname === TOKEN_PATH &&
          (scope === undefined || r.url.searchParams.get('scope') === scope),
      );
    },
    /** Answers with the handler when the bearer token is valid, 401 otherwise. */
    api(method: string, origin: string, path: string | RegExp, handler: Handler) {
      return server.on(method, origin, path, (request) => {
        const token = request.headers.get('authorization')?.replace(/^Bearer /, '') ?? '';
        if (!valid.has(token)) return json({ message: 'Unauthorized' }, 401);
        return handler(request);
      });
    },
    /** Mints `tok-<scope>-<n>`; `revokesPrevious` scopes invalidate their previous tokens. */
    identity(options: { origin?: string; revokesPrevious?: string[] } = {}) {
      return server.on('POST', options.origin ?? IDENTITY, TOKEN_PATH, async (request) => {
        inFlightMints += 1;
        maxInFlightMints = Math.max(maxInFlightMints, inFlightMints);
        try {
          await mintDelay;
          const scope = request.url.searchParams.get('scope') ?? '';
          const token = `tok-${scope.replace(/ /g, '+')}-${minted.filter((m) => m.scope === scope).length + 1}`;
          if (options.revokesPrevious?.includes(scope)) {
            for (const m of minted) if (m.scope === scope) valid.delete(m.token);
          }
          minted.push({ scope, token });
          valid.add(token);
          return json({ token_type: 'Bearer', expires_in: 3600, access_token: token, scope });
        } finally {
          inFlightMints -= 1;
        }
      });
    },
  };
  return server;
}

export function bearerOf(request: Recorded): string | undefined {
  return request.headers.get('authorization')?.replace(/^Bearer /, '');
}
