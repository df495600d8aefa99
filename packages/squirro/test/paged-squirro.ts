import { issuingTokens, json, type SeenRequest, squirro } from './fake-squirro.js';

export interface PagedOptions {
  /** Matches before filtering. */
  total: number;
  /** Items the server drops after paginating (Squirro's quirk), by position. */
  hidden?: (position: number) => boolean;
  /** Leave `next_params` out of responses. */
  withoutNextParams?: boolean;
  /** Rewrites a response before it is sent. */
  tamper?: (page: Record<string, unknown>, request: PagedRequest) => Record<string, unknown>;
}

export interface PagedRequest {
  start?: number;
  count?: number;
  next_params?: Record<string, unknown>;
  [key: string]: unknown;
}

/**
 * A project holding `total` matches that behaves like Squirro's items query: a page covers the
 * window [start, start + count) and then drops hidden items, so it can be short while more follow.
 */
export function pagedSquirro(options: PagedOptions) {
  const hidden = options.hidden ?? (() => false);
  const responses: Record<string, unknown>[] = [];
  const server = squirro({
    token: issuingTokens(),
    api: (request: SeenRequest) => {
      // A client that never stops would otherwise spin without yielding to the test's timeout.
      if (responses.length >= 1000) throw new Error('paged-squirro: more than 1000 page requests');
      const body = JSON.parse(request.body) as PagedRequest;
      const start = (body.next_params?.start as number | undefined) ?? body.start ?? 0;
      const count = body.count ?? 15;
      const end = Math.min(start + count, options.total);
      const items = [];
      for (let position = start; position < end; position++) {
        if (!hidden(position)) items.push({ id: `item-${position}`, title: `Item ${position}` });
      }
      const eof = end >= options.total;
      let page: Record<string, unknown> = {
        count: items.length,
        total: options.total,
        eof,
        now: '2024-05-01T12:00:00',
        items,
      };
      if (!eof && !options.withoutNextParams) {
        page.next_params = { start: end, expected_num_results: count, scroll_id: `scroll-${end}` };
      }
      page = options.tamper ? options.tamper(page, body) : page;
      responses.push(page);
      return json(page);
    },
  });
  return {
    ...server,
    responses,
    /** The JSON bodies of the query requests, in order. */
    queries: () => server.apiRequests().map((r) => JSON.parse(r.body) as PagedRequest),
    /** The ids a correct client returns: every position that is not hidden, in order. */
    expectedIds: () =>
      Array.from({ length: options.total }, (_, i) => i)
        .filter((i) => !hidden(i))
        .map((i) => `item-${i}`),
  };
}
