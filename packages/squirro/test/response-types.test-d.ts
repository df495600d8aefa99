// Type-level test, compiled by `pnpm typecheck` (tsc includes test/): response types are closed, so a
// renamed or removed field fails a consumer's typecheck instead of silently becoming `unknown`. If a
// schema is opened again, the @ts-expect-error lines below become unused and the typecheck fails.
import type { Item, ItemsQueryResult, SquirroClient } from '../src/index.js';

declare const squirro: SquirroClient;

export async function consumer() {
  const page: ItemsQueryResult = await squirro.searchItems({ projectId: 'p', query: 'tent' });
  const total: number = page.total;
  const eof: boolean = page.eof;
  // @ts-expect-error a field the spec does not declare is not there
  page.total_count;
  const item: Item | undefined = page.items[0];
  const title: string | undefined = item?.title;
  // @ts-expect-error items are closed too
  item?.headline;
  // Open on purpose: keywords are the project's own facets, keyed by name.
  const colours: unknown[] | undefined = item?.keywords?.colour;
  return { total, eof, title, colours };
}
