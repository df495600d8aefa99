import { createAuthFetch, httpError, jsonResponseGuard, type TokenManager } from '@searchauth/core';
import createClient, { type Client } from 'openapi-fetch';
import {
  type LucidworksIdentityOptions,
  type ResolvedLucidworksIdentity,
  resolveIdentityOptions,
} from './identity.js';
import { createScopeTokens, type ScopeTokenOptions } from './scope-tokens.js';
import { optionChecks } from './validate.js';

/** The options both Lucidworks API clients share: credentials, token knobs, the application host. */
export interface LucidworksClientOptions extends LucidworksIdentityOptions {
  /** Application ID; names the API host. */
  applicationId: string;
  /** API host. Default `https://{applicationId}.applications.lucidworks.com`. */
  apiBaseUrl?: string;
}

/** Checked client options: the identity options plus the application id and the API host. */
export interface ResolvedLucidworksClient extends ResolvedLucidworksIdentity {
  applicationId: string;
  apiBaseUrl: string;
}

/**
 * Checks what every Lucidworks client needs (an options object, the application id, credentials,
 * token URL and API host); failures are ERR_INVALID_OPTIONS / ERR_INSECURE_URL naming `vendor`.
 */
export function resolveClientOptions(
  options: LucidworksClientOptions,
  vendor: string,
): ResolvedLucidworksClient {
  const check = optionChecks(vendor);
  if (!options || typeof options !== 'object') throw check.invalid('options are required');
  const applicationId = check.hostLabel(options.applicationId, 'applicationId');
  return {
    applicationId,
    ...resolveIdentityOptions(options, vendor),
    apiBaseUrl: check.baseUrl(
      options.apiBaseUrl ?? `https://${applicationId}.applications.lucidworks.com`,
      'apiBaseUrl',
      options.allowInsecureHttp,
    ),
  };
}

/**
 * For one scope: its token manager, the authenticated fetch (the token goes to `baseUrl`'s origin
 * only), the generated client handed to callers (openapi-fetch's `{ data, error }`) and the client
 * behind the helper methods, on which a non-2xx final response throws core's typed HTTP error.
 */
export type ScopeClients<Paths extends {}> = [
  tokens: TokenManager,
  fetch: typeof fetch,
  client: Client<Paths>,
  api: Client<Paths>,
];

/** Binds the shared options once; the result builds the clients of one scope on one host. */
export function scopeClients(options: Omit<ScopeTokenOptions, 'scope' | 'mintRevokesPrevious'>) {
  const { vendor } = options;
  return <Paths extends {}>(
    scope: string,
    baseUrl: string,
    mintRevokesPrevious?: boolean,
  ): ScopeClients<Paths> => {
    const tokens = createScopeTokens({ ...options, scope, mintRevokesPrevious });
    const fetch = createAuthFetch({
      tokens,
      apiOrigin: baseUrl,
      fetch: options.fetch,
      retry: options.retry,
      timeoutMs: options.timeoutMs,
      clock: options.clock,
      random: options.random,
    });
    const api = createClient<Paths>({ baseUrl, fetch });
    api.use({
      async onResponse({ request, response }) {
        if (!response.ok) throw await httpError(response, { vendor, method: request.method });
      },
    });
    api.use(jsonResponseGuard(vendor));
    const client = createClient<Paths>({ baseUrl, fetch });
    client.use(jsonResponseGuard(vendor));
    return [tokens, fetch, client, api];
  };
}
