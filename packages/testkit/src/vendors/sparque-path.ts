/** One `e/{endpoint}` segment with its `p/{name}/{value}` parameters. */
export interface SparqueEndpointCall {
  name: string;
  params: Array<{ name: string; value: string }>;
}

export interface SparqueQueryPath {
  version: string;
  workspace: string;
  api: string;
  context: Array<{ name: string; value: string }>;
  endpoints: SparqueEndpointCall[];
  responseType: string;
}

export type ParseResult =
  | { ok: true; path: SparqueQueryPath }
  | { ok: false; status: 400 | 404; message: string };

const CONTEXT = new Set(['c', 'context']);
const ENDPOINT = new Set(['e', 'endpoint']);
const PARAMETER = new Set(['p', 'parameter']);

/**
 * Parses `/{version}/{workspace}/api/{api}/(c/n/v/)*(e/name(/p/n/v)*)+/{responseType}`. Each
 * segment is URI-decoded on its own, so an encoded `/` (%2F) stays inside a value. Returns
 * undefined when the path is not a Query API path at all.
 */
export function parseSparquePath(rawPath: string): ParseResult | undefined {
  const raw = rawPath.split('/').slice(1);
  if (raw.length < 4 || raw[2] !== 'api') return undefined;
  let segments: string[];
  try {
    segments = raw.map((s) => decodeURIComponent(s));
  } catch {
    return { ok: false, status: 400, message: 'A path segment is not valid percent-encoding.' };
  }
  const [version = '', workspace = '', , api = '', ...rest] = segments;
  const responseType = rest.pop();
  if (!responseType || rest.length === 0) {
    return { ok: false, status: 400, message: 'Query has no endpoint (expected e/{endpoint}).' };
  }
  const context: SparqueQueryPath['context'] = [];
  const endpoints: SparqueEndpointCall[] = [];
  let i = 0;
  const take = (): string | undefined => rest[i++];
  while (i < rest.length) {
    const keyword = take() as string;
    if (CONTEXT.has(keyword) && endpoints.length === 0) {
      const name = take();
      const value = take();
      if (name === undefined || value === undefined) return malformed('context parameter');
      context.push({ name, value });
    } else if (ENDPOINT.has(keyword)) {
      const name = take();
      if (!name) return malformed('endpoint');
      endpoints.push({ name, params: [] });
    } else if (PARAMETER.has(keyword) && endpoints.length > 0) {
      const name = take();
      const value = take();
      if (name === undefined || value === undefined) return malformed('parameter');
      endpoints[endpoints.length - 1]?.params.push({ name, value });
    } else {
      return malformed(`segment "${keyword}"`);
    }
  }
  if (endpoints.length === 0) {
    return { ok: false, status: 400, message: 'Query has no endpoint (expected e/{endpoint}).' };
  }
  return { ok: true, path: { version, workspace, api, context, endpoints, responseType } };
}

function malformed(what: string): ParseResult {
  return { ok: false, status: 400, message: `Malformed query path near ${what}.` };
}

/**
 * Reads a tuple-list parameter: `1(red)|0.5(blue)` gives [red, blue]; a plain value gives itself.
 * Parentheses group columns of one tuple, `a,b`; only the first column is used for facet values.
 */
export function tupleListValues(value: string): string[] {
  if (!/^[\d.]+\(.*\)$/.test(value)) return [value];
  return value
    .split('|')
    .map((part) => /^[\d.]+\((.*)\)$/.exec(part)?.[1] ?? part)
    .map((inner) => inner.split(',')[0] ?? inner);
}
