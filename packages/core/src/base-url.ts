import { SearchAuthError } from './errors.js';
import { requireHttps } from './token-request.js';

/**
 * Checks a base-URL option and returns it without trailing slashes (a path prefix is kept). It must
 * be an http(s) URL with no credentials, query or fragment (credentials in a URL end up in logs, and
 * fetch refuses them); plain http only to loopback unless `allowInsecureHttp`. Failures are
 * ERR_INVALID_OPTIONS or ERR_INSECURE_URL naming `name`, never quoting the value.
 */
export function checkBaseUrl(
  value: unknown,
  name: string,
  options: { vendor: string; allowInsecureHttp?: boolean },
): string {
  const { vendor } = options;
  const url = typeof value === 'string' && URL.canParse(value) && new URL(value);
  // Nothing but origin and path: this also refuses an empty query or fragment ("https://host/?"),
  // which url.search and url.hash report as "".
  if (!url || !/^https?:$/.test(url.protocol) || url.href !== url.origin + url.pathname) {
    throw new SearchAuthError(
      'ERR_INVALID_OPTIONS',
      `${name} must be an http(s) URL without credentials, query or fragment`,
      { vendor },
    );
  }
  requireHttps(url, options.allowInsecureHttp, name, { vendor });
  return url.href.replace(/\/+$/, '');
}
