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
  | 'ERR_LIMIT_EXCEEDED';

export interface SearchAuthErrorOptions {
  /** Vendor name, e.g. `lucidworks-ai`. */
  vendor?: string;
  /** HTTP status of the response that caused the error, when there was one. */
  status?: number;
  /** HTTP method of the failed request. */
  method?: string;
  /** URL of the failed request, without its query string (which may carry scopes or ids only). */
  url?: string;
  cause?: unknown;
}

// A registered symbol survives realms (iframes, vm contexts, duplicated package copies), unlike instanceof.
const BRAND = Symbol.for('searchauth.error');

/**
 * The one error class searchauth throws. Its message names vendor, method, URL and status and never a
 * secret or token; `code` is stable across versions.
 */
export class SearchAuthError extends Error {
  override readonly name = 'SearchAuthError';
  readonly code: SearchAuthErrorCode;
  readonly vendor: string | undefined;
  readonly status: number | undefined;
  readonly method: string | undefined;
  readonly url: string | undefined;

  constructor(code: SearchAuthErrorCode, message: string, options: SearchAuthErrorOptions = {}) {
    super(
      describe(message, options),
      options.cause === undefined ? undefined : { cause: options.cause },
    );
    this.code = code;
    this.vendor = options.vendor;
    this.status = options.status;
    this.method = options.method;
    this.url = options.url === undefined ? undefined : stripQuery(options.url);
    Object.defineProperty(this, BRAND, { value: true });
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      vendor: this.vendor,
      status: this.status,
      method: this.method,
      url: this.url,
    };
  }
}

/** True for a SearchAuthError from any copy of this package or any realm. */
export function isSearchAuthError(value: unknown): value is SearchAuthError {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as Record<symbol, unknown>)[BRAND] === true
  );
}

function describe(message: string, options: SearchAuthErrorOptions): string {
  const where = [
    options.vendor,
    options.method && options.url
      ? `${options.method.toUpperCase()} ${stripQuery(options.url)}`
      : options.url && stripQuery(options.url),
    options.status === undefined ? undefined : `HTTP ${options.status}`,
  ].filter(Boolean);
  return where.length > 0 ? `${message} (${where.join(', ')})` : message;
}

/** Drops query and credentials from a URL: queries can carry codes, userinfo can carry passwords. */
export function stripQuery(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return url.split(/[?#]/, 1)[0] ?? '';
  }
}
