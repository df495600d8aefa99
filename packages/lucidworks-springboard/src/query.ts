import type { Client } from 'openapi-fetch';
import { SearchAuthError } from './deps.js';
import type { components, paths } from './generated/api.js';
import { VENDOR } from './options.js';

type Schemas = components['schemas'];
export type SearchRequest = Schemas['SearchRequest'];
export type SearchResponse = Schemas['SearchResponse'];
export type SearchDoc = Schemas['SearchDoc'];
export type DetailRequest = Schemas['DetailRequest'];
export type DetailResponse = Schemas['DetailResponse'];
export type RelatedContentRequest = Schemas['RelatedContentRequest'];
export type RelatedContentResponse = Schemas['RelatedContentResponse'];

/** The Query API part of the spec. */
export type SpringboardQueryPaths = Pick<
  paths,
  '/query/search' | '/query/detail' | '/query/relatedContent'
>;

const UTC_OFFSET = /^[+-]([01]\d|2[0-3]):[0-5]\d$/;

export interface CallOptions {
  signal?: AbortSignal;
}

/**
 * Search, detail and related content. Each refuses, before sending, a body without the strings
 * the Query API requires or with a `utcOffset` not of the form ±HH:MM (ERR_BAD_REQUEST naming
 * them), then posts; `api` throws typed errors for
 * non-2xx answers. Formats and the probe's shape are left to the types and the server.
 */
export function queryHelpers(api: Client<SpringboardQueryPaths>) {
  const post =
    <Body, Response>(path: keyof SpringboardQueryPaths, required: string[]) =>
    async (body: Body, options: CallOptions = {}): Promise<Response> => {
      const fields = body as Record<string, unknown>;
      const refuse = (message: string) => {
        throw new SearchAuthError('ERR_BAD_REQUEST', `${path} ${message}`, { vendor: VENDOR });
      };
      if (required.some((name) => typeof fields?.[name] !== 'string')) {
        refuse(`needs ${required.join(', ')}`);
      }
      // The server wants the 6-character form; `utcOffsetOf()` builds it from a Date.
      if (required.includes('utcOffset') && !UTC_OFFSET.test(fields.utcOffset as string)) {
        refuse('needs utcOffset as ±HH:MM, e.g. +02:00');
      }
      return (await api.POST(path, { body: body as never, signal: options.signal }))
        .data as Response;
    };
  const session = ['utcOffset', 'sessionId'];
  return {
    /** POST /query/search; `query`, `utcOffset` and `sessionId` are required. */
    search: post<SearchRequest, SearchResponse>('/query/search', ['query', ...session]),
    /** POST /query/detail, with an `id` from search results. */
    detail: post<DetailRequest, DetailResponse>('/query/detail', ['id']),
    /** POST /query/relatedContent; the probe is a title (and description) or a documentId. */
    relatedContent: post<RelatedContentRequest, RelatedContentResponse>(
      '/query/relatedContent',
      session,
    ),
  };
}

/** Formats a UTC offset for the Query API (`+02:00`) from a Date's local time zone. */
export function utcOffsetOf(date: Date = new Date()): string {
  const minutes = -date.getTimezoneOffset();
  // Offsets stay under a day, so the time of day at |offset| after the epoch is its HH:MM.
  return `${minutes < 0 ? '-' : '+'}${new Date(Math.abs(minutes) * 60_000).toISOString().slice(11, 16)}`;
}
