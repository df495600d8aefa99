import { unref } from './clock.js';
import {
  SearchAuthError,
  type SearchAuthErrorCode,
  type SearchAuthErrorOptions,
} from './errors.js';
import { lowLevelCode } from './redact.js';
import type { Clock } from './types.js';

export const abortedError = (vendor: string | undefined, cause?: unknown) =>
  new SearchAuthError('ERR_ABORTED', 'aborted', { vendor, cause });

/**
 * What a fetch that threw becomes: ERR_ABORTED when `signal` aborted, else `code` with `text` naming
 * the low-level code (ECONNREFUSED, ...) that fetch hides causes deep.
 */
export const fetchFailed = (
  signal: AbortSignal | null | undefined,
  code: SearchAuthErrorCode,
  text: string,
  where: SearchAuthErrorOptions & { vendor: string },
  cause: unknown,
) => {
  const causeCode = lowLevelCode(cause);
  return signal?.aborted
    ? abortedError(where.vendor, cause)
    : new SearchAuthError(code, causeCode ? `${text}: ${causeCode}` : text, {
        ...where,
        cause,
        causeCode,
      });
};

/** Settles with `promise`, or rejects with ERR_ABORTED as soon as `signal` aborts. */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined, vendor: string) {
  return signal
    ? new Promise<T>((resolve, reject) => {
        const stop = () => reject(abortedError(vendor, signal.reason));
        if (signal.aborted) stop();
        signal.addEventListener('abort', stop, { once: true });
        promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', stop));
      })
    : promise;
}

/** Resolves after `ms`; rejects with ERR_ABORTED when `signal` aborts first. */
export function sleep(clock: Clock, ms: number, signal: AbortSignal | undefined, vendor: string) {
  let handle: unknown;
  const wait = new Promise<void>((resolve) => {
    handle = clock.setTimeout(resolve, ms);
  });
  return raceAbort(wait, signal, vendor).finally(() => clock.clearTimeout(handle));
}

/**
 * Runs `work` with the parent signal plus, when `ms` is given, a timeout; a rejection after the
 * timeout fired becomes ERR_TIMEOUT described by `where`. The timer is unref'd: it only guards work
 * that keeps the process alive on its own.
 */
export async function withTimeout<T>(
  work: (signal: AbortSignal | undefined) => Promise<T>,
  parent: AbortSignal | null | undefined,
  ms: number | undefined,
  clock: Clock,
  where: SearchAuthErrorOptions,
): Promise<T> {
  if (ms === undefined) return work(parent ?? undefined);
  const timeout = new AbortController();
  const timer = unref(clock.setTimeout(() => timeout.abort(), ms));
  try {
    return await work(AbortSignal.any([parent ?? timeout.signal, timeout.signal]));
  } catch (cause) {
    throw timeout.signal.aborted
      ? new SearchAuthError('ERR_TIMEOUT', `timed out after ${ms} ms`, { ...where, cause })
      : cause;
  } finally {
    clock.clearTimeout(timer);
  }
}
