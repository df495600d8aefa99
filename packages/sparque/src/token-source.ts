import type { Clock, Secret, TokenSource } from '@searchauth/core';
import {
  createTokenFetch,
  readTokenBody,
  SearchAuthError,
  systemClock,
  tokenEndpointError,
} from './core.js';
import type { components } from './generated/api.js';
import { parseSparqueTokenResponse } from './token-response.js';

export type AuthContentType = 'application/json' | 'application/json-patch+json';

export interface SparqueTokenSourceOptions {
  /** Full token URL, e.g. `https://api.search.sparque.ai/api/auth`. */
  authUrl: string;
  workspace: string;
  clientId: Secret;
  clientSecret: Secret;
  /** Media type of the JSON body. Default `application/json`. */
  contentType?: AuthContentType;
  fetch?: typeof fetch;
  allowInsecureHttp?: boolean;
  /** Per token request, including reading the body, ms. Default 30 000. */
  timeoutMs?: number;
  /** Schedules the timeout; inject the manager's clock in tests. */
  clock?: Pick<Clock, 'setTimeout' | 'clearTimeout'>;
}

/**
 * SPARQUE's Token Storage API as a TokenSource. The server keeps one valid token per account and
 * hands it back while `ForceReauth` is false, so ordinary and ahead-of-expiry requests cost no quota.
 * After a 401 it still asks without forcing first: `ForceReauth: true` is sent only when the server
 * hands back the very token the API just rejected. Forcing straight away would revoke the fresh token
 * a peer process (same account) may already have obtained, and the two would revoke each other forever.
 */
export function sparqueTokenSource(options: SparqueTokenSourceOptions): TokenSource {
  const { authUrl: url, clock = systemClock } = options;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const where = { vendor: 'sparque', method: 'POST', url };
  const send = createTokenFetch({ ...options, vendor: 'sparque' });

  const request = async (forceReauth: boolean, signal: AbortSignal) => {
    const body: components['schemas']['AuthRequest'] = {
      WorkspaceName: options.workspace,
      ClientId: options.clientId.reveal(),
      ClientSecret: options.clientSecret.reveal(),
      ForceReauth: forceReauth,
    };
    const timeout = new AbortController();
    const timer = clock.setTimeout(() => timeout.abort(), timeoutMs);
    // A pending token request timeout must not keep a process alive.
    (timer as { unref?(): void } | undefined)?.unref?.();
    try {
      const response = await send(url, {
        method: 'POST',
        headers: { accept: '*/*', 'content-type': options.contentType ?? 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.any([signal, timeout.signal]),
      });
      if (!response.ok) {
        response.body?.cancel().catch(() => {});
        throw tokenEndpointError(response, where);
      }
      const { text, serverDate } = await readTokenBody(response, where);
      const contentType = response.headers.get('content-type');
      return { ...parseSparqueTokenResponse({ text, contentType }, url), serverDate };
    } catch (error) {
      if (!timeout.signal.aborted || signal.aborted) throw error;
      throw new SearchAuthError('ERR_TIMEOUT', `token request timed out after ${timeoutMs} ms`, {
        ...where,
        cause: error,
      });
    } finally {
      clock.clearTimeout(timer);
    }
  };

  return async ({ reason, signal, rejectedToken }) => {
    const stored = await request(false, signal);
    if (reason !== 'unauthorized' || stored.accessToken !== rejectedToken) return stored;
    return request(true, signal);
  };
}
