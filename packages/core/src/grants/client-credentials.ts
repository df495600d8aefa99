import { Secret } from '../secret.js';
import type { StatusCodes } from '../token-http.js';
import type { TokenSource } from '../types.js';
import { formPoster } from './form-request.js';

/** Options of `clientCredentials`: where the token endpoint is and how the client authenticates. */
export interface ClientCredentialsOptions {
  vendor: string;
  tokenUrl: string;
  clientId: string | Secret;
  clientSecret: string | Secret;
  /** Space-separated scopes; sent only when set. */
  scope?: string;
  audience?: string;
  /** `basic` (default): an Authorization header; `body`: client_id and client_secret form fields. */
  clientAuth?: 'basic' | 'body';
  /** Where grant_type, scope and audience go. `query` leaves the body empty (Lucidworks). */
  paramsIn?: 'body' | 'query';
  extraParams?: Record<string, string>;
  fetch?: typeof fetch;
  allowInsecureHttp?: boolean;
  /** Per token request, ms. Default 30 000. */
  timeoutMs?: number;
  /** Overrides the status -> error code map of `sendTokenRequest`. */
  statusCodes?: StatusCodes;
}

/** OAuth2 client credentials (RFC 6749 §4.4) as a TokenSource. */
export function clientCredentials(options: ClientCredentialsOptions): TokenSource {
  const { scope, audience } = options;
  const post = formPoster(
    options,
    'basic',
    Secret.from(options.clientId),
    Secret.from(options.clientSecret),
  );
  return ({ signal }) =>
    post(signal, {
      grant_type: 'client_credentials',
      ...(scope && { scope }),
      ...(audience && { audience }),
      ...options.extraParams,
    });
}
