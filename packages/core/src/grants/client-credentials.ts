import { checkOptions } from '../options.js';
import { Secret } from '../secret.js';
import type { StatusCodes } from '../token-http.js';
import type { TokenSource } from '../types.js';
import { FORM_RULES, formPoster } from './form-request.js';

/** Options of `clientCredentials`: where the token endpoint is and how the client authenticates. */
export interface ClientCredentialsOptions {
  vendor: string;
  tokenUrl: string;
  clientId: string | Secret;
  clientSecret: string | Secret;
  /** Space-separated scopes; sent only when set. */
  scope?: string;
  /** Sent as `audience=` (Auth0's form); sent only when set. */
  audience?: string;
  /** Sent as one `resource=` per value (RFC 8707: oidc-provider and other RFC 8707 servers). */
  resource?: string | string[];
  /** `basic` (default): an Authorization header; `body`: client_id and client_secret form fields. */
  clientAuth?: 'basic' | 'body';
  /**
   * How Basic credentials are encoded: `rfc6749` (default) form-urlencodes id and secret before
   * joining them (RFC 6749 §2.3.1); `plain` joins them as they are, for servers that do not decode.
   * They differ only for characters other than letters, digits and `-._*`.
   */
  basicEncoding?: 'rfc6749' | 'plain';
  /** Where grant_type, scope and audience go. `query` leaves the body empty (Lucidworks). */
  paramsIn?: 'body' | 'query';
  extraParams?: Record<string, string>;
  fetch?: typeof fetch;
  allowInsecureHttp?: boolean;
  /** Per token request, ms. Default 30 000. */
  timeoutMs?: number;
  /** Overrides the status (or OAuth error) -> error code map of `sendTokenRequest`. */
  statusCodes?: StatusCodes;
  /** The option named when the token URL answers 404. Default `tokenUrl`. */
  urlOption?: string;
}

/** OAuth2 client credentials (RFC 6749 §4.4) as a TokenSource. */
export function clientCredentials(options: ClientCredentialsOptions): TokenSource {
  checkOptions(
    options,
    `${FORM_RULES} clientId:c! clientSecret:c! scope:s audience:s resource:a paramsIn:body|query`,
    'clientCredentials',
    options?.vendor,
  );
  const { scope, audience } = options;
  const post = formPoster(
    options,
    'basic',
    Secret.from(options.clientId),
    Secret.from(options.clientSecret),
  );
  const params = new URLSearchParams({
    grant_type: 'client_credentials',
    ...(scope && { scope }),
    ...(audience && { audience }),
    ...options.extraParams,
  });
  for (const resource of [options.resource ?? []].flat()) params.append('resource', resource);
  return ({ signal }) => post(signal, params);
}
