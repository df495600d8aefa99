import { stripQuery } from './errors.js';
import { reveal } from './secret.js';
import { sha256Hex } from './sha256.js';
import type { TokenKeyParts } from './types.js';

const hash16 = async (text: string) => (await sha256Hex(text)).slice(0, 16);

/**
 * `vendor|token URL|client-id hash|scope|tenant`, plus `|` and a hash of audience, resource and
 * extraParams when any is given: one token per key, shared through a store. The client id and the
 * parameters are hashed (first 16 hex of SHA-256) and the URL loses its query and userinfo, so a key
 * can be logged and used as a store key without carrying a credential.
 */
export async function tokenKey(parts: TokenKeyParts): Promise<string> {
  const { audience, resource, extraParams } = parts;
  const params =
    audience || resource || extraParams
      ? JSON.stringify([
          audience,
          [resource ?? []].flat().sort(),
          Object.entries(extraParams ?? {}).sort(),
        ])
      : '';
  return [
    parts.vendor,
    stripQuery(parts.tokenUrl),
    await hash16(reveal(parts.clientId) as string),
    parts.scope ?? '',
    parts.tenant ?? '',
    ...(params ? [await hash16(params)] : []),
  ].join('|');
}
