import type { Fault } from './faults.js';

/** The vendors the simulator can stand in for. */
export const VENDORS = [
  'sparque',
  'lucidworks-springboard',
  'lucidworks-ai',
  'squirro',
  'oauth2',
] as const;
/** One of `VENDORS`. */
export type VendorName = (typeof VENDORS)[number];

/** Options of `startSimulator`; every field is optional. */
export interface SimulatorOptions {
  /** Which vendors to start; default all. */
  vendors?: readonly VendorName[];
  /**
   * First port; every host takes the next one in a fixed order (see README). Default 0: each host
   * gets a free port from the OS.
   */
  port?: number;
  /** Only loopback is allowed: `127.0.0.1` (default). Anything else is refused. */
  host?: string;
  /** Access-token lifetime in seconds, for all vendors or per vendor. Defaults: Squirro 600, others 3600. */
  tokenLifetimeSeconds?: number | Partial<Record<VendorName, number>>;
  /** Faults active from the start; change them later with `setFaults`. */
  faults?: readonly Fault[];
  /** Seed of the generated corpus (default 42). */
  seed?: number | string;
  /** Number of generated documents (default 300). */
  corpusSize?: number;
  /** The simulator's clock in epoch ms (default `Date.now`); `advanceClock` shifts it further. */
  now?: () => number;
  /** Replace some test credentials, per vendor. */
  credentials?: { [V in VendorName]?: Partial<SimulatorCredentials[V]> };
  /**
   * Squirro: every token response carries a new refresh token and the one sent is revoked (410 from
   * then on); `credentials.squirro.refreshToken` follows the newest. Default false (the same token).
   */
  rotateRefreshTokens?: boolean;
  /**
   * Squirro: a login while the user's newest access token is still valid answers with that token
   * instead of a new one, as nodes of a multi-node cluster do (Squirro's SDK logs in again until the
   * token changes). Default false (every login mints).
   */
  squirroReusesAccessTokens?: boolean;
  /**
   * SPARQUE: the role of the M2M account. `'Data Provider'` (an account without the "API Usage"
   * role) still gets tokens, but every Query API call answers 401: use it to test that a client does
   * not burn the token quota retrying. Default `'API Usage'`.
   */
  sparqueAccountRole?: 'API Usage' | 'Data Provider';
  /** How many polls of an async Lucidworks AI job answer `SUBMITTED` before `READY` (default 1). */
  asyncPollsUntilReady?: number;
}

/** Where each started vendor listens: full token URLs and API origins, all on 127.0.0.1. */
export interface SimulatorUrls {
  sparque: {
    /** Full URL of `POST /api/auth` (the token storage "wrapper" host). */
    tokenUrl: string;
    /** Origin of the token storage host. */
    authBaseUrl: string;
    /** Origin of the Query API host (`/{version}/{workspace}/api/{api}/...`). */
    baseUrl: string;
  };
  'lucidworks-springboard': {
    /** Full URL of `POST /oauth2/{authServerId}/v1/token`. */
    tokenUrl: string;
    identityBaseUrl: string;
    /** Application host: `/query/...` and the push API. */
    baseUrl: string;
  };
  'lucidworks-ai': {
    tokenUrl: string;
    identityBaseUrl: string;
    /** Application host: `/ai/...`. */
    baseUrl: string;
    /** Platform host: `/customers/{customerId}/ai/models`. */
    platformBaseUrl: string;
  };
  squirro: {
    /** Full URL of `POST /api/user/oauth2/token`. */
    tokenUrl: string;
    /** Cluster origin: token endpoint and `/api/topic/v0/...`. */
    baseUrl: string;
  };
  oauth2: {
    /** Full URL of `POST /oauth/v2/token`. */
    tokenUrl: string;
    /** Origin of the token endpoint and the small protected API (`GET /v1/search`). */
    baseUrl: string;
  };
}

/** The test credentials of every vendor (fixed values; see the README table). */
export interface SimulatorCredentials {
  sparque: {
    workspace: string;
    api: string;
    version: string;
    config: string;
    clientId: string;
    clientSecret: string;
  };
  'lucidworks-springboard': {
    clientId: string;
    clientSecret: string;
    authServerId: string;
    applicationId: string;
    datasourceId: string;
    /** Scopes this client may request. */
    scopes: string[];
  };
  'lucidworks-ai': {
    clientId: string;
    clientSecret: string;
    authServerId: string;
    applicationId: string;
    customerId: string;
    scopes: string[];
  };
  squirro: {
    /** The "user token" from Settings → API Access: the refresh token. */
    refreshToken: string;
    /** A refresh token that exists but was revoked: the token endpoint answers 410. */
    revokedRefreshToken: string;
    tenant: string;
    projectId: string;
    userId: string;
  };
  oauth2: { clientId: string; clientSecret: string };
}

/**
 * One request the simulator received, logged once when answered or dropped. Holds no secrets:
 * credentials are fingerprinted.
 */
export interface RequestRecord {
  /** 1, 2, 3... in arrival order. */
  seq: number;
  vendor: VendorName;
  /** Route name, e.g. `token`, `search`, `items-query`; `unknown` when no route matched. */
  endpoint: string;
  method: string;
  /** Path without the query string. */
  path: string;
  /** The raw query string including `?`, or ''. */
  query: string;
  /**
   * HTTP status sent; 0 when no response reached the client: a `reset` fault, or the connection
   * closed first (the client hung up during latency or while sending its body, or `stop()`).
   */
  status: number;
  /** Scheme and fingerprint (first 12 hex of SHA-256, as core's `fingerprint`) of the credential. */
  authorization?: { scheme: string; fingerprint: string };
  /** Kinds of the faults that shaped this response. */
  faults: string[];
  /** Simulator clock (epoch ms) when the request arrived. */
  at: number;
}

/** One token the simulator minted. */
export interface MintRecord {
  vendor: VendorName;
  /** Space-separated scopes (Lucidworks, OAuth2) or undefined. */
  scope?: string;
  /** Client id, workspace/client or Squirro user the token belongs to. */
  subject: string;
  /** Fingerprint of the access token. */
  fingerprint: string;
  /** Simulator clock (epoch ms). */
  at: number;
  expiresAt: number;
}
