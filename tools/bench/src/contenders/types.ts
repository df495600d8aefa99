import type { TokenStore } from '@searchauth/core';

/** What a contender instance is built from: the stand-in vendor and its own client id. */
export interface Setup {
  origin: string;
  /** Unique per contender and scenario run: the server counts per client id. */
  clientId: string;
  clientSecret: string;
  /** A store shared by several instances (only contenders with `sharesStore` use it). */
  store?: TokenStore;
  /** The vendor revokes the previous token on every mint (Lucidworks predict). */
  mintRevokesPrevious?: boolean;
}

/** One client as an application holds it. */
export interface Instance {
  /** One authenticated GET of the API; rejects when the caller would see a failure (non-2xx too). */
  get(path: string): Promise<void>;
  dispose(): void;
}

/** One library (or pattern) under test, wired the way its own documentation shows. */
export interface Contender {
  name: string;
  /** One line for the README: what is measured and how it is wired. */
  wiring: string;
  /** Part of searchauth: its targets are checked. */
  searchauth?: boolean;
  /** Accepts a shared token store (the revocation scenario's second half). */
  sharesStore?: boolean;
  create(setup: Setup): Instance;
  /**
   * Memory scenario: caches a token for each of `tenants` tenants the way this library serves many
   * tenants, with `fetch` answering token requests in-process, calling `after(n)` once n tenants are
   * cached (everything cached so far still reachable).
   */
  cacheTenants?(
    tenants: number,
    cap: number,
    fetch: typeof globalThis.fetch,
    after: (count: number) => void,
  ): Promise<void>;
}

/** A failed call as callers see it. */
export class CallFailed extends Error {}

/** Throws CallFailed for a non-2xx status, after draining the body. */
export async function expectOk(response: Response): Promise<void> {
  await response.arrayBuffer();
  if (!response.ok) throw new CallFailed(`HTTP ${response.status}`);
}

/** A token endpoint answer the way every contender reads it. */
export interface TokenBody {
  access_token: string;
  expires_in?: number;
}

/** A client-credentials token request with Basic auth, as the hand-written contenders send it. */
export async function requestToken(setup: Setup, send = globalThis.fetch): Promise<TokenBody> {
  const response = await send(`${setup.origin}/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${btoa(`${setup.clientId}:${setup.clientSecret}`)}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: 'grant_type=client_credentials',
  });
  if (!response.ok) {
    await response.arrayBuffer();
    throw new CallFailed(`token endpoint answered ${response.status}`);
  }
  return (await response.json()) as TokenBody;
}
