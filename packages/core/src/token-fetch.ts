import { abortedError } from './abort.js';
import { discard } from './body.js';
import { SearchAuthError } from './errors.js';

/** Options of `createTokenFetch`: the fetch that token requests of one vendor go through. */
export interface TokenFetchOptions {
  vendor: string;
  fetch?: typeof fetch;
  /** Allow http:// to hosts other than loopback. Credentials then travel in clear text. */
  allowInsecureHttp?: boolean;
}

/** localhost, 127.0.0.0/8 and ::1: plain http there never leaves the machine. */
export function isLoopback(hostname: string): boolean {
  return /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/.test(hostname);
}

/**
 * The fetch for token requests: refuses http:// except to loopback, never follows a redirect (a
 * redirect would carry the credentials to wherever it points) and reports network failure as
 * ERR_TOKEN_ENDPOINT_UNAVAILABLE.
 */
export function createTokenFetch({
  vendor,
  // Looked up per call, so that test interceptors installed later still apply.
  fetch: send = (input, init) => globalThis.fetch(input, init),
  allowInsecureHttp,
}: TokenFetchOptions): typeof fetch {
  return async (input, init = {}) => {
    const request = input instanceof Request ? input : undefined;
    const url = new URL(request?.url ?? String(input));
    const where = { vendor, method: init.method ?? request?.method ?? 'GET', url: url.href };
    const { protocol } = url;
    if (
      protocol !== 'https:' &&
      (protocol !== 'http:' || !(allowInsecureHttp || isLoopback(url.hostname)))
    ) {
      throw new SearchAuthError(
        'ERR_INSECURE_URL',
        'plain http to a non-loopback host refused',
        where,
      );
    }
    let response: Response;
    try {
      response = await send(input, { ...init, redirect: 'manual' });
    } catch (cause) {
      throw (init.signal ?? request?.signal)?.aborted
        ? abortedError(vendor, cause)
        : new SearchAuthError('ERR_TOKEN_ENDPOINT_UNAVAILABLE', 'token endpoint unreachable', {
            ...where,
            cause,
          });
    }
    const { status } = response;
    if (response.type === 'opaqueredirect' || (status > 299 && status < 400)) {
      discard(response);
      let host = '?';
      try {
        host = new URL(response.headers.get('location') as string, url).host || host;
      } catch {}
      throw new SearchAuthError(
        'ERR_REDIRECT_REFUSED',
        `token endpoint redirect to ${host} refused`,
        {
          ...where,
          status,
        },
      );
    }
    return response;
  };
}
