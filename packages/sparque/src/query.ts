import { httpError, SearchAuthError } from './core.js';
import type { components } from './generated/api.js';
import {
  buildQueryPath,
  type EndpointCall,
  type ParameterValue,
  type QueryPathParts,
  type ResponseType,
} from './query-path.js';

type Schemas = components['schemas'];
/** One column of a result tuple: a ResultObject for OBJ columns, else a value. */
export type TupleEntry = Schemas['TupleEntry'];
/** An OBJ column: `{ id, class?, attributes? }`, attributes as the workspace's data model defines. */
export type ResultObject = Schemas['ResultObject'];

/** The JSON each response type answers with. */
export interface SparqueResponses {
  results: Schemas['ResultsResponse'];
  /** A two-element array: results, then statistics (not a count, despite the name). */
  'results,count': Schemas['ResultsAndCountResponse'];
  count: Schemas['CountResponse'];
  statistics: Schemas['StatisticsResponse'];
  options: Schemas['OptionsResponse'];
  resultitem: Schemas['ResultItemResponse'];
  resultpage: Schemas['ResultPageResponse'];
}

/** A structured query: `query()` builds and encodes the path, so no one concatenates strings. */
export interface SparqueQuery<R extends ResponseType = 'results'> {
  /** One or more endpoints (an empty list is rejected); later ones refine earlier results. */
  endpoints: readonly EndpointCall[];
  /** Context parameters for all endpoints, e.g. `{ locale: 'en-US' }`. */
  context?: Readonly<Record<string, ParameterValue>>;
  /** API name; defaults to the client's `api` option. */
  api?: string;
  /** Default `results`. */
  responseType?: R;
  /** Workspace configuration, e.g. `production`. */
  config?: string;
  count?: number;
  offset?: number;
  cutoff?: string | number;
  homogeneousArrays?: boolean;
  /** For `resultitem`. */
  rank?: number;
  /** For `resultitem`. */
  column?: number;
  /** For `options`. */
  multiselect?: boolean;
  signal?: AbortSignal;
}

const QUERY_OPTIONS = [
  'config',
  'count',
  'offset',
  'cutoff',
  'homogeneousArrays',
  'rank',
  'column',
  'multiselect',
] as const;

export interface QueryTarget {
  apiBaseUrl: string;
  version: string;
  workspace: string;
  api: string | undefined;
  fetch: typeof fetch;
}

/** Sends one structured query with the authenticated fetch; non-2xx answers throw typed errors. */
export async function runQuery<R extends ResponseType = 'results'>(
  target: QueryTarget,
  query: SparqueQuery<R>,
): Promise<SparqueResponses[R]> {
  // The target goes last: a query cannot redirect the version or workspace.
  const parts = {
    ...query,
    ...target,
    api: query.api ?? target.api,
    responseType: query.responseType ?? 'results',
  } as QueryPathParts;
  const url = new URL(target.apiBaseUrl + buildQueryPath(parts));
  for (const name of QUERY_OPTIONS) {
    const value = query[name];
    if (value !== undefined) url.searchParams.set(name, String(value));
  }
  const where = { vendor: 'sparque', method: 'GET' };
  const response = await target.fetch(url, {
    headers: { accept: 'application/json' },
    signal: query.signal,
  });
  if (!response.ok) throw await httpError(response, where);
  return response.json().catch((cause) => {
    throw new SearchAuthError('ERR_HTTP', 'the response is not JSON', {
      ...where,
      url: url.href,
      status: response.status,
      cause,
    });
  });
}
