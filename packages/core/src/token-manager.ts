import { abortedError, raceAbort, sleep, withTimeout } from './abort.js';
import { createFailureGate } from './backoff.js';
import { systemClock, unref } from './clock.js';
import { SearchAuthError } from './errors.js';
import { resolveExpiry } from './expiry.js';
import { guardStore } from './guarded-store.js';
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

type Context = TokenRequestContext;
type Reason = Context['reason'];

/** A forced re-authentication (reason `unauthorized`) at most this often per key: each may burn quota. */
const FORCED_EVERY_MS = 30_000;
/** TTL of a lease the store can renew; renewed every half of it while the holder mints. */
const RENEWED_LEASE_MS = 5_000;

/** One token per key: cached, refreshed ahead of expiry in the background, one request at a time. */
export function createTokenManager(options: TokenManagerOptions): TokenManager {
  checkManagerOptions(options);
  // checkManagerOptions refused a missing source, key, vendor, token URL or client id.
  const { source, key: parts } = options;
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
  const requestTimeout = options.tokenRequestTimeoutMs ?? 30_000;
  const counts = {
    hits: 0,
    misses: 0,
    waits: 0,
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
  let waiters = 0;
  // The token the last forced re-authentication brought: if the API rejects it while fresh, the
  // account, not the token, is at fault.
  let forced: Entry | undefined;
  const gate = createFailureGate(now, random);
  // Tokens the API rejected lately, so no refresh, peer or server hands one back as current.
  const rejected = new Set<string>();
  const degrade = (error: unknown) => {
    counts.degraded++;
    emit('degraded', current, error);
  };
  // The default store answers at once and never fails: only a store given in options is guarded.
  const store = options.store
    ? guardStore(options.store, options.storeTimeoutMs ?? 1000, clock, vendor, degrade)
    : memoryStore({ clock });
  // ERR_ABORTED, as for a caller's signal: either way the call was called off, not failed.
  const disposed = () =>
    new SearchAuthError('ERR_ABORTED', 'the token manager was disposed', { vendor });
  const windowOf = (token: StoredToken) =>
    refreshWindow(token, options.refreshMarginSeconds, jitter);
  const toEntry = async (token: StoredToken): Promise<Entry> => ({
    ...token,
    fingerprint: await fingerprint(token.accessToken),
    ...windowOf(token),
  });

  /** A token a peer (or an earlier run) stored that beats the one we would replace. */
  async function fromStore(reason: Reason) {
    const token = await store.get(key);
    const accessToken = token?.accessToken as string;
    if (token && !rejected.has(accessToken)) {
      const refresh = reason === 'refresh';
      const window = windowOf(token);
      // Fingerprint (a digest) only the token that is adopted, not every one looked at while polling.
      if (
        now() < (refresh ? window.refreshAt : window.mustRefreshAt) &&
        !(refresh && accessToken === current?.accessToken)
      ) {
        return toEntry(token);
      }
    }
  }

  /** ERR_UNAUTHORIZED for a key whose fresh tokens the API keeps rejecting. */
  const rejectedSoon = (issued: number) =>
    new SearchAuthError(
      'ERR_UNAUTHORIZED',
      `token rejected ${Math.round((now() - issued) / 1000)} s after issue: check the account's permissions${
        // Without a shared lease, another process's new token may have revoked ours.
        options.mintRevokesPrevious && !options.store?.lease
          ? ', or another process minted and revoked it: share a store (@searchauth/store-redis)'
          : ''
      }`,
      { vendor, retryAfterMs: issued + FORCED_EVERY_MS - now() },
    );

  /**
   * One token request, unless the store already holds a usable newer token. When the store offers
   * a lease, only its holder mints; the others wait for a change in the store and adopt what the
   * holder wrote. The wait ends on dispose, and at the next wake once nobody waits for a token any
   * more (a background refresh goes on: it has no callers to lose).
   */
  async function mint(reason: Reason, rejectedToken?: string): Promise<Entry> {
    let lease: TokenLease | undefined;
    let renewal: unknown;
    let unsettled: Promise<unknown> | undefined;
    // A lease that can be renewed is kept short and renewed while we mint, so a holder that crashes
    // blocks the fleet for seconds; one that cannot lasts the whole token request and then some.
    const keep = () =>
      lease?.renew?.(RENEWED_LEASE_MS).then((held) => {
        if (held) renewal = unref(clock.setTimeout(keep, RENEWED_LEASE_MS / 2));
      });
    const halt = () => {
      if (life.signal.aborted || (!waiters && reason !== 'refresh')) throw abortedError(vendor);
    };
    const ttl = requestTimeout + 10_000;
    await keyed;
    try {
      for (let waits = 0; ; ) {
        const found = await fromStore(reason);
        if (found) return found;
        if (!store.lease || lease) break;
        lease = await store.lease(key, ttl);
        // Re-read under the lease: a peer may have stored a token since our last look.
        if (lease) {
          keep();
          continue;
        }
        if (!waits++) {
          counts.leaseWaits++;
          emit('lease-wait', current);
        }
        const ms = Math.min(50 * 2 ** waits, 1000);
        await (store.waitForChange
          ? store.waitForChange(key, ms * 5, life.signal)
          : sleep(clock, ms, life.signal, vendor));
        halt();
      }
      if (rejectedToken !== undefined) await store.delete(key, rejectedToken);
      emit('refresh-start', current);
      for (let tries = 0; ; tries++) {
        halt();
        if (
          !tries &&
          forced &&
          forced.accessToken === rejectedToken &&
          now() < Math.min(forced.refreshAt, forced.obtainedAt + FORCED_EVERY_MS)
        ) {
          throw rejectedSoon(forced.obtainedAt);
        }
        counts.mints++;
        if (reason === 'refresh') counts.refreshes++;
        const sentAt = now();
        const request = (signal: AbortSignal | undefined) => {
          const call = source(defined({ signal, reason, rejectedToken }) as Context);
          const done = () => {
            unsettled = undefined;
          };
          unsettled = call;
          call.then(done, done);
          return raceAbort(call, signal, vendor);
        };
        const response = await withTimeout(request, life.signal, requestTimeout, clock, {
          vendor,
        });
        const { accessToken } = response;
        if (!rejected.has(accessToken)) {
          const held = current?.accessToken === accessToken ? current : undefined;
          let token: StoredToken;
          try {
            token = resolveExpiry(response, {
              ...options,
              // A token handed back again keeps the expiry it had unless the reply states one.
              defaultLifetimeSeconds: held ? undefined : options.defaultLifetimeSeconds,
              vendor,
              sentAt,
              receivedAt: now(),
            });
          } catch (error) {
            // Expired in transit (a server handing back its stored token at the last moment): the
            // next ask gets a new one, so ask again at once, twice at most.
            if (tries < 2 && (error as Error).message.includes(' on arrival')) continue;
            throw error;
          }
          if (held && token.expiresAt === undefined) {
            // Asking again before must-refresh would bring back the same token: wait until then.
            const mustRefreshAt =
              now() < held.mustRefreshAt ? held.mustRefreshAt : (held.expiresAt as number);
            return { ...held, refreshAt: mustRefreshAt, mustRefreshAt };
          }
          await store.set(key, token);
          const entry = await toEntry(token);
          if (reason === 'unauthorized') forced = entry;
          emit('refresh-success', entry);
          return entry;
        }
        // The server handed back a token the API rejected (SPARQUE's token storage, a Squirro
        // cluster): ask again, forcing re-authentication, after a short pause.
        if (tries === 2) {
          throw new SearchAuthError(
            'ERR_UNAUTHORIZED',
            'token endpoint returns the rejected token',
            {
              vendor,
            },
          );
        }
        // A refresh is asked again at once; a forced re-authentication after a short pause.
        if (reason === 'unauthorized') await sleep(clock, 250 * 2 ** tries, life.signal, vendor);
        reason = 'unauthorized';
        rejectedToken = accessToken;
      }
    } finally {
      const release = () => {
        clock.clearTimeout(renewal);
        const held = lease;
        lease = undefined;
        return held?.release();
      };
      // A source that outlived its timeout may still be minting: the lease stays (up to its TTL).
      await (unsettled ? void unsettled.then(release, release) : release());
    }
  }

  // A token of unknown expiry never expires: comparing with undefined is false.
  const expired = (entry: Entry) => now() >= (entry.expiresAt as number);

  /** Single flight: joins the request in progress or starts one. A failure is not cached. */
  function start(reason: Reason, rejectedToken?: string): Promise<Entry> {
    if (flight) return flight;
    const promise: Promise<Entry> = mint(reason, rejectedToken).then(
      (entry) => {
        gate.ok();
        if (!life.signal.aborted) current = entry;
        return entry;
      },
      (error: unknown) => {
        if (life.signal.aborted) throw disposed();
        // Giving up because nobody waits any more says nothing about the token endpoint.
        if ((error as SearchAuthError).code !== 'ERR_ABORTED') {
          gate.failed(error);
          counts.failures++;
          emit('refresh-failure', current, error);
          if (current && !expired(current)) degrade(error);
        }
        throw error;
      },
    );
    const settle = () => {
      if (flight === promise) flight = undefined;
    };
    flight = promise;
    promise.then(settle, settle);
    return promise;
  }

  /** Like `start`, but while no token works and the last request failed, that failure comes back. */
  function begin(reason: Reason, rejectedToken?: string) {
    const blocked = !flight && gate.blocked();
    if (blocked) throw blocked;
    return start(reason, rejectedToken);
  }

  async function wait(promise: Promise<Entry>, signal: AbortSignal | undefined) {
    waiters++;
    try {
      return (await raceAbort(promise, signal, vendor)).accessToken;
    } finally {
      waiters--;
    }
  }

  function check(signal: AbortSignal | undefined) {
    if (life.signal.aborted) throw disposed();
    if (signal?.aborted) throw abortedError(vendor, signal.reason);
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
        const joined = flight;
        const running = joined ?? (at >= gate.retryAt ? start('refresh') : undefined);
        // Near expiry, or when the new token revokes this one, callers wait for the new token.
        if (running && (at >= entry.mustRefreshAt || options.mintRevokesPrevious)) {
          joined ? counts.waits++ : counts.misses++;
          try {
            return await wait(running, signal);
          } catch (error) {
            // A failed refresh does not end a token that still works.
            if (signal?.aborted || current !== entry || expired(entry)) throw error;
            return entry.accessToken;
          }
        }
        return hit(entry);
      }
      await keyed;
      check(signal);
      if (flight) {
        counts.waits++;
        return wait(flight, signal);
      }
      counts.misses++;
      emit('miss', entry);
      return wait(begin(entry ? 'refresh' : 'initial'), signal);
    },
    async recoverFromUnauthorized(rejectedToken, { signal } = {}) {
      check(signal);
      rejected.add(rejectedToken);
      if (rejected.size > 16) rejected.delete(rejected.values().next().value as string);
      const entry = current;
      if (entry?.accessToken === rejectedToken) {
        // Compare-and-invalidate: only the token that failed, so N concurrent 401s mint once.
        current = undefined;
        counts.invalidations++;
        emit('invalidated', entry);
      } else if (entry && now() < entry.mustRefreshAt) {
        return entry.accessToken;
      }
      return wait(begin('unauthorized', rejectedToken), signal);
    },
    stats: () => ({ ...counts }),
    dispose() {
      life.abort();
      current = undefined;
    },
  };
}
