import type { Secret } from '../secret.js';
import { parseTokenResponse } from '../token-http.js';
import { checkTokenUrl, sendTokenRequest, type TokenRequestOptions } from '../token-request.js';
import type { TokenResponse } from '../types.js';

export interface FormOptions
  extends Pick<
    TokenRequestOptions,
    'vendor' | 'fetch' | 'allowInsecureHttp' | 'timeoutMs' | 'statusCodes' | 'urlOption'
  > {
  tokenUrl: string;
  /** `query`: parameters go in the query string and the body stays empty (Lucidworks). */
  paramsIn?: 'body' | 'query';
  clientAuth?: 'basic' | 'body';
  basicEncoding?: 'rfc6749' | 'plain';
}

/** The option rules (see `checkOptions`) every form-posting grant shares. */
export const FORM_RULES =
  'vendor:s! tokenUrl:s! clientAuth:basic|body basicEncoding:rfc6749|plain extraParams:o fetch:f allowInsecureHttp:b timeoutMs:p statusCodes:o urlOption:s';

// btoa takes Latin-1 only: send the UTF-8 bytes, as servers decode them.
const base64 = (text: string) => btoa(String.fromCharCode(...new TextEncoder().encode(text)));

/**
 * Sends form-encoded OAuth2 token requests for one source: returns a function that posts `params`
 * (plus the client credentials) and resolves with the validated response. `inspect` sees the parsed
 * reply before it is validated (a rotated refresh token must survive a reply that is otherwise bad).
 */
export function formPoster(
  options: FormOptions,
  clientAuth: 'basic' | 'body',
  clientId?: Secret,
  clientSecret?: Secret,
  inspect?: (json: unknown) => Promise<void>,
) {
  const { vendor, tokenUrl } = options;
  // Refused when the source is created, not at the first token request.
  checkTokenUrl(tokenUrl, options.allowInsecureHttp, vendor, options.urlOption);
  const query = options.paramsIn === 'query';
  const basic = clientId && clientSecret && (options.clientAuth ?? clientAuth) === 'basic';
  return async (signal: AbortSignal, fields: URLSearchParams): Promise<TokenResponse> => {
    const params = new URLSearchParams(fields);
    // Credentials always go in a header or the body, never in a URL that proxies may log.
    const body = query ? new URLSearchParams() : params;
    const headers: Record<string, string> = {
      accept: 'application/json',
      'content-type': 'application/x-www-form-urlencoded',
    };
    if (basic) {
      const [id, secret] = [clientId.reveal(), clientSecret.reveal()];
      // RFC 6749 §2.3.1: id and secret are form-urlencoded, then joined and base64-encoded;
      // `plain` joins them as they are, for servers that do not decode.
      const pair = new URLSearchParams({ i: id, s: secret });
      headers.authorization = `Basic ${base64(
        options.basicEncoding === 'plain'
          ? `${id}:${secret}`
          : `${pair}`.slice(2).replace('&s=', ':'),
      )}`;
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
    await inspect?.(json);
    return parseTokenResponse(json, { vendor, url, serverDate });
  };
}
