import { createHash } from 'node:crypto';

/** The Redis key of a core key, computed independently of the store: the documented format. */
export const keyName = (prefix: string, key: string) =>
  `${prefix}{${createHash('sha256').update(key).digest('base64url')}}`;
