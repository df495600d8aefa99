// Type-level test, compiled by `pnpm typecheck` (tsc includes test/): response types are closed and
// precise, so a renamed or removed field fails a consumer's typecheck. If a schema is opened again,
// the @ts-expect-error lines below become unused and the typecheck fails.
import type { SpringboardClient } from '../src/index.js';

declare const springboard: SpringboardClient;

export async function consumer() {
  const session = { utcOffset: '+02:00', sessionId: 's' };
  const page = await springboard.search({ query: 'tent', facets: ['type'], ...session });
  const hits: number = page.hits;
  // @ts-expect-error a field the spec does not declare is not there
  page.total;
  const facet = page.facets?.[0];
  const field: string | undefined = facet?.field;
  const count: number | undefined = facet?.values[0]?.count;

  const detail = await springboard.detail({ id: page.docs[0]?.id ?? '' });
  const id: string = detail.id;
  // Open on purpose: a document's fields depend on fieldList and the sources.
  const title: string | undefined = detail.document?.title;
  // @ts-expect-error detail is typed, not an open object
  detail.score;

  const related = await springboard.relatedContent({ probe: { documentId: id }, ...session });
  // @ts-expect-error related content answers like search: no `total`
  related.total;
  return { hits, field, count, title };
}
