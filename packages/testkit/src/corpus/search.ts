import type { Corpus, CorpusDocument } from './generate.js';

/** A document with its relevance score for one query. */
export interface Hit {
  doc: CorpusDocument;
  /** > 0; higher is better. Rounded to 4 decimals so responses are stable. */
  score: number;
}

/** Fields the simulators offer as facets and filters. */
export const FACET_FIELDS = ['type', 'category', 'brand', 'color', 'language'] as const;
export type FacetField = (typeof FACET_FIELDS)[number];

export interface SearchInput {
  /** Free text; empty or missing lists everything by popularity. */
  text?: string;
  /** Every listed field must have one of its values (values are matched case-insensitively). */
  filters?: Partial<Record<FacetField, readonly string[]>>;
}

export function tokenize(text: string): string[] {
  return text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
}

interface TermIndex {
  /** Document id -> term -> weighted count (a title occurrence counts three times). */
  tf: Map<string, Map<string, number>>;
  /** Term -> number of documents holding it. */
  df: Map<string, number>;
  /** Recent results by query, so a load test of one query does not rank 1,000 times. */
  results: Map<string, Hit[]>;
}

const indexCache = new WeakMap<Corpus, TermIndex>();
const RESULT_CACHE_SIZE = 256;

function termIndex(corpus: Corpus): TermIndex {
  let index = indexCache.get(corpus);
  if (!index) {
    const tf = new Map<string, Map<string, number>>();
    const df = new Map<string, number>();
    for (const doc of corpus.documents) {
      const counts = new Map<string, number>();
      const add = (words: string[], weight: number) => {
        for (const w of words) counts.set(w, (counts.get(w) ?? 0) + weight);
      };
      add(tokenize(doc.title), 3);
      add(tokenize(doc.body), 1);
      add(doc.tags.flatMap(tokenize), 1);
      tf.set(doc.id, counts);
      for (const word of counts.keys()) df.set(word, (df.get(word) ?? 0) + 1);
    }
    index = { tf, df, results: new Map() };
    indexCache.set(corpus, index);
  }
  return index;
}

/**
 * Ranks the corpus for a query: a BM25-like sum over the query terms (title counted three times),
 * plus a little popularity so ties break the same way every time. Any matching term is enough.
 */
export function search(corpus: Corpus, input: SearchInput): Hit[] {
  const index = termIndex(corpus);
  const key = JSON.stringify([input.text ?? '', input.filters ?? {}]);
  const cached = index.results.get(key);
  if (cached) return [...cached];
  const hits = rank(corpus, index, input);
  if (index.results.size >= RESULT_CACHE_SIZE) index.results.clear();
  index.results.set(key, hits);
  return [...hits];
}

function rank(corpus: Corpus, { tf, df }: TermIndex, input: SearchInput): Hit[] {
  const queryTerms = [...new Set(tokenize(input.text ?? ''))];
  const total = corpus.documents.length;
  const hits: Hit[] = [];
  for (const doc of corpus.documents) {
    if (!matchesFilters(doc, input.filters)) continue;
    let score = 0;
    if (queryTerms.length > 0) {
      const counts = tf.get(doc.id);
      for (const term of queryTerms) {
        const n = counts?.get(term) ?? 0;
        if (n === 0) continue;
        const idf = Math.log(1 + total / (df.get(term) ?? 1));
        score += idf * (n / (n + 1.2));
      }
      if (score === 0) continue;
    }
    hits.push({ doc, score: Math.round((score + 0.1 * doc.popularity) * 10_000) / 10_000 });
  }
  return hits.sort((a, b) => b.score - a.score || a.doc.id.localeCompare(b.doc.id));
}

function matchesFilters(doc: CorpusDocument, filters: SearchInput['filters']): boolean {
  if (!filters) return true;
  for (const [field, values] of Object.entries(filters) as [FacetField, readonly string[]][]) {
    if (!values || values.length === 0) continue;
    const actual = String(doc[field]).toLowerCase();
    if (!values.some((v) => v.toLowerCase() === actual)) return false;
  }
  return true;
}

/** Value counts of one field over a result set, most frequent first, then alphabetical. */
export function facetCounts(
  docs: Iterable<CorpusDocument>,
  field: FacetField,
  limit = 20,
): { value: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const doc of docs) counts.set(String(doc[field]), (counts.get(String(doc[field])) ?? 0) + 1);
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
    .slice(0, limit);
}

export function isFacetField(name: string): name is FacetField {
  return (FACET_FIELDS as readonly string[]).includes(name);
}
