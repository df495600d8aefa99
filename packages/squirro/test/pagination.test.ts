import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSquirroClient, DEFAULT_PAGE_SIZE, isSearchAuthError } from '../src/index.js';
import { CLUSTER, REFRESH_TOKEN } from './fake-squirro.js';
import { type PagedOptions, pagedSquirro } from './paged-squirro.js';

function setup(options: PagedOptions) {
  const server = pagedSquirro(options);
  const squirroClient = createSquirroClient({
    clusterUrl: CLUSTER,
    refreshToken: REFRESH_TOKEN,
    tenant: 'squirro_demo',
    fetch: server.fetch,
  });
  return { server, squirroClient };
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const value of iterable) out.push(value);
  return out;
}

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isSearchAuthError(error)) throw new Error(`expected a SearchAuthError, got ${error}`);
  return error;
}

// Every third match is dropped after pagination, so pages of 10 hold 6 or 7 items.
const everyThird = (position: number) => position % 3 === 1;

describe('iterateItems', () => {
  it('walks a multi-page result with short pages without repeating or skipping items', async () => {
    const { server, squirroClient } = setup({ total: 47, hidden: everyThird });

    const items = await collect(
      squirroClient.iterateItems({ projectId: 'p1', query: 'report', count: 10 }),
    );

    const ids = items.map((item) => item.id);
    expect(ids).toEqual(server.expectedIds());
    expect(new Set(ids).size).toBe(ids.length);
    expect(server.responses.every((page) => (page.items as unknown[]).length < 10)).toBe(true);
    const queries = server.queries();
    expect(queries.map((q) => q.start)).toEqual([0, 10, 20, 30, 40]);
    // Each request carries the previous response's next_params unchanged (scroll_id included).
    expect(queries.map((q) => q.next_params)).toEqual([
      undefined,
      ...server.responses.slice(0, -1).map((page) => page.next_params),
    ]);
    expect(queries.every((q) => q.query === 'report' && q.count === 10)).toBe(true);
    squirroClient.dispose();
  });

  it('without next_params, the next page starts at start + count', async () => {
    const { server, squirroClient } = setup({
      total: 25,
      hidden: everyThird,
      withoutNextParams: true,
    });
    const ids = (await collect(squirroClient.iterateItems({ projectId: 'p', count: 10 }))).map(
      (item) => item.id,
    );
    expect(ids).toEqual(server.expectedIds());
    expect(server.queries().map((q) => q.start)).toEqual([0, 10, 20]);
    squirroClient.dispose();
  });

  it('starts at the given start and asks for DEFAULT_PAGE_SIZE items when count is unset', async () => {
    const { server, squirroClient } = setup({ total: 250 });
    const items = await collect(squirroClient.iterateItems({ projectId: 'p', start: 50 }));
    expect(items).toHaveLength(200);
    expect(items[0]?.id).toBe('item-50');
    expect(server.queries().map((q) => [q.start, q.count])).toEqual([
      [50, DEFAULT_PAGE_SIZE],
      [150, DEFAULT_PAGE_SIZE],
    ]);
    squirroClient.dispose();
  });

  it.each<[string, { tamper: NonNullable<PagedOptions['tamper']>; want: number }]>([
    // A page with eof stops even if next_params says otherwise.
    [
      'eof: true',
      { tamper: (page) => ({ ...page, eof: true, next_params: { start: 10 } }), want: 1 },
    ],
    // An empty page stops even without eof.
    [
      'an empty page',
      {
        tamper: (page, q) => (q.start === 10 ? { ...page, items: [], eof: false } : page),
        want: 2,
      },
    ],
  ])('stops after %s', async (_name, { tamper, want }) => {
    const { server, squirroClient } = setup({ total: 100, tamper });
    await collect(squirroClient.iterateItems({ projectId: 'p', count: 10 }));
    expect(server.apiRequests()).toHaveLength(want);
    squirroClient.dispose();
  });

  it('a server whose next_params do not advance ends with ERR_HTTP instead of looping', async () => {
    const { server, squirroClient } = setup({
      total: 100,
      tamper: (page) => ({ ...page, next_params: { start: 0 } }),
    });
    const error = await failure(collect(squirroClient.iterateItems({ projectId: 'p', count: 10 })));
    expect(error.code).toBe('ERR_HTTP');
    expect(server.apiRequests()).toHaveLength(1);
    squirroClient.dispose();
  });

  it('stops on abort between items and requests no further page', async () => {
    const { server, squirroClient } = setup({ total: 100 });
    const controller = new AbortController();
    const seen: string[] = [];
    const error = await failure(
      (async () => {
        for await (const item of squirroClient.iterateItems({
          projectId: 'p',
          count: 10,
          signal: controller.signal,
        })) {
          seen.push(item.id);
          if (seen.length === 3) controller.abort();
        }
      })(),
    );
    expect(error.code).toBe('ERR_ABORTED');
    expect(seen).toHaveLength(3);
    expect(server.apiRequests()).toHaveLength(1);
    squirroClient.dispose();
  });

  it('breaking out of the loop requests no further page', async () => {
    const { server, squirroClient } = setup({ total: 100 });
    for await (const item of squirroClient.iterateItems({ projectId: 'p', count: 10 })) {
      if (item.id === 'item-12') break;
    }
    expect(server.apiRequests()).toHaveLength(2);
    squirroClient.dispose();
  });

  it.each([0, -1, 2.5])('count %s -> ERR_INVALID_OPTIONS', async (count) => {
    const { server, squirroClient } = setup({ total: 10 });
    const error = await failure(collect(squirroClient.iterateItems({ projectId: 'p', count })));
    expect(error.code).toBe('ERR_INVALID_OPTIONS');
    expect(server.fetch.seen).toHaveLength(0);
  });

  it('iteratePages yields whole pages with their totals', async () => {
    const { squirroClient } = setup({ total: 30, hidden: everyThird });
    const pages = await collect(squirroClient.iteratePages({ projectId: 'p', count: 10 }));
    expect(pages.map((page) => [page.count, page.total, page.eof])).toEqual([
      [7, 30, false],
      [6, 30, false],
      [7, 30, true],
    ]);
  });

  it('property: any result size, page size and filtering yields every visible item once, in order', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 120 }),
        fc.integer({ min: 1, max: 25 }),
        fc.func(fc.boolean()),
        fc.boolean(),
        async (total, count, hide, withoutNextParams) => {
          const hidden = (position: number) => hide(position);
          const { server, squirroClient } = setup({ total, hidden, withoutNextParams });
          const items = await collect(squirroClient.iterateItems({ projectId: 'p', count }));
          squirroClient.dispose();
          const ids = items.map((item) => item.id);
          const expected = server.expectedIds();
          // An empty page ends the walk (the documented stop rule), so compare up to that page.
          const cut = server.responses.findIndex(
            (page) => (page.items as unknown[]).length === 0 && page.eof !== true,
          );
          if (cut === -1) expect(ids).toEqual(expected);
          else expect(expected.slice(0, ids.length)).toEqual(ids);
          expect(new Set(ids).size).toBe(ids.length);
        },
      ),
      { numRuns: 150 },
    );
    // 150 generated paging runs take seconds on a busy 2-core CI machine; the default 5 s is too tight.
  }, 60_000);
});
