import { randomUUID } from 'node:crypto';
import type { CorpusDocument } from '../corpus/generate.js';
import { type FacetField, facetCounts, type Hit, isFacetField, search } from '../corpus/search.js';
import { requireBearer } from '../http/auth.js';
import type { RouteContext } from '../http/context.js';
import { fail, json, type Reply } from '../http/reply.js';
import { at, type Route } from '../http/route.js';
import type { SimState } from '../state.js';
import { lucidworksErrorBody as errorBody } from './lucidworks-identity.js';
import { springboardPushRoutes } from './springboard-push.js';

const VENDOR = 'lucidworks-springboard';
const QUERY_SCOPE = 'connectedsearch.query';
const UTC_OFFSET = /^[+-]\d{2}:\d{2}$/;
const MAX_LIMIT = 100;

type Body = Record<string, unknown>;

/** The Springboard application host: Query API and Push API. */
export function springboardRoutes(state: SimState): Route[] {
  const route = (
    endpoint: string,
    path: string,
    handle: (ctx: RouteContext, body: Body) => Reply,
  ): Route => ({
    vendor: VENDOR,
    endpoint,
    method: 'POST',
    ...at(path),
    handle: async (ctx) => {
      requireBearer(ctx, state, { vendor: VENDOR, scope: QUERY_SCOPE, errorBody });
      return handle(ctx, await objectBody(ctx));
    },
  });
  return [
    route('search', '/query/search', (_ctx, body) => searchRoute(state, body)),
    route('detail', '/query/detail', (_ctx, body) => detailRoute(state, body)),
    route('related-content', '/query/relatedContent', (_ctx, body) => relatedRoute(state, body)),
    ...springboardPushRoutes(state),
  ];
}

async function objectBody(ctx: RouteContext): Promise<Body> {
  const body = await ctx.json();
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    fail(400, errorBody(400, 'The body must be a JSON object.'));
  }
  return body as Body;
}

function requireSession(body: Body) {
  if (typeof body.utcOffset !== 'string' || !UTC_OFFSET.test(body.utcOffset)) {
    fail(400, errorBody(400, 'utcOffset is required, formatted ±HH:MM.'));
  }
  if (typeof body.sessionId !== 'string' || body.sessionId === '') {
    fail(400, errorBody(400, 'sessionId is required.'));
  }
}

function searchRoute(state: SimState, body: Body): Reply {
  if (typeof body.query !== 'string') fail(400, errorBody(400, 'query is required.'));
  requireSession(body);
  const page = intField(body.page, 0, 0, Number.MAX_SAFE_INTEGER, 'page');
  const limit = intField(body.limit, 10, 1, MAX_LIMIT, 'limit');
  const hits = sortHits(
    search(state.corpus, { text: body.query, filters: filtersOf(body.filters) }),
    body.sort,
  );
  const docs = hits
    .slice(page * limit, page * limit + limit)
    .map((h, i) => toDoc(h, page * limit + i + 1, body.fieldList));
  const response: Body = { queryId: randomUUID(), hits: hits.length, docs };
  if (Array.isArray(body.facets)) response.facets = facetsOf(body.facets, hits);
  return json(200, response);
}

function detailRoute(state: SimState, body: Body): Reply {
  if (typeof body.id !== 'string' || body.id === '') fail(400, errorBody(400, 'id is required.'));
  const doc = state.corpus.byId.get(body.id);
  if (!doc) return json(404, errorBody(404, `No document with id ${body.id}.`));
  return json(200, {
    id: doc.id,
    type: doc.type,
    document: documentFields(doc),
    metadata: {
      category: doc.category,
      brand: doc.brand,
      color: doc.color,
      language: doc.language,
      tags: doc.tags,
    },
  });
}

function relatedRoute(state: SimState, body: Body): Reply {
  requireSession(body);
  const probe = body.probe as Body | undefined;
  const hasTitle = typeof probe?.title === 'string' && probe.title !== '';
  const hasId = typeof probe?.documentId === 'string' && probe.documentId !== '';
  if (hasTitle === hasId) {
    fail(
      400,
      errorBody(400, 'probe needs exactly one of title (with optional description) or documentId.'),
    );
  }
  let text = `${probe?.title ?? ''} ${probe?.description ?? ''}`;
  if (hasId) {
    const doc = state.corpus.byId.get(probe?.documentId as string);
    if (!doc) return json(404, errorBody(404, `No document with id ${probe?.documentId}.`));
    text = `${doc.product} ${doc.category}`;
  }
  const limit = intField(body.limit, 5, 1, MAX_LIMIT, 'limit');
  const hits = search(state.corpus, { text }).filter((h) => h.doc.id !== probe?.documentId);
  const docs = hits.slice(0, limit).map((h, i) => toDoc(h, i + 1, body.fieldList));
  return json(200, { queryId: randomUUID(), hits: hits.length, docs });
}

function sortHits(hits: Hit[], sort: unknown): Hit[] {
  const clause = Array.isArray(sort) ? (sort[0] as Body | undefined) : undefined;
  const field =
    typeof clause?.sortField === 'string'
      ? clause.sortField.replace(/^document\./, '')
      : 'relevancy';
  if (field === 'relevancy') return hits;
  const key = (d: CorpusDocument): string | number =>
    field === 'price'
      ? d.price
      : field === 'createdAt'
        ? d.createdAt
        : String((d as unknown as Body)[field] ?? '');
  const dir = clause?.sortOrder === 'asc' ? 1 : -1;
  return [...hits].sort((a, b) =>
    key(a.doc) > key(b.doc) ? dir : key(a.doc) < key(b.doc) ? -dir : 0,
  );
}

/** Filters are undocumented; accepted as `[{ field, value }]` or `[{ field, values: [...] }]`. */
function filtersOf(filters: unknown): Partial<Record<FacetField, string[]>> {
  const out: Partial<Record<FacetField, string[]>> = {};
  if (!Array.isArray(filters)) return out;
  for (const f of filters as Body[]) {
    const field = String(f?.field ?? '').replace(/^document\./, '');
    if (!isFacetField(field))
      fail(400, errorBody(400, `Cannot filter on ${JSON.stringify(f?.field)}.`));
    const values = Array.isArray(f.values) ? f.values.map(String) : [String(f.value)];
    out[field] = [...(out[field] ?? []), ...values];
  }
  return out;
}

function facetsOf(fields: unknown[], hits: Hit[]) {
  return fields.map((name) => {
    const field = String(name);
    if (!isFacetField(field)) fail(400, errorBody(400, `Cannot facet on ${JSON.stringify(name)}.`));
    const values = facetCounts(
      hits.map((h) => h.doc),
      field,
    ).map((c) => ({ value: c.value, count: c.count }));
    return { field, values };
  });
}

function documentFields(doc: CorpusDocument): Body {
  const fields: Body = {
    title: doc.title,
    url: doc.url,
    description: doc.abstract,
    body: doc.body,
    createdAt: doc.createdAt,
    modifiedAt: doc.modifiedAt,
  };
  if (doc.type === 'product') fields.price = doc.price;
  return fields;
}

function toDoc(hit: Hit, rank: number, fieldList: unknown): Body {
  let document = documentFields(hit.doc);
  if (Array.isArray(fieldList)) {
    const wanted = new Set(fieldList.map((f) => String(f).replace(/^document\./, '')));
    document = Object.fromEntries(Object.entries(document).filter(([k]) => wanted.has(k)));
  }
  return { id: hit.doc.id, type: hit.doc.type, rank, score: hit.score, document };
}

function intField(
  value: unknown,
  fallback: number,
  min: number,
  max: number,
  name: string,
): number {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    fail(400, errorBody(400, `${name} must be an integer from ${min} to ${max}.`));
  }
  return value;
}
