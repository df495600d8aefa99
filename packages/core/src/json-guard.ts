import { SearchAuthError } from './errors.js';

/** The part of openapi-fetch's onResponse parameters this guard reads. */
export interface JsonGuardContext {
  request: Request;
  response: Response;
  options: { parseAs?: string };
}

/**
 * An openapi-fetch middleware: `client.use(jsonResponseGuard(vendor))`. openapi-fetch reads a 2xx
 * body as JSON and throws a bare SyntaxError when it is not (an HTML page from a proxy, a truncated
 * reply); with the guard that is an ERR_HTTP naming vendor, method, URL and status. It wraps the one
 * reader openapi-fetch is about to call (`json()`, or `text()` then JSON.parse when there is no
 * Content-Length) rather than reading a clone ahead: a clone tees the body stream, which cost more
 * client CPU than the rest of the request. Bodies read as text, blobs or streams are left alone.
 */
export const jsonResponseGuard = (vendor: string) => ({
  onResponse({ request, response, options }: JsonGuardContext): undefined {
    if (!response.ok || options.parseAs !== 'json') return;
    const notJson = (error: unknown): never => {
      throw error instanceof SyntaxError
        ? new SearchAuthError('ERR_HTTP', 'response is not JSON', {
            vendor,
            method: request.method,
            url: response.url || request.url,
            status: response.status,
          })
        : error;
    };
    // openapi-fetch's own test: with a Content-Length it calls json(), without one text().
    if (response.headers.get('content-length')) {
      const { json } = response;
      response.json = () => json.call(response).catch(notJson);
    } else {
      const { text } = response;
      response.text = () =>
        text.call(response).then((raw) => {
          try {
            if (raw) JSON.parse(raw);
          } catch (error) {
            notJson(error);
          }
          return raw;
        });
    }
  },
});
