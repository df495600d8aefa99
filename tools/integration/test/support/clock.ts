import type { Clock } from '@searchauth/core';
import type { Simulator } from '@searchauth/testkit';

/**
 * The client reads the simulator's clock, so `sim.advanceClock(ms)` ages tokens on both sides at
 * once; timers (timeouts, retry waits) stay real.
 */
export function simClock(sim: Simulator): Clock {
  return {
    now: () => sim.now(),
    setTimeout: (callback, ms) => setTimeout(callback, ms),
    clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
  };
}

export interface FastClock extends Clock {
  /** Every wait the client asked for, in ms of its clock (e.g. a Retry-After of 1 s is 1000). */
  readonly waits: number[];
}

/**
 * Like `simClock`, but timers run `speed` times faster than asked, so a Retry-After of 1 s or an
 * async job's 1 s poll interval costs a few ms of real time. Use it without `timeoutMs`: a client
 * timeout under 30 s would shrink by the same factor; the 30 s token-request timeout keeps its length.
 */
export function fastClock(sim: Simulator, speed = 100): FastClock {
  const waits: number[] = [];
  return {
    waits,
    now: () => sim.now(),
    setTimeout: (callback, ms) => {
      waits.push(ms);
      // 30 s and more are timeouts (a token request, a lease), not waits a test means to skip: at
      // real speed, so a loaded machine does not trip a 300 ms token timeout.
      return setTimeout(callback, ms >= 30_000 ? ms : ms / speed);
    },
    clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
  };
}
