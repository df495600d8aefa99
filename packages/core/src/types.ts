import type { SearchAuthErrorCode } from './errors.js';
import type { Secret } from './secret.js';

/** What one token request returned, before expiry is resolved. */
export interface TokenResponse {
  accessToken: string;
  /** Lifetime in seconds from the moment of the response (OAuth2 `expires_in`). */
  expiresIn?: number;
  /** Absolute expiry, epoch milliseconds on the server's clock. */
  expiresAt?: number;
  /** A (possibly rotated) refresh token the server returned. */
  refreshToken?: string;
  scope?: string;
  /** The response's `Date` header as epoch milliseconds, used to learn the clock offset. */
  serverDate?: number;
}

/** Why the manager is asking for a token; a source may change its request (SPARQUE's ForceReauth). */
export interface TokenRequestContext {
  signal: AbortSignal;
  reason: 'initial' | 'refresh' | 'unauthorized';
  /** Set when reason is `unauthorized`: the token the API just rejected. */
  rejectedToken?: string;
}

/** Performs one vendor token request. Throws SearchAuthError on failure. */
export type TokenSource = (context: TokenRequestContext) => Promise<TokenResponse>;

/** A token as the store keeps it: expiry already resolved to the local clock. */
export interface StoredToken {
  accessToken: string;
  /** Local epoch ms when the token stops working; undefined = unknown (lives until a 401). */
  expiresAt?: number;
  /** Local epoch ms when it was obtained. */
  obtainedAt: number;
  scope?: string;
}

/** A cross-process lock held while one process mints (store-redis implements it). */
export interface TokenLease {
  release(): Promise<void>;
  /** Extends the lease to `ttlMs` from now; false when it was lost (expired or taken). Optional. */
  renew?(ttlMs: number): Promise<boolean>;
}

/** Where tokens are shared. Keys never contain a secret (see `tokenKey`). */
export interface TokenStore {
  get(key: string): Promise<StoredToken | undefined>;
  set(key: string, token: StoredToken): Promise<void>;
  /** Deletes the entry; when `ifAccessToken` is given, only if it still holds that token. */
  delete(key: string, ifAccessToken?: string): Promise<void>;
  /** Try to take the mint lease for `key`; undefined if another holder has it. */
  lease?(key: string, ttlMs: number): Promise<TokenLease | undefined>;
  /**
   * Resolves when `key` may have changed (a peer stored or deleted a token, or released the lease), or
   * after `ms`, whichever is first; resolves (never rejects) when `signal` aborts. Lets lease waiters
   * sleep until woken instead of polling. Optional: without it the manager polls with backoff.
   */
  waitForChange?(key: string, ms: number, signal: AbortSignal): Promise<void>;
}

/** Time as the engine sees it; inject one in tests. */
export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** What a TokenEvent reports: a cache hit or miss, a token request and its outcome, a drop, a lease wait. */
export type TokenEventType =
  | 'hit'
  | 'miss'
  | 'refresh-start'
  | 'refresh-success'
  | 'refresh-failure'
  | 'degraded'
  | 'invalidated'
  | 'lease-wait';

/** Events carry hashes and fingerprints only, never a secret or token. */
export interface TokenEvent {
  type: TokenEventType;
  /** The manager key (vendor, token URL, client-id hash, scope, tenant). */
  key: string;
  vendor: string;
  /** Fingerprint (first 12 hex of SHA-256) of the token concerned, when there is one. */
  tokenFingerprint?: string;
  /** Local epoch ms when the token concerned expires. */
  expiresAt?: number;
  error?: { code: SearchAuthErrorCode | string; message: string };
}

/** Counters of one TokenManager since it was created; `stats()` returns a copy. */
export interface TokenStats {
  /** Calls served from memory at once. hits + misses + waits = getToken calls. */
  hits: number;
  /** Calls that found no usable token: they started a token request or got the last failure back. */
  misses: number;
  /** Calls that waited for a token request another call had started. */
  waits: number;
  /** Token requests sent to the vendor. */
  mints: number;
  refreshes: number;
  failures: number;
  invalidations: number;
  degraded: number;
  leaseWaits: number;
}

/**
 * The parts of a manager key; the client id is hashed, never stored as is. Give every request
 * parameter that changes the token (scope, audience, resource, extraParams): tokens that differ in
 * any of them must not share a key.
 */
export interface TokenKeyParts {
  vendor: string;
  tokenUrl: string;
  clientId: string | Secret;
  scope?: string;
  tenant?: string;
  audience?: string;
  resource?: string | string[];
  extraParams?: Record<string, string>;
}

/** Options of `createTokenManager`: where tokens come from, the key they are kept under, and timing. */
export interface TokenManagerOptions {
  source: TokenSource;
  key: TokenKeyParts;
  /** Lifetime assumed when neither the response nor a JWT says (Squirro: 600). Seconds. */
  defaultLifetimeSeconds?: number;
  /** Refresh this long before expiry (seconds); capped at 25% of the lifetime. Default 300. */
  refreshMarginSeconds?: number;
  /** Minting a new token revokes the previous one (Lucidworks predict): never two mints in flight. */
  mintRevokesPrevious?: boolean;
  /**
   * The vendor promises JWT access tokens (Lucidworks): one that does not decode is
   * ERR_TOKEN_RESPONSE_INVALID. Without it a token that looks like a JWT is decoded when it can be.
   */
  expectJwt?: boolean;
  store?: TokenStore;
  /** Longest wait for one store call (get, set, delete, lease, release), ms. Default 1000. */
  storeTimeoutMs?: number;
  /**
   * Longest wait for one token request, ms; the mint lease lasts this plus 10 s. Default 30 000.
   */
  tokenRequestTimeoutMs?: number;
  clock?: Clock;
  random?: () => number;
  /** Token events; a listener that throws or returns a rejected promise is ignored. */
  onEvent?: (event: TokenEvent) => void;
}

/** One token per key, shared by every caller: create it with `createTokenManager`. */
export interface TokenManager {
  readonly vendor: string;
  /** A valid access token: cached, refreshed ahead of time, one request for any number of callers. */
  getToken(options?: { signal?: AbortSignal }): Promise<string>;
  /**
   * After the API rejected `rejectedToken` with 401: drops it only if it is still current, adopts a newer
   * token from the store if a peer wrote one, and otherwise mints once. Returns the token to replay with.
   */
  recoverFromUnauthorized(
    rejectedToken: string,
    options?: { signal?: AbortSignal },
  ): Promise<string>;
  stats(): TokenStats;
  dispose(): void;
}

/** When `createAuthFetch` retries a 429/502/503/504; `retry: false` turns retries off. */
export interface RetryOptions {
  /** Total attempts including the first. Default 3. */
  maxAttempts?: number;
  /** Base delay for exponential backoff with full jitter, ms. Default 200. */
  baseDelayMs?: number;
  /** Longest single wait, ms (Retry-After included). Default 10_000. */
  maxDelayMs?: number;
  /** Give up when the next wait would pass this budget since the first attempt, ms. Default 30_000. */
  budgetMs?: number;
  /** Statuses to retry. Default [429, 502, 503, 504]. */
  statuses?: number[];
  /** Also retry POST/PATCH (not idempotent). Default false. */
  retryNonIdempotent?: boolean;
}

/**
 * The options every vendor client passes through to core: where tokens are kept, how time and
 * randomness are read, how requests are sent, retried and timed out. Vendor option types extend it.
 */
export interface ClientOptions {
  /** Refresh this long before expiry, seconds; capped at 25% of the lifetime. */
  refreshMarginSeconds?: number;
  /** Where tokens are shared; default a bounded in-memory store per client. */
  store?: TokenStore;
  /** How long one call to `store` may take before the client carries on without it, ms. Default 1000. */
  storeTimeoutMs?: number;
  /** The fetch used for token and API requests; default `globalThis.fetch`. */
  fetch?: typeof fetch;
  clock?: Clock;
  random?: () => number;
  /** Token events (fingerprints only, never a token or secret). */
  onEvent?: (event: TokenEvent) => void;
  /** Retries of 429/502/503/504 on API requests; `false` turns them off. */
  retry?: RetryOptions | false;
  /** Per-attempt timeout for API requests, ms, including the wait for a token. */
  timeoutMs?: number;
  /** Allow http:// to hosts other than loopback. Credentials and tokens then travel in clear text. */
  allowInsecureHttp?: boolean;
}

/** Options of `createAuthFetch`: the token manager, the API origin(s) that get the token, limits. */
export interface AuthFetchOptions {
  tokens: TokenManager;
  /** Only requests to this origin get the bearer token (e.g. `https://app.applications.lucidworks.com`). */
  apiOrigin: string | string[];
  fetch?: typeof fetch;
  retry?: RetryOptions | false;
  /** Per-attempt timeout in ms, including the wait for a token. */
  timeoutMs?: number;
  /** Largest request body buffered for the one 401 replay. Default 1 MiB. */
  maxReplayBodyBytes?: number;
  clock?: Clock;
  random?: () => number;
}
