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

/**
 * `/{version}/{workspace}/api/{api}/c/{name}/{value}…/e/{endpoint}/p/{name}/{value}…/{responseType}`,
 * every name and value encoded as one path segment, so a `/` or `?` in a value never changes the path.
 */
export function buildQueryPath(parts: QueryPathParts): string {
  const { endpoints } = parts;
  if (!endpoints?.length) throw invalid('endpoints', 'a non-empty array');
  return [
    sparquePathSerializer('/{version}/{workspace}/api/{api}', parts),
    ...pairs('c', parts.context),
    ...endpoints.flatMap((endpoint) => [
      'e',
      endpointSegment(endpoint?.name),
      ...pairs('p', endpoint.parameters),
    ]),
    responseTypeSegment(parts.responseType),
  ].join('/');
}

/**
 * Path serializer for the generated client: same encoding as `buildQueryPath`, so `:FILTER` and the
 * comma of `results,count` reach the server as written instead of as %3A and %2C.
 */
export function sparquePathSerializer(pathname: string, pathParams: object | undefined): string {
  return pathname.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const value = (pathParams as Record<string, unknown> | undefined)?.[name];
    return name === 'endpoint'
      ? endpointSegment(value)
      : name === 'responseType'
        ? responseTypeSegment(value)
        : segment(value, name);
  });
}

function responseTypeSegment(value: unknown): string {
  if (
    !/^(results(,count)?|resultpage|resultitem|count|statistics|options)$/.test(value as string)
  ) {
    throw invalid('responseType', 'a SPARQUE response type');
  }
  return value as string;
}

/** The endpoint name encoded, a `:FILTER` suffix kept as written. */
const endpointSegment = (name: unknown) =>
  segment(name, 'endpoint').replace(/%3AFILTER$/, ':FILTER');

function pairs(marker: 'c' | 'p', values: Readonly<Record<string, ParameterValue>> = {}) {
  // A string or array would pass Object.entries and spell a wrong path character by character.
  if (typeof values !== 'object' || !values || Array.isArray(values)) {
    throw invalid(marker === 'c' ? 'context' : 'parameters', 'an object of name -> value');
  }
  return Object.entries(values).flatMap(([name, value]) => [
    marker,
    segment(name, 'name'),
    segment(value, name),
  ]);
}

function segment(value: unknown, name: string): string {
  try {
    // An empty segment makes `//`, and `.`/`..` (even as %2E) are removed by URL normalisation.
    if (/^(string|number|boolean)$/.test(typeof value) && !/^\.?\.?$/.test(value as string)) {
      // Throws on a lone surrogate (not well-formed Unicode).
      return encodeURIComponent(value as string);
    }
  } catch {}
  throw invalid(name, 'a string, number or boolean other than "", "." and ".."');
}
