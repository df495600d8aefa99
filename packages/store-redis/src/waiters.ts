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
        const timer = clock.setTimeout(done, ms);
        signal.addEventListener('abort', done, { once: true });
        entries.add(done);
        // A holder that released between the caller's failed lease and our SUBSCRIBE published
        // before we listened: once subscribed, a lease already gone ends the wait at once.
        subscribed
          .get(channel)
          ?.then(() => client.exists(`${channel}:lease`))
          .then((held) => held || done(), ignore);
      });
    },
    dispose() {
      for (const channel of [...waiting.keys()]) wake(channel);
      subscriber?.disconnect();
      subscriber = undefined;
    },
  };
}
