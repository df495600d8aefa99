import type { ClientOptions, Secret, TokenSource } from '@searchauth/core';
import { sendTokenRequest } from './core.js';
import type { components } from './generated/api.js';
import { parseSparqueTokenResponse, type SparqueTokenParser } from './token-response.js';

export type AuthContentType = 'application/json' | 'application/json-patch+json';

export interface SparqueTokenSourceOptions
  extends Pick<ClientOptions, 'fetch' | 'allowInsecureHttp' | 'clock'> {
  /** Full token URL, e.g. `https://api.search.sparque.ai/api/auth`. */
  authUrl: string;
  workspace: string;
  clientId: Secret;
  clientSecret: Secret;
  /** Media type of the JSON body. Default `application/json`. */
  contentType?: AuthContentType;
  /** Per token request, including reading the body, ms. Default 30 000. */
  timeoutMs?: number;
  /** Reads the token reply instead of the built-in reading (the format is not documented). */
  parseTokenResponse?: SparqueTokenParser;
}

/**
 * SPARQUE's Token Storage API as a TokenSource. The server keeps one valid token per account and
 * hands it back while `ForceReauth` is false, so ordinary and ahead-of-expiry requests cost no quota.
 * After a 401 it still asks without forcing first: `ForceReauth: true` is sent only when the server
 * hands back the very token the API just rejected. Forcing straight away would revoke the fresh token
 * a peer process (same account) may already have obtained, and the two would revoke each other forever.
 */
export function sparqueTokenSource(options: SparqueTokenSourceOptions): TokenSource {
  const { authUrl: url } = options;
  const request = async (ForceReauth: boolean, signal: AbortSignal) => {
    const body: components['schemas']['AuthRequest'] = {
      WorkspaceName: options.workspace,
      ClientId: options.clientId.reveal(),
      ClientSecret: options.clientSecret.reveal(),
      ForceReauth,
    };
    return parseSparqueTokenResponse(
      await sendTokenRequest({
        ...options,
        vendor: 'sparque',
        url,
        urlOption: 'authBaseUrl',
        headers: { accept: '*/*', 'content-type': options.contentType ?? 'application/json' },
        body: JSON.stringify(body),
        signal,
      }),
      url,
      options.parseTokenResponse,
    );
  };
  // The manager sets rejectedToken only after a 401.
  return async ({ signal, rejectedToken }) => {
    const stored = await request(false, signal);
    return stored.accessToken === rejectedToken ? request(true, signal) : stored;
  };
}
