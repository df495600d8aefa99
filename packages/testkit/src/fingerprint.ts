import { createHash } from 'node:crypto';

/** Same output as core's async `fingerprint`: the first 12 hex digits of SHA-256. */
export function fingerprintSync(value: string): string {
  return createHash('sha256').update(value).digest('hex').slice(0, 12);
}
