import { stripQuery } from './errors.js';
import { reveal } from './secret.js';
import { sha256Hex } from './sha256.js';
import type { TokenKeyParts } from './types.js';

/**
 * `vendor|token URL|client-id hash|scope|tenant`: one token per key, shared through a store. The
 * client id is hashed (first 16 hex of SHA-256) and the URL loses its query and userinfo, so a key
 * can be logged and used as a store key without carrying a credential.
 */
export async function tokenKey(parts: TokenKeyParts): Promise<string> {
  return [
    parts.vendor,
    stripQuery(parts.tokenUrl),
    (await sha256Hex(reveal(parts.clientId) as string)).slice(0, 16),
    parts.scope ?? '',
    parts.tenant ?? '',
  ].join('|');
}
