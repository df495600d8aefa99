import type { TokenResponse } from '@searchauth/core';
import { isSearchAuthError, parseTokenResponse, SearchAuthError } from './core.js';

/** What a `parseTokenResponse` option returns: the token and, if the reply says, its lifetime (s). */
export interface SparqueTokenFields {
  accessToken: string;
  expiresIn?: number;
}

/**
 * Reads the token reply yourself, for a format the built-in reading does not know. `body` is the
 * parsed JSON, or the trimmed text when the reply is not JSON. The result is validated like any
 * token response (a token of visible ASCII, a lifetime over 0 and at most a year).
 */
export type SparqueTokenParser = (body: unknown) => SparqueTokenFields;

/**
 * Reads SPARQUE's undocumented token response: JSON if it parses, else plain text. Accepted:
 * - a JSON string or a plain-text token, RFC 6750 characters only (no HTML page, no "Bearer x"),
 * - a JSON object with the token under accessToken, AccessToken, token, Token or access_token and
 *   optionally the lifetime in seconds under expiresIn, ExpiresIn or expires_in (the request's
 *   fields are PascalCase, so the reply's may be too).
 * `parse` replaces that reading. Core validates the result like any OAuth2 response; errors never
 * quote the body.
 */
export function parseSparqueTokenResponse(
  reply: { text: string; serverDate?: number },
  url: string,
  parse?: SparqueTokenParser,
): TokenResponse {
  let body: unknown;
  try {
    body = JSON.parse(reply.text);
  } catch {
    body = reply.text.trim();
  }
  const where = { vendor: 'sparque', url, serverDate: reply.serverDate };
  if (parse) {
    let fields: SparqueTokenFields;
    try {
      fields = parse(body);
    } catch (error) {
      // The parser's own error may quote the body, which holds the token: not kept as the cause.
      if (isSearchAuthError(error)) throw error;
      throw new SearchAuthError(
        'ERR_TOKEN_RESPONSE_INVALID',
        'invalid token response: parseTokenResponse threw',
        { vendor: 'sparque', url },
      );
    }
    const { accessToken, expiresIn } = Object(fields);
    return parseTokenResponse({ access_token: accessToken, expires_in: expiresIn }, where);
  }
  // Object(null) is {}: core then reports the missing access_token.
  const fields = Object(body);
  return parseTokenResponse(
    typeof body === 'string'
      ? { access_token: /^[\w\-.~+/]+=*$/.test(body) && body }
      : {
          ...fields,
          access_token:
            fields.accessToken ??
            fields.AccessToken ??
            fields.token ??
            fields.Token ??
            fields.access_token,
          expires_in: fields.expiresIn ?? fields.ExpiresIn ?? fields.expires_in,
        },
    where,
  );
}
