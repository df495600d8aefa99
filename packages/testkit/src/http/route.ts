import type { VendorName } from '../types.js';
import type { RouteContext } from './context.js';
import type { Reply } from './reply.js';

export interface Route {
  vendor: VendorName;
  /** Name used in the request log and by fault targets. */
  endpoint: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** The path template, `/a/:name/b`; for documentation and the spec drift test. */
  path: string;
  /** Returns the path parameters when the (raw) path matches. */
  match(path: string): Record<string, string> | undefined;
  /** The vendor's token endpoint: `malformed-token` faults and `endpoint: 'token'` target it. */
  isToken?: boolean;
  /** A token-shaped body without the token, for the `missing-fields` fault. */
  missingFieldsBody?: unknown;
  handle(ctx: RouteContext): Reply | Promise<Reply>;
}

/**
 * Matches `/a/:name/b` style templates segment by segment; parameters are URI-decoded. A segment that
 * does not decode makes the route not match.
 */
export function pathPattern(template: string): Route['match'] {
  const parts = template.split('/');
  return (path) => {
    const segments = path.split('/');
    if (segments.length !== parts.length) return undefined;
    const params: Record<string, string> = {};
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i] as string;
      const segment = segments[i] as string;
      if (part.startsWith(':')) {
        if (segment === '') return undefined;
        try {
          params[part.slice(1)] = decodeURIComponent(segment);
        } catch {
          return undefined;
        }
      } else if (part !== segment) return undefined;
    }
    return params;
  };
}

/** `path` and `match` of a route from one template. */
export function at(template: string): Pick<Route, 'path' | 'match'> {
  return { path: template, match: pathPattern(template) };
}
