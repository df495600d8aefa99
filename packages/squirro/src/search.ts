import type { Client, Middleware } from 'openapi-fetch';
import { httpError, SearchAuthError } from './core.js';
import type { components, paths } from './generated/api.js';
import { invalid, requireText, VENDOR } from './options.js';

export type ItemsQuery = components['schemas']['ItemsQuery'];
export type ItemsQueryResult = components['schemas']['ItemsQueryResult'];
export type Item = components['schemas']['Item'];
export type NextParams = components['schemas']['NextParams'];

/** The items query body plus where to send it. */
export type SearchItemsParams = ItemsQuery & {
  /** Defaults to the client's `tenant`. */
  tenant?: string;
  projectId: string;
  signal?: AbortSignal;
};

export type SearchItems = (params: SearchItemsParams) => Promise<ItemsQueryResult>;

const QUERY_PATH = '/api/topic/v0/{tenant}/projects/{project_id}/items/query';
const METHOD = 'POST';

/**
 * One page of `items/query`; HTTP errors become a typed SearchAuthError. `client` must be this
 * package's search client (see `throwHttpErrors`).
 */
export function createSearchItems(
  client: Client<paths>,
  defaultTenant: string | undefined,
): SearchItems {
  return async (params) => {
    const { tenant, projectId, signal, ...body } = params ?? ({} as SearchItemsParams);
    const path = {
      tenant: requireText(tenant ?? defaultTenant, 'tenant (per call or as a client option)'),
      project_id: requireText(projectId, 'projectId'),
    };
    if (body.query !== undefined && body.query_context !== undefined) {
      throw invalid('query and query_context are mutually exclusive');
    }
    const { data, response } = await client.POST(QUERY_PATH, {
      params: { path },
      body,
      signal,
      // Parsed here, so that a body that is not JSON becomes a typed error, not a SyntaxError.
      parseAs: 'text',
    });
    return parseResult(data, {
      vendor: VENDOR,
      method: METHOD,
      url: response.url,
      status: response.status,
    });
  };
}

/**
 * For the search client only: a non-2xx final response becomes core's typed HTTP error, built
 * from the body before openapi-fetch reads it. The generated client handed to callers keeps
 * openapi-fetch's `{ error }`.
 */
export const throwHttpErrors: Middleware = {
  async onResponse({ response }) {
    if (!response.ok) throw await httpError(response, { vendor: VENDOR, method: METHOD });
  },
};

function parseResult(
  text: string | undefined,
  ctx: { vendor: string; method: string; url: string; status: number },
): ItemsQueryResult {
  let body: ItemsQueryResult | undefined;
  try {
    body = JSON.parse(text as string);
  } catch {}
  // An array, a non-object or a body without items all fail here: none has an array of items.
  if (!Array.isArray(body?.items) || body.items.some((item) => !item || typeof item !== 'object')) {
    throw new SearchAuthError(
      'ERR_HTTP',
      'items query response is not JSON with a list of items',
      ctx,
    );
  }
  return body;
}
