import { unref } from './clock.js';
import { SearchAuthError } from './errors.js';
import type { Clock, TokenLease, TokenStore } from './types.js';

/**
 * Wraps each store call (lease release included) in a timeout. A call that throws or does
 * not answer in `ms` is reported to `fail` as ERR_STORE_UNAVAILABLE / ERR_STORE_TIMEOUT (the store's
 * own error only as `cause`: it may quote a connection string) and answers a fallback instead: no
 * token, nothing written, or a lease of our own (a broken store cannot coordinate, and waiting on it
 * would cost callers their token). A lease granted after its call timed out is released at once.
 */
export function guardStore(
  store: TokenStore,
  ms: number,
  clock: Clock,
  vendor: string,
  fail: (error: SearchAuthError) => void,
): TokenStore {
  function guard<T>(name: string, call: () => Promise<T>, fallback: T, wait = ms): Promise<T> {
    let timer: unknown;
    let late = false;
    const answer = Promise.resolve().then(call);
    return Promise.race([
      answer,
      new Promise<never>((_, reject) => {
        timer = unref(
          clock.setTimeout(() => {
            late = true;
            reject(
              new SearchAuthError('ERR_STORE_TIMEOUT', `token store ${name} took over ${wait} ms`, {
                vendor,
              }),
            );
          }, wait),
        );
      }),
    ])
      .catch((cause: unknown) => {
        if (late) answer.then((v) => (v as TokenLease | undefined)?.release?.()).catch(() => {});
        fail(
          late
            ? (cause as SearchAuthError)
            : new SearchAuthError('ERR_STORE_UNAVAILABLE', `token store ${name} failed`, {
                vendor,
                cause,
              }),
        );
        return fallback;
      })
      .finally(() => clock.clearTimeout(timer));
  }
  // A store that cannot grant a lease must not stop the mint: go on as the only holder.
  const alone: TokenLease = { release: async () => {} };
  return {
    get: (key) => guard('get', () => store.get(key), undefined),
    set: (key, token) => guard('set', () => store.set(key, token), undefined),
    delete: (key, token) => guard('delete', () => store.delete(key, token), undefined),
    lease:
      store.lease &&
      (async (key, ttl) => {
        const lease = await guard('lease', () => store.lease!(key, ttl), alone);
        return lease && { release: () => guard('release', () => lease.release(), undefined) };
      }),
    waitForChange:
      store.waitForChange &&
      ((key, wait, signal) =>
        guard('waitForChange', () => store.waitForChange!(key, wait, signal), undefined, wait + ms)),
  };
}
