import type { components } from './generated/api.js';
import { invalid } from './options.js';

export type ResponseType = components['schemas']['ResponseType'];

/** A parameter or context value; numbers and booleans are written as JavaScript prints them. */
export type ParameterValue = string | number | boolean;

/** One endpoint of a query; later endpoints refine the results of earlier ones. */
export interface EndpointCall {
  /** Endpoint name; a `:FILTER` suffix (facet endpoint) is kept as is. */
  name: string;
  /** Parameters in order, sent as `p/{name}/{value}`. */
  parameters?: Readonly<Record<string, ParameterValue>>;
}

/** What `buildQueryPath` turns into a Query API path. */
export interface QueryPathParts {
  version: string;
  workspace: string;
  api: string;
  /** At least one endpoint. */
  endpoints: readonly EndpointCall[];
  /** Context parameters (e.g. `{ locale: 'en-US' }`), sent first as `c/{name}/{value}`. */
  context?: Readonly<Record<string, ParameterValue>>;
  responseType: ResponseType;
}

const RESPONSE_TYPES =
  'results | results,count | resultpage | resultitem | count | statistics | options';

/**
 * `/{version}/{workspace}/api/{api}/c/{name}/{value}…/e/{endpoint}/p/{name}/{value}…/{responseType}`,
 * every name and value encoded as one path segment, so a `/` or `?` in a value never changes the path.
 */
export function buildQueryPath(parts: QueryPathParts): string {
  const responseType = responseTypeSegment(parts.responseType);
  const { endpoints } = parts;
  if (!Array.isArray(endpoints) || !endpoints.length) {
    throw invalid('a query needs at least one endpoint');
  }
  return `/${[
    segment(parts.version, 'version'),
    segment(parts.workspace, 'workspace'),
    'api',
    segment(parts.api, 'api'),
    ...pairs('c', parts.context, 'context'),
    ...endpoints.flatMap((endpoint, i) => {
      const what = `endpoints[${i}]`;
      if (!endpoint || typeof endpoint !== 'object') {
        throw invalid(`${what} must be an object { name, parameters? }`);
      }
      return [
        'e',
        endpointSegment(endpoint.name, `${what}.name`),
        ...pairs('p', endpoint.parameters, `${what}.parameters`),
      ];
    }),
    responseType,
  ].join('/')}`;
}

/**
 * Path serializer for the generated client: same encoding as `buildQueryPath`, so `:FILTER` and the
 * comma of `results,count` reach the server as written instead of as %3A and %2C.
 */
export function sparquePathSerializer(
  pathname: string,
  pathParams: Record<string, unknown> | undefined,
): string {
  return pathname.replace(/\{([^{}]+)\}/g, (_match, name: string) => {
    const value = pathParams?.[name];
    return name === 'endpoint'
      ? endpointSegment(value, name)
      : name === 'responseType'
        ? responseTypeSegment(value)
        : segment(value, name);
  });
}

function responseTypeSegment(value: unknown): string {
  if (!RESPONSE_TYPES.split(' | ').includes(value as string)) {
    throw invalid(`responseType must be one of ${RESPONSE_TYPES}`);
  }
  return value as string;
}

function endpointSegment(name: unknown, what: string): string {
  const facet = typeof name === 'string' && name.endsWith(':FILTER');
  return facet ? `${segment(name.slice(0, -7), what)}:FILTER` : segment(name, what);
}

function pairs(
  marker: 'c' | 'p',
  values: Readonly<Record<string, ParameterValue>> | undefined,
  what: string,
): string[] {
  if (values === undefined) return [];
  if (!values || typeof values !== 'object' || Array.isArray(values)) {
    throw invalid(`${what} must be an object of name -> value`);
  }
  return Object.entries(values).flatMap(([name, value]) => [
    marker,
    segment(name, `${what} name`),
    segment(value, `${what}.${name}`),
  ]);
}

function segment(value: unknown, what: string): string {
  const problem = !/^(string|number|boolean)$/.test(typeof value)
    ? 'must be a string, number or boolean'
    : typeof value === 'number' && !Number.isFinite(value)
      ? 'is not finite'
      : // An empty segment makes `//`, and `.`/`..` (even as %2E) are removed by URL normalisation.
        /^\.?\.?$/.test(value as string) && 'is empty, "." or ".."; leave the entry out instead';
  if (problem) throw invalid(`${what} ${problem}`);
  try {
    return encodeURIComponent(value as string);
  } catch (cause) {
    throw invalid(`${what} is not well-formed Unicode`, cause);
  }
}
