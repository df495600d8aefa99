import type { Secret } from '../secret.js';
import { parseTokenResponse } from '../token-http.js';
import { sendTokenRequest, type TokenRequestOptions } from '../token-request.js';
import type { TokenResponse } from '../types.js';

export interface FormOptions
  extends Pick<
    TokenRequestOptions,
    'vendor' | 'fetch' | 'allowInsecureHttp' | 'timeoutMs' | 'statusCodes'
  > {
  tokenUrl: string;
  /** `query`: parameters go in the query string and the body stays empty (Lucidworks). */
  paramsIn?: 'body' | 'query';
  clientAuth?: 'basic' | 'body';
}

/**
 * Sends form-encoded OAuth2 token requests for one source: returns a function that posts `params`
 * (plus the client credentials) and resolves with the validated response.
 */
export function formPoster(
  options: FormOptions,
  clientAuth: 'basic' | 'body',
  clientId?: Secret,
  clientSecret?: Secret,
) {
  const { vendor, tokenUrl } = options;
  const query = options.paramsIn === 'query';
  const basic = clientId && clientSecret && (options.clientAuth ?? clientAuth) === 'basic';
  return async (signal: AbortSignal, fields: Record<string, string>): Promise<TokenResponse> => {
    const params = new URLSearchParams(fields);
    // Credentials always go in a header or the body, never in a URL that proxies may log.
    const body = query ? new URLSearchParams() : params;
    const headers: Record<string, string> = {
      accept: 'application/json',
      'content-type': 'application/x-www-form-urlencoded',
    };
    if (basic) {
      // RFC 6749 §2.3.1: id and secret are form-urlencoded, then joined and base64-encoded.
      const pair = new URLSearchParams({ i: clientId.reveal(), s: clientSecret.reveal() });
      headers.authorization = `Basic ${btoa(`${pair}`.slice(2).replace('&s=', ':'))}`;
    } else {
      if (clientId) body.set('client_id', clientId.reveal());
      if (clientSecret) body.set('client_secret', clientSecret.reveal());
    }
    const url = query ? `${tokenUrl}${tokenUrl.includes('?') ? '&' : '?'}${params}` : tokenUrl;
    const { json, serverDate } = await sendTokenRequest({
      ...options,
      url,
      headers,
      body: `${body}`,
      signal,
    });
    return parseTokenResponse(json, { vendor, url, serverDate });
  };
}
