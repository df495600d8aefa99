import { describe, expect, it } from 'vitest';
import { simClock } from './support/clock.js';
import { useSimulator } from './support/sim.js';
import { callsOf, mintsOf, TOKEN_CASES, tokenRequestsOf } from './support/vendors.js';

// Short-lived tokens under load: 50 concurrent calls per round, and between rounds the shared
// clock (simulator and clients) jumps 800 ms, so four 4-second lifetimes pass in 20 rounds. Within
// a round only real time passes (tens of ms), so how slow the machine is does not decide whether a
// token outlives its request.
const LIFETIME_SECONDS = 4;
const LIFETIMES = 4;
const CONCURRENCY = 50;
const STEP_MS = 800;

/**
 * SPARQUE's token storage replaces (revokes) the stored token when a refresh near its expiry makes
 * it mint a new one: the round's requests still carrying the old token get one 401 and a replay.
 */
const REVOKED_BY_REFRESH = new Set(['sparque']);

const sim = useSimulator({ tokenLifetimeSeconds: LIFETIME_SECONDS });

describe('token expiry and refresh under load', () => {
  it.each(TOKEN_CASES.map((c) => [c.name, c] as const))(
    '%s: 50 concurrent callers over 4 token lifetimes see no failure',
    async (_name, c) => {
      const s = sim();
      const client = c.create(s, { clock: simClock(s), squirroLifetimeSeconds: LIFETIME_SECONDS });
      const failures: unknown[] = [];
      let calls = 0;
      const started = s.now();
      const call = async (id: number) => {
        try {
          expect(await client.call(`waterproof tent ${id}`)).toBeGreaterThan(0);
          calls++;
        } catch (error) {
          failures.push(error);
        }
      };
      let rounds = 0;
      try {
        for (; s.now() - started < LIFETIMES * LIFETIME_SECONDS * 1000; rounds++) {
          await Promise.all(Array.from({ length: CONCURRENCY }, (_, id) => call(id)));
          s.advanceClock(STEP_MS);
        }
      } finally {
        client.dispose();
      }
      const elapsed = s.now() - started;
      const lifetimes = elapsed / (LIFETIME_SECONDS * 1000);
      const mints = mintsOf(s, c);

      expect(failures).toEqual([]);
      expect(calls).toBe(CONCURRENCY * rounds);
      // Every token lives 4 s, so covering the run takes at least one per lifetime. A JWT's `exp`
      // is whole seconds and the clock offset is rounded towards expiring early, and the client
      // ends a token at the earlier of expires_in and exp: a lifetime may count as 3 s. Refreshing
      // ahead (at 70-75% of it) then costs up to ~1.5 per such lifetime; more means tokens were
      // thrown away early, or callers stampeded the token endpoint.
      expect(mints).toBeGreaterThanOrEqual(Math.floor(lifetimes));
      const shortest = elapsed / ((LIFETIME_SECONDS - 1) * 1000);
      expect(mints).toBeLessThanOrEqual(Math.ceil(shortest * 1.5) + 1);
      // Only the manager's single flight talks to the token endpoint: never one request per caller.
      expect(tokenRequestsOf(s, c)).toBeLessThanOrEqual(3 * mints);
      // A refreshed-ahead token never expires in a caller's hands: no 401 at all, except where
      // the server itself revoked the old token (at most one replay per caller per mint).
      const replays = callsOf(s, c, 401);
      if (REVOKED_BY_REFRESH.has(c.name)) expect(replays).toBeLessThanOrEqual(CONCURRENCY * mints);
      else expect(replays).toBe(0);
    },
  );
});
