import {
  clientCredentials,
  createAuthFetch,
  createTokenManager,
  jsonResponseGuard,
  type TokenManager,
} from '@searchauth/core';
import createClient, { type Client } from 'openapi-fetch';
import { type OAuth2ClientOptions, resolveOptions } from './options.js';

export interface OAuth2Client<Paths extends {}> {
  /** An openapi-fetch client typed by your `paths`, sending a cached bearer token to `baseUrl`. */
  client: Client<Paths>;
  /** The token manager: `getToken()`, `stats()`. */
  tokens: TokenManager;
  /** Stops background refresh timers. */
  dispose(): void;
}

/**
 * A client for any API behind OAuth 2.0 client credentials, typed by the `paths` that
 * openapi-typescript generated from your spec: `createOAuth2Client<paths>({ baseUrl, ... })`.
 */
export function createOAuth2Client<Paths extends {}>(
  options: OAuth2ClientOptions,
): OAuth2Client<Paths> {
  const resolved = resolveOptions(options);
  const source = clientCredentials({
    vendor: resolved.vendor,
    tokenUrl: resolved.tokenUrl,
    clientId: resolved.clientId,
    clientSecret: resolved.clientSecret,
    scope: resolved.scope,
    audience: resolved.audience,
    resource: options.resource,
    clientAuth: options.clientAuth ?? 'basic',
    basicEncoding: options.basicEncoding,
    extraParams: options.extraParams,
    fetch: options.fetch,
    allowInsecureHttp: options.allowInsecureHttp,
    timeoutMs: options.tokenTimeoutMs,
    // The vendor documents 401 for bad credentials and 403 for missing permissions.
    statusCodes: { 401: 'ERR_INVALID_CLIENT', 403: 'ERR_FORBIDDEN' },
  });
  const tokens = createTokenManager({
    source,
    key: {
      vendor: resolved.vendor,
      tokenUrl: resolved.tokenUrl,
      clientId: resolved.clientId,
      scope: resolved.scope,
      // Tokens for different audiences, resources or parameters are different tokens.
      audience: resolved.audience,
      resource: options.resource,
      extraParams: options.extraParams,
    },
    refreshMarginSeconds: options.refreshMarginSeconds,
    store: options.store,
    storeTimeoutMs: options.storeTimeoutMs,
    tokenRequestTimeoutMs: options.tokenTimeoutMs,
    clock: options.clock,
    random: options.random,
    onEvent: options.onEvent,
  });
  const authFetch = createAuthFetch({
    tokens,
    apiOrigin: new URL(resolved.baseUrl).origin,
    fetch: options.fetch,
    retry: options.retry,
    timeoutMs: options.timeoutMs,
    clock: options.clock,
    random: options.random,
  });
  const client = createClient<Paths>({ baseUrl: resolved.baseUrl, fetch: authFetch });
  client.use(jsonResponseGuard(resolved.vendor));
  return {
    client,
    tokens,
    dispose: () => tokens.dispose(),
  };
}
