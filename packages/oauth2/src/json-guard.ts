import { SearchAuthError } from '@searchauth/core';
import type { Middleware } from 'openapi-fetch';

/**
 * openapi-fetch parses a 2xx body as JSON and throws a bare SyntaxError when it is not (an HTML
 * page from a proxy, a truncated reply). This turns that into an ERR_HTTP the caller can branch on,
 * naming vendor, method, URL and status. Bodies read as text, blobs or streams are left alone.
 */
export const jsonGuard = (vendor: string): Middleware => ({
  async onResponse({ request, response, options }) {
    if (!response.ok || options.parseAs !== 'json' || response.status === 204) return;
    const text = await response.clone().text();
    try {
      if (text) JSON.parse(text);
    } catch {
      throw new SearchAuthError('ERR_HTTP', 'response is not JSON', {
        vendor,
        method: request.method,
        url: response.url || request.url,
        status: response.status,
      });
    }
  },
});
