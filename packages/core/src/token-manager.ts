import { abortedError, raceAbort, sleep } from './abort.js';
import { systemClock } from './clock.js';
import { SearchAuthError } from './errors.js';
import { resolveExpiry } from './expiry.js';
import { refreshWindow } from './margin.js';
import { memoryStore } from './memory-store.js';
import { checkManagerOptions } from './options.js';
import { fingerprint } from './secret.js';
import { createEmitter, type Entry } from './token-events.js';
import { defined } from './token-http.js';
import { tokenKey } from './token-key.js';
import type {
  StoredToken,
  TokenLease,
  TokenManager,
  TokenManagerOptions,
  TokenRequestContext,
} from './types.js';

type Reason = TokenRequestContext['reason'];

/** One token per key: cached, refreshed ahead of expiry in the background, one request at a time. */
export function createTokenManager(options: TokenManagerOptions): TokenManager {
  checkManagerOptions(options);
  const { source, key: parts } = options;
  if (typeof source !== 'function' || !parts?.vendor || !parts.tokenUrl || !parts.clientId) {
    throw new SearchAuthError('ERR_INVALID_OPTIONS', 'createTokenManager needs a source and a key');
  }
  const { vendor } = parts;
  // WebCrypto hashes asynchronously: every path that reaches the store or emits awaits the key.
  let key = '';
  const keyed = tokenKey(parts).then((value) => {
    key = value;
  });
  const clock = options.clock ?? systemClock;
  const now = () => clock.now();
  const random = options.random ?? Math.random;
  const jitter = random();
  const life = new AbortController();
  const counts = {
    hits: 0,
    misses: 0,
    mints: 0,
    refreshes: 0,
    failures: 0,
    invalidations: 0,
    degraded: 0,
    leaseWaits: 0,
  };
  const emit = createEmitter(options.onEvent, () => key, vendor);
  let current: Entry | undefined;
  let flight: Promise<Entry> | undefined;
  let flightFor: string | undefined;
  let failuresInRow = 0;
  let retryAt = 0;
  const store = options.store ?? memoryStore({ clock });
  const toEntry = async (token: StoredToken): Promise<Entry> => ({
    ...token,
    fingerprint: await fingerprint(token.accessToken),
    ...refreshWindow(token, options.refreshMarginSeconds, jitter),
  });

  /** A token a peer (or an earlier run) stored that beats the one we would replace. */
  async function fromStore(reason: Reason, rejected?: string) {
    const token = await store.get(key);
    const accessToken = token?.accessToken;
    if (token && accessToken !== rejected) {
      const refresh = reason === 'refresh';
      const window = refreshWindow(token, options.refreshMarginSeconds, jitter);
      // Fingerprint (a digest) only the token that is adopted, not every one looked at while polling.
      if (
        now() < (refresh ? window.refreshAt : window.mustRefreshAt) &&
        !(refresh && accessToken === current?.accessToken)
      ) {
        return toEntry(token);
      }
    }
  }

  /**
   * One token request, unless the store already holds a usable newer token. When the store offers
   * a lease, only its holder mints; the others poll the store and adopt what the holder wrote.
   */
  async function mint(reason: Reason, rejected?: string): Promise<Entry> {
    let lease: TokenLease | undefined;
    await keyed;
    try {
      for (let waits = 0; ; ) {
        const found = await fromStore(reason, rejected);
        if (found) return found;
        if (!store.lease || lease) break;
        lease = await store.lease(key, 30_000);
        // Re-read under the lease: a peer may have stored a token since our last look.
        if (lease) continue;
        if (!waits++) {
          counts.leaseWaits++;
          emit('lease-wait', current);
        }
        await sleep(clock, Math.min(50 * 2 ** waits, 1000), life.signal, vendor);
      }
      if (rejected !== undefined) await store.delete(key, rejected);
      counts.mints++;
      if (reason === 'refresh') counts.refreshes++;
      emit('refresh-start', current);
      const sentAt = now();
      const request = defined({ signal: life.signal, reason, rejectedToken: rejected });
      const token = resolveExpiry(await source(request), { ...options, vendor, sentAt });
      await store.set(key, token);
      const entry = await toEntry(token);
      emit('refresh-success', entry);
      return entry;
    } finally {
      await lease?.release().catch(() => {});
    }
  }

  // A token of unknown expiry never expires: comparing with undefined is false.
  const expired = (entry: Entry) => now() >= (entry.expiresAt as number);

  /** Single flight: joins the request in progress or starts one. A failure is not cached. */
  function start(reason: Reason, rejected?: string): Promise<Entry> {
    if (flight) return flight;
    const promise = mint(reason, rejected).then(
      (entry) => {
        failuresInRow = retryAt = 0;
        if (!life.signal.aborted) current = entry;
        return entry;
      },
      (error: unknown) => {
        // Exponential backoff with full jitter before the next background attempt.
        retryAt = now() + random() * Math.min(60_000, 1000 * 2 ** failuresInRow++);
        counts.failures++;
        emit('refresh-failure', current, error);
        if (current && !expired(current)) {
          counts.degraded++;
          emit('degraded', current, error);
        }
        throw error;
      },
    );
    const settle = () => {
      if (flight === promise) flight = undefined;
    };
    flight = promise;
    flightFor = rejected;
    promise.then(settle, settle);
    return promise;
  }

  const wait = async (promise: Promise<Entry>, signal: AbortSignal | undefined) =>
    (await raceAbort(promise, signal, vendor)).accessToken;

  function check(signal: AbortSignal | undefined) {
    if (life.signal.aborted || signal?.aborted) throw abortedError(vendor, signal?.reason);
  }

  const hit = (entry: Entry) => {
    counts.hits++;
    emit('hit', entry);
    return entry.accessToken;
  };

  return {
    vendor,
    async getToken({ signal } = {}) {
      check(signal);
      const entry = current;
      if (entry && !expired(entry)) {
        const at = now();
        if (at < entry.refreshAt) return hit(entry);
        const running = flight ?? (at >= retryAt ? start('refresh') : undefined);
        // Near expiry, or when the new token revokes this one, callers wait for the new token.
        if (running && (at >= entry.mustRefreshAt || options.mintRevokesPrevious)) {
          try {
            return await wait(running, signal);
          } catch (error) {
            // A failed refresh does not end a token that still works.
            if (signal?.aborted || current !== entry || expired(entry)) throw error;
          }
        }
        return hit(entry);
      }
      counts.misses++;
      await keyed;
      emit('miss', entry);
      return wait(start(entry ? 'refresh' : 'initial'), signal);
    },
    async recoverFromUnauthorized(rejected, { signal } = {}) {
      check(signal);
      const entry = current;
      if (entry?.accessToken === rejected) {
        // Compare-and-invalidate: only the token that failed, so N concurrent 401s mint once.
        current = undefined;
        counts.invalidations++;
        emit('invalidated', entry);
      } else if (entry && now() < entry.mustRefreshAt) {
        return entry.accessToken;
      }
      const joined = flight !== undefined && flightFor !== rejected;
      const next = await wait(start('unauthorized', rejected), signal);
      // A refresh that began before the 401 may bring back the very token that was rejected.
      return joined && next === rejected ? wait(start('unauthorized', rejected), signal) : next;
    },
    stats: () => ({ ...counts }),
    dispose() {
      life.abort();
      current = undefined;
    },
  };
}
