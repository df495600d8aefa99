import { describe, expect, it } from 'vitest';
import { facetCounts, search } from '../src/corpus/search.js';
import { generateCorpus } from '../src/index.js';

describe('generated corpus', () => {
  it('is the same for the same seed and differs for another', () => {
    expect(generateCorpus(42).documents).toEqual(generateCorpus(42).documents);
    expect(generateCorpus('demo').documents).toEqual(generateCorpus('demo').documents);
    expect(generateCorpus(43).documents[0]).not.toEqual(generateCorpus(42).documents[0]);
  });

  it('holds a few hundred varied documents', () => {
    const { documents } = generateCorpus(42);
    expect(documents).toHaveLength(300);
    expect(new Set(documents.map((d) => d.id)).size).toBe(300);
    expect(
      facetCounts(documents, 'type')
        .map((f) => f.value)
        .sort(),
    ).toEqual(['article', 'faq', 'manual', 'product']);
    expect(facetCounts(documents, 'category')).toHaveLength(4);
    expect(documents.filter((d) => d.restricted).length).toBeGreaterThan(10);
  });

  it('ranks title matches of all query terms above partial matches', () => {
    const corpus = generateCorpus(42);
    const hits = search(corpus, { text: 'waterproof tent' });
    const top = hits[0]?.doc.title.toLowerCase() ?? '';
    expect(top).toContain('waterproof');
    expect(top).toContain('tent');
    const scores = hits.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(search(corpus, { text: 'zeppelin' })).toEqual([]);
  });

  it('lists everything by popularity for an empty query, and filters case-insensitively', () => {
    const corpus = generateCorpus(42);
    expect(search(corpus, {})).toHaveLength(300);
    const products = search(corpus, { filters: { type: ['PRODUCT'] } });
    expect(products.length).toBe(corpus.documents.filter((d) => d.type === 'product').length);
  });
});
