import type { TokenResponse } from '@searchauth/core';
import { SearchAuthError } from './core.js';

export interface RawTokenBody {
  text: string;
  contentType: string | null;
}

// RFC 6750 b64token: what fits after `Bearer `. Rejects HTML pages, quoted strings, "Bearer x", blanks.
const B64TOKEN = /^[\w\-.~+/]+=*$/;
// The object fields read, by name without `_`/`-` and lowercased; every other field is ignored.
const FIELDS = /^(accesstoken|token|tokentype|expiresin|expiresat)$/;
// Only full ISO 8601 date-times with a zone: Date.parse also takes local-time formats.
const ISO_INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/i;

/**
 * Reads SPARQUE's undocumented token response. Accepted, and nothing else:
 * - a JSON string (`"eyJ..."`),
 * - a plain-text token (text/plain or no content type),
 * - a JSON object with the token under accessToken / token / access_token (any case, `_` ignored) and
 *   optionally expiresIn / expires_in (seconds) or expiresAt (ISO 8601, epoch s or ms), token type Bearer.
 * Errors never quote the body: it may be a token.
 */
export function parseSparqueTokenResponse(body: RawTokenBody, url: string): TokenResponse {
  const fail = (why: string) =>
    new SearchAuthError('ERR_TOKEN_RESPONSE_INVALID', `SPARQUE token response ${why}`, {
      vendor: 'sparque',
      method: 'POST',
      url,
    });
  const type = (body.contentType ?? '').replace(/;.*/s, '').trim().toLowerCase();
  const json = /^application\/([\w.-]+\+)?json$/.test(type);
  if (type && !json && type !== 'text/plain') {
    throw fail(`has an unexpected content type (${type})`);
  }
  let value: unknown;
  try {
    value = JSON.parse(body.text);
  } catch {
    if (json) throw fail('declares JSON but is not valid JSON');
    value = body.text.trim();
  }
  if (typeof value === 'string') return { accessToken: checkToken(value, fail) };
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw fail('is JSON but neither a string nor an object');
  }

  // `access_token`, `accessToken` and `AccessToken` are one field; two spellings with different
  // values are ambiguous and rejected.
  const fields: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    const name = key.replace(/[_-]/g, '').toLowerCase();
    if (!FIELDS.test(name)) continue;
    if (name in fields && fields[name] !== field) {
      throw fail(`object spells ${name} twice with different values`);
    }
    fields[name] = field;
  }
  // Each token name stands in for the other when absent, so they differ only when both are given.
  const {
    accesstoken = fields.token,
    token = accesstoken,
    tokentype,
    expiresin,
    expiresat,
  } = fields;
  if (token === undefined) throw fail('object has no accessToken, token or access_token field');
  if (token !== accesstoken) throw fail('object has several different token fields');
  if (typeof token !== 'string') throw fail('token field is not a string');
  if (tokentype !== undefined && !(typeof tokentype === 'string' && /^bearer$/i.test(tokentype))) {
    throw fail('token type is not Bearer');
  }
  const response: TokenResponse = { accessToken: checkToken(token, fail) };
  if (expiresin !== undefined) {
    if (typeof expiresin !== 'number' || !(expiresin > 0 && expiresin < Infinity)) {
      throw fail('expiresIn is not a positive number of seconds');
    }
    if (expiresin > 31_536_000) throw fail('expiresIn is longer than a year');
    response.expiresIn = expiresin;
  }
  if (expiresat !== undefined) {
    // Before 1e9 (2001-09-09 in seconds) a number is no expiry in epoch seconds or ms; epoch
    // seconds stay below 1e11 until the year 5138, so anything larger is milliseconds.
    const at =
      typeof expiresat === 'number'
        ? expiresat >= 1e9 &&
          expiresat < Infinity &&
          (expiresat < 1e11 ? expiresat * 1e3 : expiresat)
        : typeof expiresat === 'string' && ISO_INSTANT.test(expiresat) && Date.parse(expiresat);
    if (!(at && (typeof expiresat === 'number' || at >= 1e12))) {
      throw fail('expiresAt is not an ISO 8601 date-time or epoch timestamp');
    }
    response.expiresAt = at;
  }
  return response;
}

function checkToken(token: string, fail: (why: string) => SearchAuthError): string {
  if (!token) throw fail('token is empty');
  if (token.length > 16_384) throw fail('token is too long');
  if (!B64TOKEN.test(token)) throw fail('is not a bearer token (unexpected characters)');
  return token;
}
