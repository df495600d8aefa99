import type { CorpusDocument } from '../corpus/generate.js';
import { type FacetField, facetCounts, isFacetField, search } from '../corpus/search.js';
import { requireBearer } from '../http/auth.js';
import type { RouteContext } from '../http/context.js';
import { fail, json, type Reply } from '../http/reply.js';
import type { SimState } from '../state.js';

const VENDOR = 'squirro';
const DEFAULT_COUNT = 15;
const MAX_COUNT = 1000;
const errorBody = (_status: number, message: string) => ({ error: message });

type Body = Record<string, unknown>;

/**
 * `POST .../items/query`. Items are paged over the ranked matches first and restricted items are
 * removed afterwards, so a page can be short; `next_params.start` continues exactly after it.
 */
export async function squirroQuery(ctx: RouteContext, state: SimState): Promise<Reply> {
  const creds = state.credentials.squirro;
  const token = requireBearer(ctx, state, { vendor: VENDOR, errorBody });
  // Squirro answers an unknown (or another user's) tenant or project with 404, not 401.
  if (ctx.params.tenant !== creds.tenant || token.audience !== ctx.params.tenant) {
    return json(404, { error: `Tenant ${ctx.params.tenant} not found.` });
  }
  if (ctx.params.projectId !== creds.projectId) {
    return json(404, { error: `Project ${ctx.params.projectId} not found.` });
  }
  const raw = (await ctx.json()) ?? {};
  if (typeof raw !== 'object' || Array.isArray(raw))
    return json(400, { error: 'Body must be an object.' });
  const body = raw as Body;
  if (body.query !== undefined && body.query_context !== undefined) {
    return json(400, { error: 'query and query_context are mutually exclusive.' });
  }
  const queryText = typeof body.query === 'string' ? body.query : '';
  const next = isObject(body.next_params) ? body.next_params : undefined;
  const start = intField(next?.start ?? body.start, 0, 'start');
  const count = Math.min(intField(body.count, DEFAULT_COUNT, 'count'), MAX_COUNT);

  const { text, filters } = parseQuery(queryText);
  let ranked = search(state.corpus, { text, filters });
  ranked = ranked.filter((h) => inDateRange(h.doc, body.created_after, body.created_before));
  const visible = ranked.filter((h) => !h.doc.restricted);
  const window = ranked.slice(start, start + count);
  const eof = start + count >= ranked.length;
  const fields = Array.isArray(body.fields) ? (body.fields as string[]) : undefined;
  const highlight = isObject(body.highlight) && body.highlight.query === true;
  const items = window
    .filter((h) => !h.doc.restricted)
    .map((h) => toItem(h.doc, h.score, fields, highlight ? text : undefined));

  const response: Record<string, unknown> = {
    count: items.length,
    total: visible.length,
    eof,
    now: squirroDate(ctx.now),
    items,
    query_executed: queryText,
    from_cache: false,
    time_ms: 3,
  };
  if (!eof) response.next_params = { start: start + count, expected_num_results: count };
  if (isObject(body.aggregations)) {
    response.aggregations = aggregate(
      body.aggregations,
      visible.map((h) => h.doc),
    );
  }
  return json(200, response);
}

/** `type:product brand:kestrel tent` -> filters {type, brand} and text `tent`. */
function parseQuery(query: string) {
  const filters: Partial<Record<FacetField, string[]>> = {};
  const words: string[] = [];
  for (const word of query.split(/\s+/).filter(Boolean)) {
    const [field, value] = word.split(':', 2);
    if (value !== undefined && field !== undefined && isFacetField(field)) {
      filters[field] = [...(filters[field] ?? []), value.replace(/^"|"$/g, '')];
    } else words.push(word);
  }
  return { text: words.join(' '), filters };
}

function aggregate(spec: Body, docs: CorpusDocument[]) {
  const out: Record<string, Record<string, { values: { key: string; value: number }[] }>> = {};
  for (const [label, def] of Object.entries(spec)) {
    if (!isObject(def)) fail(400, { error: `Aggregation ${label} must be an object.` });
    const fields = Array.isArray(def.fields) ? def.fields : [def.fields];
    const size = typeof def.size === 'number' ? def.size : 10;
    out[label] = {};
    for (const field of fields) {
      if (typeof field !== 'string' || !isFacetField(field)) {
        fail(400, { error: `Cannot aggregate on field ${JSON.stringify(field)}.` });
      }
      const values = facetCounts(docs, field, size).map((c) => ({ key: c.value, value: c.count }));
      (out[label] as Record<string, { values: typeof values }>)[field] = { values };
    }
  }
  return out;
}

function toItem(doc: CorpusDocument, score: number, fields?: string[], highlightText?: string) {
  const item: Record<string, unknown> = {
    id: doc.id,
    external_id: `ext-${doc.id}`,
    title: doc.title,
    body: highlightText ? highlightTerms(doc.body, highlightText) : doc.body,
    abstract: doc.abstract,
    language: doc.language,
    created_at: squirroDate(Date.parse(doc.createdAt)),
    modified_at: squirroDate(Date.parse(doc.modifiedAt)),
    link: doc.url,
    keywords: {
      type: [doc.type],
      category: [doc.category],
      brand: [doc.brand],
      color: [doc.color],
      tags: doc.tags,
    },
    sources: [{ id: `source-${doc.category}`, title: `${doc.category} catalogue` }],
    score,
    read: false,
    starred: false,
  };
  if (!fields) return item;
  return Object.fromEntries(Object.entries(item).filter(([k]) => k === 'id' || fields.includes(k)));
}

function highlightTerms(body: string, text: string): string {
  const terms = text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  if (terms.length === 0) return body;
  const pattern = new RegExp(`\\b(${terms.join('|')})\\b`, 'gi');
  return body.replace(pattern, '<squirro:highlight>$1</squirro:highlight>');
}

function inDateRange(doc: CorpusDocument, after: unknown, before: unknown): boolean {
  const created = squirroDate(Date.parse(doc.createdAt));
  if (typeof after === 'string' && created < after) return false;
  if (typeof before === 'string' && created >= before) return false;
  return true;
}

/** Squirro writes datetimes as `YYYY-MM-DDTHH:MM:SS`, UTC, without a zone. */
const squirroDate = (ms: number) => new Date(ms).toISOString().slice(0, 19);

const isObject = (v: unknown): v is Body =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function intField(value: unknown, fallback: number, name: string): number {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    fail(400, { error: `${name} must be an integer >= 0.` });
  }
  return value;
}
