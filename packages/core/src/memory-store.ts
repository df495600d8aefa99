import { systemClock } from './clock.js';
import type { Clock, StoredToken, TokenStore } from './types.js';

/** Options of `memoryStore`. */
export interface MemoryStoreOptions {
  /** Most tokens kept; the least recently used goes first. Default 1000. */
  maxEntries?: number;
  clock?: Clock;
}

/**
 * The default store: one process, bounded, least recently used first out, no expired entries. Its
 * lease lets managers that share it take turns minting, as store-redis does for a fleet.
 */
export function memoryStore({
  maxEntries = 1000,
  clock = systemClock,
}: MemoryStoreOptions = {}): TokenStore {
  // A Map iterates in insertion order, so re-inserting on use keeps the oldest entry first.
  const entries = new Map<string, StoredToken>();
  // Key -> when its lease lapses; a holder that never releases blocks others only until then.
  const leases = new Map<string, number>();
  // Lease waiters of managers sharing this store; any change wakes them all (they re-read).
  const waiters = new Set<() => void>();
  const wake = () => {
    for (const waiter of waiters) waiter();
  };
  const put = (key: string, token: StoredToken) => {
    entries.delete(key);
    entries.set(key, token);
    // One entry in, at most one out.
    if (entries.size > Math.max(1, maxEntries))
      entries.delete(entries.keys().next().value as string);
  };
  return {
    async get(key) {
      const token = entries.get(key);
      entries.delete(key);
      // A token of unknown expiry stays (comparing with undefined is false).
      if (token && !(clock.now() >= (token.expiresAt as number))) {
        put(key, token);
        return token;
      }
    },
    async set(key, token) {
      put(key, token);
      wake();
    },
    async delete(key, ifAccessToken) {
      if (ifAccessToken === undefined || entries.get(key)?.accessToken === ifAccessToken) {
        entries.delete(key);
        wake();
      }
    },
    async lease(key, ttlMs) {
      if ((leases.get(key) ?? 0) > clock.now()) return;
      const until = clock.now() + ttlMs;
      leases.set(key, until);
      return {
        release: async () => void (leases.get(key) === until && leases.delete(key) && wake()),
      };
    },
    waitForChange: (_key, ms, signal) =>
      new Promise<void>((resolve) => {
        const done = () => {
          waiters.delete(done);
          clock.clearTimeout(timer);
          signal.removeEventListener('abort', done);
          resolve();
        };
        const timer = clock.setTimeout(done, ms);
        waiters.add(done);
        signal.addEventListener('abort', done);
        if (signal.aborted) done();
      }),
  };
}
