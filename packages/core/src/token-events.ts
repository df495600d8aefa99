import { isSearchAuthError } from './errors.js';
import type { RefreshWindow } from './margin.js';
import { defined } from './token-http.js';
import type { StoredToken, TokenEvent, TokenEventType } from './types.js';

/** A token as a manager holds it: with its refresh window and fingerprint worked out once. */
export interface Entry extends StoredToken, RefreshWindow {
  fingerprint: string;
}

export type Emit = (type: TokenEventType, entry?: Entry, error?: unknown) => void;

/**
 * Builds events from fingerprints and our own error messages only. A listener that throws, or an async
 * one that rejects, is ignored: an unhandled rejection would end a Node process.
 */
export const createEmitter =
  (onEvent: ((event: TokenEvent) => void) | undefined, key: () => string, vendor: string): Emit =>
  (type, entry, error) => {
    try {
      (
        onEvent?.(
          defined({
            type,
            key: key(),
            vendor,
            tokenFingerprint: entry?.fingerprint,
            expiresAt: entry?.expiresAt,
            // Only SearchAuthError messages are known to be free of secrets.
            error:
              error === undefined
                ? error
                : isSearchAuthError(error)
                  ? { code: error.code, message: error.message }
                  : { code: 'ERR_TOKEN_SOURCE', message: 'the token source failed' },
          }),
        ) as Promise<void> | undefined
      )?.catch?.(() => {});
    } catch {
      // A failing listener must not break token delivery.
    }
  };
