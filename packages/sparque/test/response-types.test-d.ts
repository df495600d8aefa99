// Type-level test, compiled by `pnpm typecheck` (tsc includes test/): response types are closed and
// precise, so a renamed or removed field fails a consumer's typecheck. If a schema is opened again,
// the @ts-expect-error lines below become unused and the typecheck fails.
import type { components, SparqueClient } from '../src/index.js';

declare const sparque: SparqueClient;
type Schemas = components['schemas'];

export async function consumer() {
  const results = await sparque.query({ endpoints: [{ name: 'search' }] });
  const count: number = results.count;
  // @ts-expect-error `results` carries the count requested, not a total
  results.total;
  const first = results.items[0]?.tuple[0];
  // A tuple entry is a ResultObject for OBJ columns, else a value: narrow before reading fields.
  if (typeof first === 'object' && !Array.isArray(first)) {
    const id: string = first.id;
    // Open on purpose: attributes follow the workspace's data model.
    const title: unknown = first.attributes?.title;
    // @ts-expect-error a result object has id, class and attributes only
    first.title;
    void [id, title];
  }

  const [page, stats] = await sparque.query({
    endpoints: [{ name: 'search' }],
    responseType: 'results,count',
  });
  const total: number = stats.total;
  void page.offset;

  const item: Schemas['TupleEntry'] = await sparque.query({
    endpoints: [{ name: 'search' }],
    responseType: 'resultitem',
  });
  // @ts-expect-error resultitem is a tuple entry, not `unknown`: it has no `items`
  item.items;

  const { data } = await sparque.client.GET(
    '/{version}/{workspace}/api/{api}/e/{endpoint}/{responseType}',
    {
      params: {
        path: { version: '1', workspace: 'w', api: 'a', endpoint: 'e', responseType: 'count' },
      },
    },
  );
  // @ts-expect-error the single-endpoint data is a union of the known bodies, not `unknown`
  data?.anything;
  return { count, total };
}
