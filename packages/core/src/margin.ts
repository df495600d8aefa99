import type { StoredToken } from './types.js';

export const DEFAULT_MARGIN_SECONDS = 300;
/** The margin never exceeds this share of the lifetime, so a 60 s token is not refreshed at once. */
const MARGIN_SHARE = 0.25;
const MARGIN_FLOOR_MS = 1000;
/** Callers stop being handed a token this close to expiry (at most): it could expire in flight. */
const MUST_REFRESH_MS = 30_000;

export interface RefreshWindow {
  /** From here a background refresh runs while the token is still served. */
  refreshAt: number;
  /** From here callers wait for a new token (and get this one only if the refresh fails). */
  mustRefreshAt: number;
}

/**
 * Margin = min(configured or 300 s, 25% of the lifetime), at least 1 s, stretched by up to 20% by
 * the instance's `jitter` (0..1) so a fleet does not refresh in the same second; at most half the
 * lifetime. Tokens of unknown expiry get an endless window.
 */
export function refreshWindow(
  token: StoredToken,
  marginSeconds: number | undefined,
  jitter: number,
): RefreshWindow {
  const expiresAt = token.expiresAt ?? Infinity;
  const lifetime = expiresAt - token.obtainedAt;
  const base = Math.min((marginSeconds ?? DEFAULT_MARGIN_SECONDS) * 1000, lifetime * MARGIN_SHARE);
  const margin = Math.min(Math.max(base, MARGIN_FLOOR_MS) * (1 + jitter / 5), lifetime / 2);
  return {
    refreshAt: expiresAt - margin,
    mustRefreshAt: expiresAt - Math.min(margin / 2, MUST_REFRESH_MS),
  };
}
