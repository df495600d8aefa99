import { type ClientOptions, isLoopback, SearchAuthError, Secret } from '@searchauth/core';

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
  /** Sent only when set, for servers that need the API named (Auth0-style). */
  audience?: string;
  /** How the client authenticates at the token endpoint. Default `basic` (the vendor's way). */
  clientAuth?: 'basic' | 'body';
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
  const vendor = options.vendor === undefined ? 'oauth2' : requireText(options.vendor, 'vendor');
  const allowHttp = options.allowInsecureHttp === true;
  const base = checkUrl(options.baseUrl, 'baseUrl', allowHttp, vendor);
  const tokenUrl =
    options.tokenUrl === undefined
      ? `${base}${DEFAULT_TOKEN_PATH}`
      : checkUrl(options.tokenUrl, 'tokenUrl', allowHttp, vendor);
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
  if (value instanceof Secret) return value;
  return Secret.from(requireText(value, name));
}

/** An http(s) URL without trailing slash, query or userinfo; http only to loopback unless allowed. */
function checkUrl(
  value: unknown,
  name: string,
  allowInsecureHttp: boolean,
  vendor: string,
): string {
  const text = requireText(value, name);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw invalid(`${name} is not a URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw invalid(`${name} must be an http(s) URL`);
  }
  if (url.username || url.password || url.search || url.hash) {
    throw invalid(`${name} must not carry credentials, a query or a fragment`);
  }
  if (url.protocol === 'http:' && !allowInsecureHttp && !isLoopback(url.hostname)) {
    throw new SearchAuthError(
      'ERR_INSECURE_URL',
      `${name} uses http:// to a non-loopback host; use https or set allowInsecureHttp`,
      { vendor, url: url.href },
    );
  }
  return url.href.replace(/\/+$/, '');
}

function invalid(message: string): SearchAuthError {
  return new SearchAuthError('ERR_INVALID_OPTIONS', `createOAuth2Client: ${message}`, {
    vendor: 'oauth2',
  });
}
