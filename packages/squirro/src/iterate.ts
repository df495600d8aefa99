import { SearchAuthError } from './core.js';
import { invalid, VENDOR } from './options.js';
import type {
  Item,
  ItemsQueryResult,
  NextParams,
  SearchItems,
  SearchItemsParams,
} from './search.js';

/** Page size the iterators ask for when the caller sets no `count`. */
export const DEFAULT_PAGE_SIZE = 100;

/** Like `searchItems`, without `next_params`: the iterator owns the paging state. */
// Not Omit<>: it would erase every property type of a type with an index signature.
export type IterateItemsParams = SearchItemsParams & { next_params?: never };

/**
 * Every page of a query, following the server's `next_params`. Squirro filters items after
 * paginating, so a page can hold fewer than `count` items while more follow: the next page starts
 * where the server says (`next_params.start`), never at `start + items.length`, which would repeat
 * items. Stops after a page with `eof: true` or without items.
 */
export async function* iteratePages(
  searchItems: SearchItems,
  params: IterateItemsParams,
): AsyncGenerator<ItemsQueryResult, void, undefined> {
  const { signal, ...query } = params ?? ({} as IterateItemsParams);
  const count = query.count ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(count) || count <= 0) throw invalid('count must be a positive integer');
  let start = query.start ?? 0;
  let nextParams: NextParams | undefined;
  for (;;) {
    throwIfAborted(signal);
    const page = await searchItems({ ...query, start, count, next_params: nextParams, signal });
    yield page;
    if (page.eof === true || page.items.length === 0) return;
    const next = nextStart(page, start, count);
    // A server that does not move forward would make this loop forever.
    if (next <= start) {
      throw new SearchAuthError('ERR_HTTP', `items query paging did not advance past ${start}`, {
        vendor: VENDOR,
      });
    }
    start = next;
    nextParams = page.next_params;
  }
}

/** Every item of a query, page by page; see `iteratePages`. */
export async function* iterateItems(
  searchItems: SearchItems,
  params: IterateItemsParams,
): AsyncGenerator<Item, void, undefined> {
  for await (const page of iteratePages(searchItems, params)) {
    for (const item of page.items) {
      throwIfAborted(params.signal);
      yield item;
    }
  }
}

// Without `next_params.start`, the page covered the window [start, start + count) before
// filtering, so the next window begins at start + count.
function nextStart(page: ItemsQueryResult, start: number, count: number): number {
  const serverStart = page.next_params?.start;
  return typeof serverStart === 'number' && Number.isInteger(serverStart)
    ? serverStart
    : start + count;
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) {
    throw new SearchAuthError('ERR_ABORTED', 'items query paging was aborted', {
      vendor: VENDOR,
      cause: signal.reason,
    });
  }
}
