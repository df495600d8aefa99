import type { Corpus, CorpusDocument } from '../corpus/generate.js';
import { type FacetField, facetCounts, isFacetField, search } from '../corpus/search.js';
import { fail } from '../http/reply.js';
import { type SparqueEndpointCall, tupleListValues } from './sparque-path.js';

/** A ranked result of a stack of endpoints; `probability` is the score scaled into (0, 1]. */
export interface RankedDoc {
  doc: CorpusDocument;
  probability: number;
}

const FILTER_SUFFIX = ':FILTER';

export function facetOf(endpoint: string): FacetField | undefined {
  if (!endpoint.endsWith(FILTER_SUFFIX)) return undefined;
  const field = endpoint.slice(0, -FILTER_SUFFIX.length);
  return isFacetField(field) ? field : undefined;
}

/** The endpoints of the simulated `products` API, as the Query API would list them. */
export const SPARQUE_ENDPOINTS = [
  'search',
  'type:FILTER',
  'category:FILTER',
  'brand:FILTER',
  'color:FILTER',
  'language:FILTER',
];

/**
 * Runs a stack of endpoints: the first ranks, later ones narrow (a later `search` re-ranks what is
 * left). Unknown endpoints and parameters are 400s, as on the real Query API.
 */
export function runEndpoints(corpus: Corpus, calls: readonly SparqueEndpointCall[]): RankedDoc[] {
  let current: RankedDoc[] | undefined;
  for (const call of calls) current = runOne(corpus, call, current);
  return current ?? [];
}

function runOne(
  corpus: Corpus,
  call: SparqueEndpointCall,
  input: RankedDoc[] | undefined,
): RankedDoc[] {
  if (call.name === 'search') {
    const text = paramValues(call, ['query']).query?.join(' ');
    const hits = search(corpus, { text });
    const allowed = input ? new Set(input.map((r) => r.doc.id)) : undefined;
    const kept = allowed ? hits.filter((h) => allowed.has(h.doc.id)) : hits;
    const top = kept[0]?.score ?? 1;
    return kept.map((h) => ({ doc: h.doc, probability: round(h.score / top) }));
  }
  const field = facetOf(call.name);
  if (!field) fail(400, { message: `There is no endpoint named "${call.name}".` });
  const base = input ?? runOne(corpus, { name: 'search', params: [] }, undefined);
  const values = paramValues(call, ['value']).value;
  if (!values || values.length === 0) return base;
  const wanted = new Set(values.map((v) => v.toLowerCase()));
  return base.filter((r) => wanted.has(String(r.doc[field]).toLowerCase()));
}

function paramValues(call: SparqueEndpointCall, allowed: string[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const { name, value } of call.params) {
    if (!allowed.includes(name)) {
      fail(400, { message: `Endpoint "${call.name}" has no parameter named "${name}".` });
    }
    out[name] = [...(out[name] ?? []), ...tupleListValues(value)];
  }
  return out;
}

/** Facet options of the last (`:FILTER`) endpoint over what the endpoints before it returned. */
export function facetOptions(corpus: Corpus, calls: readonly SparqueEndpointCall[]) {
  const last = calls[calls.length - 1] as SparqueEndpointCall;
  const field = facetOf(last.name);
  if (!field) fail(400, { message: '`options` needs a :FILTER endpoint last in the path.' });
  const before =
    calls.length > 1
      ? runEndpoints(corpus, calls.slice(0, -1))
      : runOne(corpus, { name: 'search', params: [] }, undefined);
  const selected = paramValues(last, ['value']).value ?? [];
  const counts = facetCounts(
    before.map((r) => r.doc),
    field,
    50,
  );
  const max = counts[0]?.count ?? 1;
  const option = (value: string, count: number) => ({
    id: `${field}:${value}`,
    score: round(count / max),
    value,
    title: value.charAt(0).toUpperCase() + value.slice(1),
    count,
  });
  return {
    id: last.name,
    title: field,
    selected: selected.map((v) => option(v, counts.find((c) => c.value === v)?.count ?? 0)),
    options: counts.map((c) => option(c.value, c.count)),
  };
}

const round = (n: number) => Math.round(n * 10_000) / 10_000;
