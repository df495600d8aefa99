import type { TokenResponse } from '@searchauth/core';
import { parseTokenResponse } from './core.js';

/**
 * Reads SPARQUE's undocumented token response: JSON if it parses, else plain text. Accepted:
 * - a JSON string or a plain-text token, RFC 6750 characters only (no HTML page, no "Bearer x"),
 * - a JSON object with the token under accessToken, token or access_token and optionally the
 *   lifetime in seconds under expiresIn or expires_in.
 * Core validates the result like any OAuth2 response; errors never quote the body.
 */
export function parseSparqueTokenResponse(
  reply: { text: string; serverDate?: number },
  url: string,
): TokenResponse {
  let body: unknown;
  try {
    body = JSON.parse(reply.text);
  } catch {
    body = reply.text.trim();
  }
  // Object(null) is {}: core then reports the missing access_token.
  const fields = Object(body);
  return parseTokenResponse(
    typeof body === 'string'
      ? { access_token: /^[\w\-.~+/]+=*$/.test(body) && body }
      : {
          ...fields,
          access_token: fields.accessToken ?? fields.token ?? fields.access_token,
          expires_in: fields.expiresIn ?? fields.expires_in,
        },
    { vendor: 'sparque', url, serverDate: reply.serverDate },
  );
}
