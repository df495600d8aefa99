import { type Clock, memoryStore, type TokenStore } from '@searchauth/core';
import {
  fakeLucidworks,
  json,
  type Recorded,
} from '../../lucidworks-identity/test/fake-lucidworks.js';
import { createLucidworksAIClient, type LucidworksAIClientOptions } from '../src/index.js';

export const APP = 'https://app-1.applications.lucidworks.com';
export const PLATFORM = 'https://api.lucidworks.com';
export const PREDICT = 'machinelearning.predict';
export const MODEL = 'machinelearning.model';

/** Echoes one prediction per input: `{ response: 'echo:<text>' }`. */
export function echoPredictions(request: Recorded): Response {
  const body = JSON.parse(request.body) as { batch: { text: string }[] };
  return json({ predictions: body.batch.map((item) => ({ response: `echo:${item.text}` })) });
}

/** A fake Lucidworks AI whose predict tokens revoke their predecessors, as documented. */
export function lucidworksAI(overrides: Partial<LucidworksAIClientOptions> = {}) {
  const server = fakeLucidworks().identity({ revokesPrevious: [PREDICT] });
  server
    .api('POST', APP, /^\/ai\/prediction\/[^/]+\/[^/]+$/, echoPredictions)
    .api('GET', APP, '/ai/usecase', () => json([{ useCase: 'embedding', models: ['gte-small'] }]))
    .api('GET', PLATFORM, '/customers/cust-1/ai/models', () =>
      json([{ id: 'gte-small', state: 'AVAILABLE' }]),
    )
    .api('GET', PLATFORM, /^\/customers\/cust-1\/ai\/models\/[^/]+$/, (r) =>
      json({
        id: r.url.pathname.split('/').at(-1),
        state: 'AVAILABLE',
        metrics: r.url.searchParams.get('metrics'),
      }),
    );
  const client = createLucidworksAIClient(options(server.fetch, overrides));
  return { server, client };
}

export function options(
  fetch: typeof globalThis.fetch,
  overrides: Partial<LucidworksAIClientOptions> = {},
): LucidworksAIClientOptions {
  return {
    applicationId: 'app-1',
    customerId: 'cust-1',
    clientId: 'client-id',
    clientSecret: 'client-secret',
    fetch,
    retry: false,
    ...overrides,
  };
}

/** A clock whose time moves only when a test says so. */
export function manualClock(start = 1_700_000_000_000) {
  let now = start;
  let nextId = 1;
  let timers: { at: number; id: number; callback: () => void }[] = [];
  const clock = {
    now: () => now,
    setTimeout(callback: () => void, ms: number) {
      const id = nextId++;
      timers.push({ at: now + Math.max(0, ms), id, callback });
      return id;
    },
    clearTimeout(handle: unknown) {
      timers = timers.filter((t) => t.id !== handle);
    },
    /** Moves time forward, firing due timers in order and letting promise chains settle. */
    async advance(ms: number) {
      const end = now + ms;
      for (;;) {
        await settle();
        const due = timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
        if (!due) break;
        timers = timers.filter((t) => t !== due);
        now = due.at;
        due.callback();
      }
      now = end;
      await settle();
    },
  } satisfies Clock & Record<string, unknown>;
  return clock;
}

export async function settle(): Promise<void> {
  for (let i = 0; i < 10; i += 1) await new Promise((resolve) => setImmediate(resolve));
}

/** memoryStore plus an in-process mint lease, standing in for store-redis in tests. */
export function leasingStore(clock: Clock): TokenStore {
  const inner = memoryStore({ clock });
  const leases = new Map<string, { until: number }>();
  return {
    get: (key) => inner.get(key),
    set: (key, token) => inner.set(key, token),
    delete: (key, ifAccessToken) => inner.delete(key, ifAccessToken),
    async lease(key, ttlMs) {
      const held = leases.get(key);
      if (held && held.until > clock.now()) return undefined;
      const mine = { until: clock.now() + ttlMs };
      leases.set(key, mine);
      return {
        async release() {
          if (leases.get(key) === mine) leases.delete(key);
        },
      };
    },
  };
}
