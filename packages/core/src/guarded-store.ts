import { unref } from './clock.js';
import { SearchAuthError } from './errors.js';
import type { Clock, TokenLease, TokenStore } from './types.js';

/**
 * The store as the manager uses it: each call (lease release included) answers within `ms` and never
 * throws. A call that throws or does not answer in time is reported to `fail` as
 * ERR_STORE_UNAVAILABLE / ERR_STORE_TIMEOUT (the store's own error only as `cause`: it may quote a
 * connection string) and answers nothing instead: no token, nothing written, and a lease of our own
 * (a broken store cannot coordinate, and waiting on it would cost callers their token). A lease
 * granted after its call timed out is released.
 */
export function guardStore(
  store: TokenStore,
  ms: number,
  clock: Clock,
  vendor: string,
  fail: (error: SearchAuthError) => void,
): TokenStore {
  const guard = <T>(name: string, call: () => Promise<T> | undefined, fallback?: T, wait = ms) => {
    let timer: unknown;
    const answer = Promise.resolve().then(call) as Promise<T>;
    return Promise.race([
      answer,
      new Promise<never>((_, reject) => {
        timer = unref(clock.setTimeout(() => reject(answer), wait));
      }),
    ])
      .catch((cause: unknown) => {
        const late = cause === answer;
        if (late)
          answer.then(
            (lease) => (lease as TokenLease | undefined)?.release?.(),
            () => {},
          );
        fail(
          new SearchAuthError(
            late ? 'ERR_STORE_TIMEOUT' : 'ERR_STORE_UNAVAILABLE',
            `token store ${name} ${late ? `took over ${wait} ms` : 'failed'}`,
            { vendor, cause: late ? undefined : cause },
          ),
        );
        return fallback as T;
      })
      .finally(() => clock.clearTimeout(timer));
  };
  const alone: TokenLease = { release: async () => {} };
  return {
    get: (key) => guard('get', () => store.get(key)),
    set: (key, token) => guard('set', () => store.set(key, token)),
    delete: (key, token) => guard('delete', () => store.delete(key, token)),
    lease:
      store.lease &&
      (async (key, ttl) => {
        const lease = await guard('lease', () => store.lease?.(key, ttl), alone);
        return lease && { release: () => guard('release', () => lease.release()) };
      }),
    waitForChange:
      store.waitForChange &&
      ((key, wait, signal) =>
        guard('wait', () => store.waitForChange?.(key, wait, signal), undefined, wait + ms)),
  };
}
