import type { Clock } from '@searchauth/core';
import type { Redis } from 'ioredis';
import type { RedisClient } from './options.js';

/**
 * Lease waiters sleep until a peer publishes on the token's channel, or their time is up. One
 * subscriber connection (a duplicate of the user's client, opened on the first wait) serves every
 * key; a channel is subscribed while someone waits on it. Nothing here rejects: when Redis cannot
 * subscribe, a wait simply lasts its full time, which is the manager's bounded polling.
 */
export function createWaiters(client: RedisClient, clock: Clock) {
  const waiting = new Map<string, Set<() => void>>();
  const subscribed = new Map<string, Promise<unknown>>();
  let subscriber: Redis | undefined;
  const ignore = () => {};
  const wake = (channel: string) => {
    for (const done of waiting.get(channel) ?? []) done();
  };

  return {
    wait(channel: string, ms: number, signal: AbortSignal) {
      return new Promise<void>((resolve) => {
        if (signal.aborted) return resolve();
        let set = waiting.get(channel);
        if (!set) {
          // A Cluster's duplicate has the same pub/sub methods as a Redis one.
          subscriber ??= (client as Redis)
            .duplicate()
            .on('message', wake)
            // It reconnects and resubscribes by itself; its errors only make waits run to their
            // timeout, and the user's own client reports the outage.
            .on('error', ignore);
          set = new Set();
          waiting.set(channel, set);
          subscribed.set(channel, subscriber.subscribe(channel));
        }
        const entries = set;
        const done = () => {
          clock.clearTimeout(timer);
          signal.removeEventListener('abort', done);
          entries.delete(done);
          if (!entries.size && waiting.get(channel) === entries) {
            waiting.delete(channel);
            subscribed.delete(channel);
            subscriber?.unsubscribe(channel).catch(ignore);
          }
          resolve();
        };
        // Not unref'd: a caller awaits this wait, and an unref'd timer could let the process exit
        // with the caller's promise unsettled.
        let timer = clock.setTimeout(done, ms);
        signal.addEventListener('abort', done, { once: true });
        entries.add(done);
        // Once subscribed, the lease's PTTL: gone (-2) means its release was published before we
        // listened, so the wait ends now; a lease that lapses before our time is up (its holder
        // crashed, nobody publishes) ends the wait when it lapses, not at the next poll.
        subscribed
          .get(channel)
          ?.then(() => client.pttl(`${channel}:lease`))
          .then((left) => {
            if (left === -2) done();
            else if (left >= 0 && left < ms && entries.has(done)) {
              clock.clearTimeout(timer);
              timer = clock.setTimeout(done, left + 5);
            }
          }, ignore);
      });
    },
    dispose() {
      for (const channel of [...waiting.keys()]) wake(channel);
      subscriber?.disconnect();
      subscriber = undefined;
    },
  };
}
