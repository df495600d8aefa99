import { cleanCause, scrub } from './redact.js';

/** Every failure searchauth reports, as a string you can switch on. */
export type SearchAuthErrorCode =
  | 'ERR_INVALID_OPTIONS'
  | 'ERR_INVALID_CLIENT'
  | 'ERR_FORBIDDEN'
  | 'ERR_UNAUTHORIZED'
  | 'ERR_REFRESH_TOKEN_INVALID'
  | 'ERR_REFRESH_TOKEN_EXPIRED'
  | 'ERR_TOKEN_RESPONSE_INVALID'
  | 'ERR_TOKEN_ENDPOINT_UNAVAILABLE'
  | 'ERR_TOKEN_ENDPOINT_NOT_FOUND'
  | 'ERR_INVALID_GRANT'
  | 'ERR_INVALID_SCOPE'
  | 'ERR_INVALID_TARGET'
  | 'ERR_UNAUTHORIZED_CLIENT'
  | 'ERR_UNSUPPORTED_GRANT_TYPE'
  | 'ERR_INSECURE_URL'
  | 'ERR_REDIRECT_REFUSED'
  | 'ERR_RATE_LIMITED'
  | 'ERR_UPSTREAM_TIMEOUT'
  | 'ERR_TIMEOUT'
  | 'ERR_ABORTED'
  | 'ERR_BODY_NOT_REPLAYABLE'
  | 'ERR_NETWORK'
  | 'ERR_HTTP'
  | 'ERR_NOT_FOUND'
  | 'ERR_BAD_REQUEST'
  | 'ERR_JOB_FAILED'
  | 'ERR_LIMIT_EXCEEDED'
  | 'ERR_INVALID_GRANT'
  | 'ERR_INVALID_SCOPE'
  | 'ERR_INVALID_TARGET'
  | 'ERR_UNAUTHORIZED_CLIENT'
  | 'ERR_UNSUPPORTED_GRANT_TYPE'
  | 'ERR_TOKEN_ENDPOINT_NOT_FOUND'
  | 'ERR_STORE_UNAVAILABLE'
  | 'ERR_STORE_TIMEOUT';

/** Where a SearchAuthError happened; each part that is given is named in the message. */
export interface SearchAuthErrorOptions {
  /** Vendor name, e.g. `lucidworks-ai`. */
  vendor?: string;
  /** HTTP status of the response that caused the error, when there was one. */
  status?: number;
  /** HTTP method of the failed request. */
  method?: string;
  /** URL of the failed request; its query string and userinfo are dropped. */
  url?: string;
  /** The underlying error, kept as `cause` (scrubbed of known secrets) and left out of `toJSON()`. */
  cause?: unknown;
  /** The low-level code of a network failure, e.g. `ECONNREFUSED` or `CERT_HAS_EXPIRED`. */
  causeCode?: string;
  /** How long the server asked to wait (its `Retry-After`), ms. */
  retryAfterMs?: number;
}

// A registered symbol survives realms (iframes, vm contexts, duplicated package copies), unlike instanceof.
const BRAND = Symbol.for('searchauth.error');

/**
 * The one error class searchauth throws. Its message names vendor, method, URL and status and never a
 * secret or token; `code` is stable across versions.
 */
export class SearchAuthError extends Error {
  declare readonly name: 'SearchAuthError';
  declare readonly code: SearchAuthErrorCode;
  declare readonly vendor: string | undefined;
  declare readonly status: number | undefined;
  declare readonly method: string | undefined;
  declare readonly url: string | undefined;
  /** The low-level code of a network failure (ECONNREFUSED, ENOTFOUND, CERT_HAS_EXPIRED, ...). */
  declare readonly causeCode?: string;
  /** The token endpoint's `Retry-After` (429/503), ms. */
  declare readonly retryAfterMs?: number;

  constructor(code: SearchAuthErrorCode, message: string, options: SearchAuthErrorOptions = {}) {
    const { vendor, status, method, causeCode, retryAfterMs } = options;
    const cause = cleanCause(options.cause);
    const url = options.url && stripQuery(options.url);
    const where = [
      vendor,
      method && url ? `${method.toUpperCase()} ${url}` : url,
      status !== undefined && `HTTP ${status}`,
    ]
      .filter(Boolean)
      .join(', ');
    // Text a server sent back (an error body, a cause quoting a header) may echo a known secret.
    super(
      scrub(where ? `${message} (${where})` : message),
      cause === undefined ? cause : { cause },
    );
    // Own enumerable fields in toJSON order; `cause` stays out (Error makes it non-enumerable).
    Object.assign(this, { name: 'SearchAuthError', code, vendor, status, method, url });
    Object.assign(this, causeCode && { causeCode }, retryAfterMs !== undefined && { retryAfterMs });
  }

  /** The brand `isSearchAuthError` looks for. */
  get [BRAND](): true {
    return true;
  }

  toJSON(): Record<string, unknown> {
    return { ...(this as object), message: this.message };
  }
}

/** True for a SearchAuthError from any copy of this package or any realm. */
export function isSearchAuthError(value: unknown): value is SearchAuthError {
  return typeof value === 'object' && (value as Record<symbol, unknown> | null)?.[BRAND] === true;
}

/** Drops query and credentials from a URL: queries can carry codes, userinfo can carry passwords. */
export function stripQuery(url: string): string {
  try {
    // The origin never includes userinfo.
    const { origin, pathname } = new URL(url);
    return origin + pathname;
  } catch {
    return url.split(/[?#]/, 1)[0] as string;
  }
}
