import type { ClientOptions } from '@searchauth/core';
import { isLoopback, SearchAuthError, Secret } from './core.js';
import type { AuthContentType } from './token-source.js';

/** SPARQUE's hosts. The UAT wrapper host gets API releases about a week before production. */
export const SPARQUE_HOSTS = {
  auth: 'https://api.search.sparque.ai',
  uatAuth: 'https://uat.api.search.sparque.ai',
  api: 'https://rest.sparque.ai',
} as const;

export interface SparqueClientOptions extends ClientOptions {
  /** Workspace name: the token request's WorkspaceName and the Query API path segment. */
  workspace: string;
  /** M2M ("System-to-System") account credentials from SPARQUE Desk. */
  clientId: string | Secret;
  clientSecret: string | Secret;
  /** Default API name for `query()`; a query may name another. */
  api?: string;
  /** Token Storage API host. Default `https://api.search.sparque.ai` (UAT: SPARQUE_HOSTS.uatAuth). */
  authBaseUrl?: string;
  /** Query API host. Default `https://rest.sparque.ai`. */
  apiBaseUrl?: string;
  /** Query API version path segment. Default `'1'`. */
  version?: string | number;
  /** Media type of the token request body. Default `application/json`. */
  authContentType?: AuthContentType;
  /** Lifetime assumed for an opaque token with no expiry in the response. Default 3600 s. */
  defaultLifetimeSeconds?: number;
  /** Timeout for one token request, ms. Default 30 000. */
  tokenTimeoutMs?: number;
}

export interface ResolvedSparqueOptions {
  workspace: string;
  clientId: Secret;
  clientSecret: Secret;
  api: string | undefined;
  authUrl: string;
  apiBaseUrl: string;
  version: string;
}

export function resolveOptions(options: SparqueClientOptions): ResolvedSparqueOptions {
  if (!options || typeof options !== 'object') throw invalid('options are required');
  const { api, allowInsecureHttp } = options;
  return {
    workspace: requireText(options.workspace, 'workspace'),
    clientId: Secret.from(requireSecret(options.clientId, 'clientId')),
    clientSecret: Secret.from(requireSecret(options.clientSecret, 'clientSecret')),
    api: api === undefined ? api : requireText(api, 'api'),
    authUrl: `${baseUrl(options.authBaseUrl ?? SPARQUE_HOSTS.auth, 'authBaseUrl', allowInsecureHttp)}/api/auth`,
    apiBaseUrl: baseUrl(options.apiBaseUrl ?? SPARQUE_HOSTS.api, 'apiBaseUrl', allowInsecureHttp),
    version: requireText(String(options.version ?? 1), 'version'),
  };
}

function requireText(value: unknown, name: string): string {
  if (typeof value !== 'string' || !value.trim())
    throw invalid(`${name} must be a non-empty string`);
  return value;
}

const requireSecret = (value: unknown, name: string) =>
  value instanceof Secret ? value : requireText(value, name);

/** A base URL without trailing slash, query or userinfo; https, or http to loopback. */
function baseUrl(value: unknown, name: string, allowInsecureHttp?: boolean): string {
  const text = requireText(value, name);
  const url = URL.canParse(text) ? new URL(text) : undefined;
  if (
    !url ||
    !/^https?:$/.test(url.protocol) ||
    url.username ||
    url.password ||
    url.search ||
    url.hash
  ) {
    throw invalid(`${name} must be an http(s) URL without credentials, query or fragment`);
  }
  if (url.protocol === 'http:' && !allowInsecureHttp && !isLoopback(url.hostname)) {
    throw new SearchAuthError(
      'ERR_INSECURE_URL',
      `${name} uses http:// to a non-loopback host; use https or set allowInsecureHttp`,
      { vendor: 'sparque', url: url.href },
    );
  }
  return url.href.replace(/\/+$/, '');
}

export function invalid(message: string, cause?: unknown): SearchAuthError {
  return new SearchAuthError('ERR_INVALID_OPTIONS', message, { vendor: 'sparque', cause });
}
