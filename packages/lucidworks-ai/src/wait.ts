import type { Clock } from '@searchauth/core';
import { isSearchAuthError, SearchAuthError } from './core.js';
import { VENDOR } from './options.js';

export interface WaitOptions {
  /** Give up after this long overall, ms. Default 300_000 (5 min). */
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

type Backoff = Required<
  Pick<WaitOptions, 'timeoutMs' | 'initialDelayMs' | 'maxDelayMs' | 'factor'>
>;

export const WAIT_DEFAULTS: Readonly<Backoff> = {
  timeoutMs: 300_000,
  initialDelayMs: 1_000,
  maxDelayMs: 15_000,
  factor: 2,
};

export interface JobState {
  status: string;
  message?: unknown;
}

export interface WaitTarget<T extends JobState> {
  /** `prediction` or `chunking`, for messages. */
  kind: string;
  id: string;
  poll: (signal: AbortSignal) => Promise<T>;
  clock: Clock;
  /** Pause before the first poll (the job was just submitted). */
  delayFirstPoll?: boolean;
}

/**
 * Polls an async job with exponential backoff until it is READY (or RETRIEVED), and throws
 * ERR_JOB_FAILED on ERROR, ERR_TIMEOUT past the overall timeout, ERR_ABORTED when `signal` aborts.
 * Any other status (SUBMITTED, or one Lucidworks adds later) means "not yet".
 */
export async function waitForJob<T extends JobState>(
  target: WaitTarget<T>,
  options: WaitOptions = {},
): Promise<T> {
  const { clock } = target;
  const job = `${target.kind} ${target.id}`;
  const settings = { ...WAIT_DEFAULTS };
  for (const name of Object.keys(settings) as (keyof Backoff)[]) {
    const value = options[name] === undefined ? settings[name] : options[name];
    const min = name === 'factor' ? 1 : 0;
    if (typeof value !== 'number' || !(value >= min && value < Infinity)) {
      throw new SearchAuthError(
        'ERR_INVALID_OPTIONS',
        `${name} must be a finite number >= ${min}`,
        {
          vendor: VENDOR,
        },
      );
    }
    settings[name] = value;
  }
  const parent = options.signal;
  const deadline = new AbortController();
  const timer = clock.setTimeout(() => deadline.abort(), settings.timeoutMs);
  const signal = parent ? AbortSignal.any([parent, deadline.signal]) : deadline.signal;
  const fail = (error: unknown): never => {
    throw deadline.signal.aborted && !parent?.aborted
      ? new SearchAuthError('ERR_TIMEOUT', `${job} not ready after ${settings.timeoutMs} ms`, {
          vendor: VENDOR,
        })
      : parent?.aborted && !isSearchAuthError(error)
        ? new SearchAuthError('ERR_ABORTED', `aborted while waiting for ${job}`, {
            vendor: VENDOR,
            cause: error,
          })
        : error;
  };
  try {
    for (let delay = settings.initialDelayMs, wait = target.delayFirstPoll; ; wait = true) {
      if (wait) {
        await pause(clock, delay, signal).catch(fail);
        delay = Math.min(delay * settings.factor, settings.maxDelayMs);
      }
      const state = await target.poll(signal).catch(fail);
      const { status, message } = state;
      options.onPoll?.(status);
      if (status === 'READY' || status === 'RETRIEVED') return state;
      if (status === 'ERROR') {
        // The server's reason is shown (shortened); it describes the job, never a credential.
        const reason = typeof message === 'string' ? `: ${message.slice(0, 200)}` : '';
        throw new SearchAuthError('ERR_JOB_FAILED', `${job} ended with status ERROR${reason}`, {
          vendor: VENDOR,
        });
      }
    }
  } finally {
    clock.clearTimeout(timer);
  }
}

function pause(clock: Clock, ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    signal.throwIfAborted();
    const onAbort = () => {
      clock.clearTimeout(handle);
      reject(signal.reason);
    };
    const handle = clock.setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
