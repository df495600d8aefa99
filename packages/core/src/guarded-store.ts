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
  const guard = <T>(name: string, call: () => Promise<T> | undefined, fallback?: T, wait = ms) =>
    new Promise<T>((resolve) => {
      let late = false;
      const give = (code: 'ERR_STORE_TIMEOUT' | 'ERR_STORE_UNAVAILABLE', cause?: unknown) => {
        fail(new SearchAuthError(code, `token store ${name} failed`, { vendor, cause }));
        resolve(fallback as T);
      };
      const timer = unref(
        clock.setTimeout(() => {
          late = true;
          give('ERR_STORE_TIMEOUT');
        }, wait),
      );
      Promise.resolve()
        .then(call)
        .then(
          (value) => {
            clock.clearTimeout(timer);
            if (late) {
              Promise.resolve()
                .then(() => (value as TokenLease | undefined)?.release?.())
                .catch(() => {});
            }
            resolve(value as T);
          },
          (cause: unknown) => {
            clock.clearTimeout(timer);
            if (!late) give('ERR_STORE_UNAVAILABLE', cause);
          },
        );
    });
  return {
    get: (key) => guard('get', () => store.get(key)),
    set: (key, token) => guard('set', () => store.set(key, token)),
    delete: (key, token) => guard('delete', () => store.delete(key, token)),
    lease:
      store.lease &&
      (async (key, ttl) => {
        // No answer to a lease request: go on as its holder.
        const lease = await guard('lease', () => store.lease?.(key, ttl), {
          release: async () => {},
        });
        const { renew } = lease ?? {};
        return (
          lease && {
            release: () => guard('release', () => lease.release()),
            renew: renew && ((ttlMs) => guard('renew', () => renew.call(lease, ttlMs), false)),
          }
        );
      }),
    waitForChange:
      store.waitForChange &&
      ((key, wait, signal) =>
        guard('wait', () => store.waitForChange?.(key, wait, signal), undefined, wait + ms)),
  };
}
