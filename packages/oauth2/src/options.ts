import {
  CLIENT_OPTIONS,
  type ClientOptions,
  checkBaseUrl,
  checkOptions,
  isSecret,
  SearchAuthError,
  Secret,
} from '@searchauth/core';

/** The token path the vendor documents; `tokenUrl` overrides it. */
export const DEFAULT_TOKEN_PATH = '/oauth/v2/token';

export interface OAuth2ClientOptions extends ClientOptions {
  /** Base URL of the API your spec describes; the bearer token is only sent to its origin. */
  baseUrl: string;
  /** Token endpoint. Default `${baseUrl}/oauth/v2/token`. */
  tokenUrl?: string;
  clientId: string | Secret;
  clientSecret: string | Secret;
  /** Space-separated scopes, sent only when set. */
  scope?: string;
  /** Sent as `audience=` only when set, for servers that name the API that way (Auth0). */
  audience?: string;
  /**
   * Sent as one `resource=` per value (RFC 8707), for servers that name the API that way
   * (oidc-provider and other RFC 8707 servers ignore `audience`).
   */
  resource?: string | string[];
  /** How the client authenticates at the token endpoint. Default `basic` (the vendor's way). */
  clientAuth?: 'basic' | 'body';
  /**
   * How Basic credentials are encoded. `rfc6749` (default) form-urlencodes id and secret first
   * (RFC 6749 §2.3.1); `plain` sends base64 of `id:secret` as they are. They differ only when the
   * id or secret holds characters other than letters, digits and `-._*`.
   */
  basicEncoding?: 'rfc6749' | 'plain';
  /** More form fields for the token request. */
  extraParams?: Record<string, string>;
  /** Name used in errors, events and the token key. Default `oauth2`. */
  vendor?: string;
  /** Timeout for one token request, ms. */
  tokenTimeoutMs?: number;
}

export interface ResolvedOAuth2Options {
  vendor: string;
  baseUrl: string;
  tokenUrl: string;
  clientId: Secret;
  clientSecret: Secret;
  scope: string | undefined;
  audience: string | undefined;
}

export function resolveOptions(options: OAuth2ClientOptions): ResolvedOAuth2Options {
  if (typeof options !== 'object' || options === null) throw invalid('options are required');
  checkOptions(
    options,
    `${CLIENT_OPTIONS} baseUrl tokenUrl clientId clientSecret scope audience resource clientAuth basicEncoding extraParams vendor tokenTimeoutMs`,
    'createOAuth2Client',
    'oauth2',
  );
  const vendor = options.vendor === undefined ? 'oauth2' : requireText(options.vendor, 'vendor');
  const urlOptions = { vendor, allowInsecureHttp: options.allowInsecureHttp };
  const base = checkBaseUrl(options.baseUrl, 'baseUrl', urlOptions);
  const tokenUrl =
    options.tokenUrl === undefined
      ? `${base}${DEFAULT_TOKEN_PATH}`
      : checkBaseUrl(options.tokenUrl, 'tokenUrl', urlOptions);
  return {
    vendor,
    baseUrl: base,
    tokenUrl,
    clientId: requireSecret(options.clientId, 'clientId'),
    clientSecret: requireSecret(options.clientSecret, 'clientSecret'),
    scope: optionalText(options.scope, 'scope'),
    audience: optionalText(options.audience, 'audience'),
  };
}

function requireText(value: unknown, name: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw invalid(`${name} must be a non-empty string`);
  }
  return value;
}

function optionalText(value: unknown, name: string): string | undefined {
  return value === undefined ? undefined : requireText(value, name);
}

function requireSecret(value: unknown, name: string): Secret {
  if (isSecret(value)) return value;
  return Secret.from(requireText(value, name));
}

function invalid(message: string): SearchAuthError {
  return new SearchAuthError('ERR_INVALID_OPTIONS', `createOAuth2Client: ${message}`, {
    vendor: 'oauth2',
  });
}
