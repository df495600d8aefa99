import type { ClientOptions } from '@searchauth/core';
import {
  CLIENT_OPTIONS,
  checkBaseUrl,
  checkOptions,
  isSecret,
  SearchAuthError,
  Secret,
} from './core.js';
import type { SparqueTokenParser } from './token-response.js';
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
  /**
   * Reads the token reply yourself: `(body) => ({ accessToken, expiresIn? })`, where `body` is the
   * parsed JSON or the text. The reply's format is not documented; by default a JSON string, plain
   * text, or an object with accessToken/AccessToken/token/Token/access_token is accepted.
   */
  parseTokenResponse?: SparqueTokenParser;
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
  parseTokenResponse: SparqueTokenParser | undefined;
}

/** ERR_INVALID_OPTIONS saying what `name` must be; never quotes the value. */
export const invalid = (name: string, must = 'a non-empty string') =>
  new SearchAuthError('ERR_INVALID_OPTIONS', `${name} must be ${must}`, { vendor: 'sparque' });

const text = (value: unknown, name: string) => {
  if (typeof value !== 'string' || !value.trim()) throw invalid(name);
  return value;
};

const fn = <F>(value: F, name: string) => {
  if (value !== undefined && typeof value !== 'function') throw invalid(name, 'a function');
  return value;
};

/** A non-empty string or a Secret, as a Secret. */
const secret = (value: unknown, name: string) =>
  Secret.from(isSecret(value) ? value : text(value, name));

export function resolveOptions(options: SparqueClientOptions): ResolvedSparqueOptions {
  checkOptions(
    options,
    `${CLIENT_OPTIONS} workspace clientId clientSecret api authBaseUrl apiBaseUrl version authContentType parseTokenResponse defaultLifetimeSeconds tokenTimeoutMs`,
    'createSparqueClient',
    'sparque',
  );
  const baseUrl = (value: unknown, name: string) =>
    checkBaseUrl(value, name, { vendor: 'sparque', allowInsecureHttp: options.allowInsecureHttp });
  return {
    workspace: text(options.workspace, 'workspace'),
    clientId: secret(options.clientId, 'clientId'),
    clientSecret: secret(options.clientSecret, 'clientSecret'),
    // api and version are checked with every query, which may also name its own api.
    api: options.api,
    authUrl: `${baseUrl(options.authBaseUrl ?? SPARQUE_HOSTS.auth, 'authBaseUrl')}/api/auth`,
    apiBaseUrl: baseUrl(options.apiBaseUrl ?? SPARQUE_HOSTS.api, 'apiBaseUrl'),
    version: String(options.version ?? 1),
    parseTokenResponse: fn(options.parseTokenResponse, 'parseTokenResponse'),
  };
}
