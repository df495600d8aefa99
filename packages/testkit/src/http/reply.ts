/** What a route answers; the host turns it into an HTTP response. */
export interface Reply {
  status: number;
  /** Serialised as JSON unless `text` is given. */
  body?: unknown;
  /** A raw body (HTML, CSV, truncated JSON...). */
  text?: string;
  contentType?: string;
  headers?: Record<string, string>;
}

export function json(status: number, body: unknown, headers?: Record<string, string>): Reply {
  return { status, body, headers };
}

/** Thrown by a route (or its helpers) to answer early with an error reply. */
export class ReplyError extends Error {
  constructor(readonly reply: Reply) {
    super(`simulated ${reply.status}`);
  }
}

export function fail(status: number, body: unknown, headers?: Record<string, string>): never {
  throw new ReplyError(json(status, body, headers));
}
