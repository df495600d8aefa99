import { type Clock, SearchAuthError } from '@searchauth/core';
import type { Cluster, Redis } from 'ioredis';
import type { EncryptionKey } from './codec.js';

/** An ioredis client: a `Redis` (standalone, Sentinel, Valkey) or a `Cluster`. */
export type RedisClient = Redis | Cluster;

/** Options of `redisTokenStore`. */
export interface RedisTokenStoreOptions {
  /** Your ioredis client; the store never closes it. */
  client: RedisClient;
  /** Start of every key the store writes. Default `searchauth:`. */
  prefix?: string;
  /**
   * Encrypts values at rest with AES-256-GCM: the first key encrypts, every key decrypts (rotate by
   * putting the new key first and keeping the old one until its tokens have expired).
   */
  encryptionKeys?: EncryptionKey[];
  /** Local time, to turn Redis's remaining lifetimes into local expiry; default the system clock. */
  clock?: Clock;
}

const KNOWN = ['client', 'prefix', 'encryptionKeys', 'clock'];

const invalid = (message: string) =>
  new SearchAuthError('ERR_INVALID_OPTIONS', `redisTokenStore: ${message}`);

/** Letters in common, in order: enough to point at the option a typo meant. */
const likeness = (a: string, b: string) => {
  let i = 0;
  for (const c of b.toLowerCase()) if (a.toLowerCase()[i] === c) i++;
  return i;
};

export function checkOptions(options: RedisTokenStoreOptions) {
  const { client, prefix = 'searchauth:', encryptionKeys } = options ?? {};
  for (const name of Object.keys(options ?? {})) {
    if (!KNOWN.includes(name)) {
      const closest = KNOWN.reduce((a, b) => (likeness(name, b) > likeness(name, a) ? b : a));
      throw invalid(`unknown option ${name} (did you mean ${closest}?)`);
    }
  }
  if (typeof client?.eval !== 'function' || typeof client.duplicate !== 'function') {
    throw invalid('client must be an ioredis Redis or Cluster client');
  }
  if (typeof prefix !== 'string') throw invalid('prefix must be a string');
  if (
    encryptionKeys !== undefined &&
    !(
      Array.isArray(encryptionKeys) &&
      encryptionKeys.length &&
      encryptionKeys.every(
        ({ id, key } = {} as EncryptionKey) =>
          /^[^:]+$/.test(id) &&
          (key instanceof Uint8Array ? key.length === 32 : key?.type === 'secret'),
      )
    )
  ) {
    throw invalid('encryptionKeys must be a non-empty list of { id, key: 32 bytes or CryptoKey }');
  }
  return { ...options, prefix };
}
