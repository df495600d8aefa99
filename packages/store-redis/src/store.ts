import {
  fingerprint,
  type StoredToken,
  systemClock,
  type TokenLease,
  type TokenStore,
} from '@searchauth/core';
import { createCodec } from './codec.js';
import { checkOptions, type RedisTokenStoreOptions } from './options.js';
import { DROP, LEASE, READ, WRITE } from './scripts.js';
import { createWaiters } from './waiters.js';

/** A TokenStore on Redis that also holds the subscriber connection it opened; `dispose()` closes it. */
export interface RedisTokenStore extends Required<TokenStore> {
  /** Closes the subscriber connection (never the client you passed in) and wakes every waiter. */
  dispose(): void;
}

const hashKey = async (key: string) =>
  btoa(
    String.fromCharCode(
      ...new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(key))),
    ),
  ).replace(/[+/=]/g, (c) => ({ '+': '-', '/': '_' })[c] ?? '');

/**
 * Tokens shared by every process that uses the same Redis (or Valkey, or Redis Cluster), with a
 * mint lease so a fleet sends one token request per expiry. Keys are `prefix{sha256(core key)}`:
 * no vendor URL, scope or client id in clear, and the `{…}` hash tag keeps a token, its lease and its
 * channel in one Cluster slot.
 */
export function redisTokenStore(options: RedisTokenStoreOptions): RedisTokenStore {
  const { client, prefix, clock = systemClock, encryptionKeys } = checkOptions(options);
  const codec = createCodec(encryptionKeys);
  const names = new Map<string, Promise<string>>();
  const name = (key: string) => {
    const found = names.get(key) ?? hashKey(key).then((hash) => `${prefix}{${hash}}`);
    names.set(key, found);
    return found;
  };
  const run = (script: string, keys: string[], ...args: Array<string | number>) =>
    client.eval(script, keys.length, ...keys, ...args);
  const waiters = createWaiters(client, clock);

  return {
    async get(key) {
      const where = await name(key);
      const [raw, ttl] = (await run(READ, [where])) as [string?, number?];
      return raw ? codec.decode(where, raw, ttl as number, clock.now()) : undefined;
    },
    async set(key, token: StoredToken) {
      const where = await name(key);
      const left = token.expiresAt === undefined ? 0 : Math.ceil(token.expiresAt - clock.now());
      // An expired token is not worth sharing (and PX must be positive); 0 stores without expiry.
      if (left > 0 || token.expiresAt === undefined) {
        await run(WRITE, [where], await codec.encode(where, token), left);
      }
    },
    async delete(key, ifAccessToken) {
      const where = await name(key);
      const only = ifAccessToken === undefined ? '' : await fingerprint(ifAccessToken);
      await run(DROP, [where], only);
    },
    async lease(key, ttlMs): Promise<TokenLease | undefined> {
      const where = await name(key);
      const lease = `${where}:lease`;
      const owner = crypto.randomUUID();
      if ((await client.set(lease, owner, 'PX', Math.ceil(ttlMs), 'NX')) !== 'OK') return;
      return {
        release: async () => void (await run(LEASE, [lease, where], owner, '')),
        renew: async (ms) => (await run(LEASE, [lease, where], owner, Math.ceil(ms))) === 1,
      };
    },
    async waitForChange(key, ms, signal) {
      return waiters.wait(await name(key), ms, signal);
    },
    dispose: waiters.dispose,
  };
}
