// Bring your own spec: `paths` comes from openapi-typescript run on examples/search-api.yaml
// (`pnpm run examples:generate`). Every path, parameter and response below is checked against it.
// The spec is what the searchauth simulator serves (`pnpm sim`), so this runs against it unchanged.
import { createOAuth2Client, type OAuth2ClientOptions } from '@searchauth/oauth2';
import type { components, paths } from './generated/search-api.js';

export function createSearchApi(options: OAuth2ClientOptions) {
  return createOAuth2Client<paths>(options);
}

export type SearchApi = ReturnType<typeof createSearchApi>;
export type SearchItem = components['schemas']['SearchItem'];

type SearchError = components['schemas']['OAuthError'] | components['schemas']['ServiceError'];

/** The server's explanation: an OAuth2-style `error_description`, or a 429/5xx `message`. */
const explain = (error: SearchError) =>
  'error_description' in error ? error.error_description : (error.message ?? 'no details');

/** Titles of the best hits for a query. */
export async function searchTitles(api: SearchApi, q: string, limit = 5): Promise<string[]> {
  const { data, error, response } = await api.client.GET('/v1/search', {
    params: { query: { q, limit } },
  });
  if (error) {
    throw new Error(`search failed with HTTP ${response.status}: ${explain(error)}`);
  }
  return data.items.map((item) => item.title);
}

/** Every hit for a query, best first, one page of `pageSize` at a time. */
export async function searchAll(api: SearchApi, q: string, pageSize = 50): Promise<SearchItem[]> {
  const items: SearchItem[] = [];
  let total = Number.POSITIVE_INFINITY;
  while (items.length < total) {
    const { data, error, response } = await api.client.GET('/v1/search', {
      params: { query: { q, limit: pageSize, offset: items.length } },
    });
    if (error) {
      throw new Error(`search failed with HTTP ${response.status}: ${explain(error)}`);
    }
    total = data.total;
    // An empty page before `total` (the results changed under us) ends the walk.
    if (data.items.length === 0) break;
    items.push(...data.items);
  }
  return items;
}
