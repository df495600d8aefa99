import type { Clock } from './types.js';

/** The real clock. Its timers keep the process alive; see `unref` for the ones that should not. */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Lets the process exit while `handle` is pending, where the runtime allows (Node, Bun). Used for
 * timeouts, which only guard work that keeps the process alive on its own; never for a wait a
 * caller is awaiting, or an idle process would exit with that promise unsettled.
 */
export function unref(handle: unknown): unknown {
  (handle as { unref?: () => void } | undefined)?.unref?.();
  return handle;
}
