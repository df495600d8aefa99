import type { Clock } from '@searchauth/core';
import { SearchAuthError, sleep, withTimeout } from './deps.js';
import { VENDOR } from './options.js';

export interface WaitOptions {
  /** Give up after this long overall, ms (finite). Default 300_000 (5 min). */
  timeoutMs?: number;
  /** First pause between polls, ms. Default 1_000. */
  initialDelayMs?: number;
  /** Longest pause between polls, ms. Default 15_000. */
  maxDelayMs?: number;
  /** Each pause is the previous one times this. Default 2. */
  factor?: number;
  signal?: AbortSignal;
  /** Called with every polled state, e.g. for progress logs. */
  onPoll?: (status: string) => void;
}

export const WAIT_DEFAULTS = {
  timeoutMs: 300_000,
  initialDelayMs: 1_000,
  maxDelayMs: 15_000,
  factor: 2,
} as const;

export interface JobState {
  status: string;
  message?: unknown;
}

/**
 * Polls an async job with exponential backoff until it is READY (or RETRIEVED), and throws
 * ERR_JOB_FAILED on ERROR, ERR_TIMEOUT past the overall timeout, ERR_ABORTED when `signal` aborts.
 * Any other status (SUBMITTED, or one Lucidworks adds later) means "not yet". `delayFirstPoll`:
 * the job was just submitted, so pause before the first poll.
 */
export function waitForJob<T extends JobState>(
  poll: (signal?: AbortSignal) => Promise<T>,
  clock: Clock,
  options: WaitOptions = {},
  delayFirstPoll?: boolean,
): Promise<T> {
  const {
    timeoutMs = WAIT_DEFAULTS.timeoutMs,
    initialDelayMs = WAIT_DEFAULTS.initialDelayMs,
    maxDelayMs = WAIT_DEFAULTS.maxDelayMs,
    factor = WAIT_DEFAULTS.factor,
  } = options;
  const where = { vendor: VENDOR };
  return withTimeout(
    async (signal) => {
      for (let delay = initialDelayMs, wait = delayFirstPoll; ; wait = true) {
        if (wait) {
          await sleep(clock, delay, signal, VENDOR);
          delay = Math.min(delay * factor, maxDelayMs);
        }
        const state = await poll(signal);
        const { status, message } = state;
        options.onPoll?.(status);
        if (status === 'READY' || status === 'RETRIEVED') return state;
        if (status === 'ERROR') {
          // The server's reason describes the job, never a credential.
          const reason = message ? `: ${String(message).slice(0, 200)}` : '';
          throw new SearchAuthError(
            'ERR_JOB_FAILED',
            `job ended with status ERROR${reason}`,
            where,
          );
        }
      }
    },
    options.signal,
    timeoutMs,
    clock,
    where,
  );
}
