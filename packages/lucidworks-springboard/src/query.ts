import type { Client } from 'openapi-fetch';
import { SearchAuthError } from './core.js';
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

export interface CallOptions {
  signal?: AbortSignal;
}

/**
 * Search, detail and related content. Each checks what the server would reject without a useful
 * message, then posts; `api` throws typed errors for non-2xx answers (see throwHttpErrors).
 */
export function queryHelpers(api: Client<SpringboardQueryPaths>) {
  const post = async <T>(
    path: keyof SpringboardQueryPaths,
    body: object,
    options: CallOptions = {},
  ): Promise<T> =>
    (await api.POST(path, { body: body as never, signal: options.signal })).data as T;
  return {
    /** POST /query/search. */
    search: async (body: SearchRequest, options?: CallOptions): Promise<SearchResponse> => {
      requireSession(body);
      if (typeof body.query !== 'string') throw badRequest('query must be a string');
      return post('/query/search', body, options);
    },
    /** POST /query/detail, with an `id` from search results. */
    detail: async (body: DetailRequest, options?: CallOptions): Promise<DetailResponse> => {
      if (typeof body?.id !== 'string' || !body.id) {
        throw badRequest('id must be a document id from search results');
      }
      return post('/query/detail', body, options);
    },
    /** POST /query/relatedContent; the probe is a title (and description) or a documentId. */
    relatedContent: async (
      body: RelatedContentRequest,
      options?: CallOptions,
    ): Promise<RelatedContentResponse> => {
      requireSession(body);
      const probe = body.probe as { title?: unknown; documentId?: unknown } | undefined;
      if ((typeof probe?.title === 'string') === (typeof probe?.documentId === 'string')) {
        throw badRequest('probe needs exactly one of probe.title or probe.documentId');
      }
      return post('/query/relatedContent', body, options);
    },
  };
}

function requireSession(body: { utcOffset?: unknown; sessionId?: unknown } | undefined): void {
  if (typeof body?.utcOffset !== 'string' || !/^[+-]\d\d:\d\d$/.test(body.utcOffset)) {
    throw badRequest('utcOffset must look like +02:00 or -05:00');
  }
  if (typeof body?.sessionId !== 'string' || !body.sessionId) {
    throw badRequest('sessionId must be a non-empty string');
  }
}

const badRequest = (message: string) =>
  new SearchAuthError('ERR_BAD_REQUEST', message, { vendor: VENDOR });

/** Formats a UTC offset for the Query API (`+02:00`) from a Date's local time zone. */
export function utcOffsetOf(date: Date = new Date()): string {
  const minutes = -date.getTimezoneOffset();
  // Offsets stay under a day, so the time of day at |offset| after the epoch is its HH:MM.
  return `${minutes < 0 ? '-' : '+'}${new Date(Math.abs(minutes) * 60_000).toISOString().slice(11, 16)}`;
}
