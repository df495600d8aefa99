import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Simulator, startSimulator } from '../src/index.js';
import { bearer, call } from './support/http.js';
import { lucidworksToken } from './support/tokens.js';

const SB = 'lucidworks-springboard';
let sim: Simulator;
let token: string;
let base: string;
const session = { utcOffset: '+02:00', sessionId: 'session-1' };

beforeAll(async () => {
  sim = await startSimulator({ vendors: [SB] });
  token = await lucidworksToken(sim, SB, 'connectedsearch.query datasource.push');
  base = sim.urls[SB].baseUrl;
});
afterAll(() => sim.stop());

const post = (path: string, json: unknown) =>
  call(SB, `${base}${path}`, { method: 'POST', headers: bearer(token), json });

describe('Springboard Query API', () => {
  it('searches: ranked docs with scores, total hits, facets and paging', async () => {
    const first = await post('/query/search', {
      query: 'waterproof tent',
      ...session,
      limit: 5,
      facets: ['type', 'brand'],
    });
    expect(first.status).toBe(200);
    expect(first.body.hits).toBeGreaterThan(5);
    expect(first.body.docs).toHaveLength(5);
    expect(first.body.docs.map((d: { rank: number }) => d.rank)).toEqual([1, 2, 3, 4, 5]);
    const scores = first.body.docs.map((d: { score: number }) => d.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(first.body.docs[0].document.title.toLowerCase()).toMatch(/waterproof|tent/);
    const typeFacet = first.body.facets.find((f: { field: string }) => f.field === 'type');
    expect(typeFacet.values.reduce((n: number, v: { count: number }) => n + v.count, 0)).toBe(
      first.body.hits,
    );
    const second = await post('/query/search', {
      query: 'waterproof tent',
      ...session,
      limit: 5,
      page: 1,
    });
    expect(second.body.docs[0].rank).toBe(6);
    const ids = new Set([...first.body.docs, ...second.body.docs].map((d: { id: string }) => d.id));
    expect(ids.size).toBe(10);
  });

  it('filters, sorts and trims fields', async () => {
    const filtered = {
      query: '',
      ...session,
      filters: [{ field: 'type', value: 'product' }],
      limit: 20,
    };
    const sorted = await post('/query/search', {
      ...filtered,
      sort: [{ sortField: 'price', sortOrder: 'asc' }],
    });
    expect(sorted.body.docs.every((d: { type: string }) => d.type === 'product')).toBe(true);
    const prices = sorted.body.docs.map((d: { document: { price: number } }) => d.document.price);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
    const trimmed = await post('/query/search', { ...filtered, fieldList: ['document.title'] });
    expect(Object.keys(trimmed.body.docs[0].document)).toEqual(['title']);
  });

  it.each([
    ['no query', { ...session }],
    ['no sessionId', { query: 'x', utcOffset: '+01:00' }],
    ['a malformed utcOffset', { query: 'x', utcOffset: '1', sessionId: 's' }],
    ['a limit above 100', { query: 'x', ...session, limit: 101 }],
  ])('answers 400 for %s', async (_name, body) => {
    const res = await post('/query/search', body);
    expect(res.status).toBe(400);
    expect(res.body.message).toEqual(expect.any(String));
  });

  it('returns a document detail by id, 404 for an unknown id', async () => {
    const ok = await post('/query/detail', { id: 'doc-0001', ...session });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ id: 'doc-0001', document: { title: expect.any(String) } });
    expect((await post('/query/detail', { id: 'doc-9999' })).status).toBe(404);
  });

  it('finds related content by title or by document id, never both', async () => {
    const byTitle = await post('/query/relatedContent', {
      ...session,
      probe: { title: 'insulated jacket' },
    });
    expect(byTitle.status).toBe(200);
    expect(byTitle.body.docs.length).toBeGreaterThan(0);
    const byId = await post('/query/relatedContent', {
      ...session,
      probe: { documentId: 'doc-0001' },
      limit: 3,
    });
    expect(byId.body.docs).toHaveLength(3);
    expect(byId.body.docs.map((d: { id: string }) => d.id)).not.toContain('doc-0001');
    const both = await post('/query/relatedContent', {
      ...session,
      probe: { title: 'x', documentId: 'doc-0001' },
    });
    expect(both.status).toBe(400);
  });
});

describe('Springboard Push API', () => {
  const url = () => `${base}/push/datasources/${sim.credentials[SB].datasourceId}/documents`;
  const doc = (id: string) => ({
    type: 'content',
    object: { externalId: id },
    document: { title: `Doc ${id}` },
  });

  it('saves and deletes documents', async () => {
    const saved = await call(SB, url(), {
      method: 'POST',
      headers: bearer(token),
      json: [doc('a'), doc('b')],
    });
    expect(saved.body).toMatchObject({ saved: 2 });
    const deleted = await call(SB, url(), {
      method: 'DELETE',
      headers: bearer(token),
      json: [{ object: { externalId: 'a' } }],
    });
    expect(deleted.body).toMatchObject({ deleted: 1 });
  });

  it.each([
    ['more than 200 documents', Array.from({ length: 201 }, (_, i) => doc(`d${i}`))],
    [
      'a document without a title',
      [{ type: 'content', object: { externalId: 'x' }, document: {} }],
    ],
    ['a type other than content', [{ ...doc('x'), type: 'page' }]],
    ['an empty array', []],
  ])('answers 400 for %s', async (_name, json) => {
    const res = await call(SB, url(), { method: 'POST', headers: bearer(token), json });
    expect(res.status).toBe(400);
  });

  it('answers 413 for a body over 1 MB (1,000,000 bytes) and accepts one just under it', async () => {
    // One document padded so that the JSON array is exactly `size` bytes.
    const sized = (size: number) => {
      const base = JSON.stringify([{ ...doc('big'), document: { title: 'Doc big', body: '' } }]);
      return [
        { ...doc('big'), document: { title: 'Doc big', body: 'x'.repeat(size - base.length) } },
      ];
    };
    const over = await call(SB, url(), {
      method: 'POST',
      headers: bearer(token),
      json: sized(1_000_001),
    });
    expect(over.status).toBe(413);
    const under = await call(SB, url(), {
      method: 'POST',
      headers: bearer(token),
      json: sized(1_000_000),
    });
    expect(under.status).toBe(200);
  });

  it('answers 404 for an unknown data source (a status the spec does not list for push)', async () => {
    const res = await call(SB, `${base}/push/datasources/other/documents`, {
      method: 'POST',
      headers: bearer(token),
      json: [doc('x')],
      validate: false,
    });
    expect(res.status).toBe(404);
  });
});
