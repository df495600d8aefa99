import { type Clock, checkOptions as checkShape, SearchAuthError } from '@searchauth/core';
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

const invalid = (message: string) =>
  new SearchAuthError('ERR_INVALID_OPTIONS', `redisTokenStore: ${message}`);

export function checkOptions(options: RedisTokenStoreOptions) {
  // Unknown names (with the closest known one), missing client, wrong kinds: core's checker.
  checkShape(options, 'client:o! prefix:s encryptionKeys:o clock:o', 'redisTokenStore');
  const { client, prefix = 'searchauth:', encryptionKeys } = options;
  if (typeof client.eval !== 'function' || typeof client.duplicate !== 'function') {
    throw invalid('client must be an ioredis Redis or Cluster client');
  }
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
