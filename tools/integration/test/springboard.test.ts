import {
  createSpringboardClient,
  type PushDocument,
  type SpringboardClientOptions,
} from '@searchauth/lucidworks-springboard';
import { describe, expect, it } from 'vitest';
import { useSimulator } from './support/sim.js';

const sim = useSimulator({ vendors: ['lucidworks-springboard'] });

function springboard(overrides: Partial<SpringboardClientOptions> = {}) {
  const creds = sim().credentials['lucidworks-springboard'];
  const urls = sim().urls['lucidworks-springboard'];
  return createSpringboardClient({
    applicationId: creds.applicationId,
    clientId: creds.clientId,
    clientSecret: creds.clientSecret,
    identityBaseUrl: urls.identityBaseUrl,
    apiBaseUrl: urls.baseUrl,
    ...overrides,
  });
}

const session = { utcOffset: '+01:00', sessionId: 'integration-session' };
const datasource = () => sim().credentials['lucidworks-springboard'].datasourceId;

function document(id: string, body = ''): PushDocument {
  return { type: 'content', object: { externalId: id }, document: { title: `Doc ${id}`, body } };
}

describe('Lucidworks Springboard against the simulator', () => {
  it('searches page by page with ranks, a total and facets', async () => {
    const client = springboard();
    const first = await client.search({ query: 'jacket', limit: 5, facets: ['type'], ...session });
    const second = await client.search({ query: 'jacket', limit: 5, page: 1, ...session });
    expect(first.docs.map((doc) => doc.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(second.docs.map((doc) => doc.rank)).toEqual([6, 7, 8, 9, 10]);
    expect(first.hits).toBeGreaterThan(10);
    expect(second.hits).toBe(first.hits);
    const ids = [...first.docs, ...second.docs].map((doc) => doc.id);
    expect(new Set(ids).size).toBe(10);
    expect(first.facets).toBeDefined();
    const detail = await client.detail({ id: ids[0] ?? '' });
    expect(detail).toMatchObject({ id: ids[0] });
    expect(sim().mintCount({ scope: 'connectedsearch.query' })).toBe(1);
    expect(sim().mintCount({ scope: 'datasource.push' })).toBe(0);
    client.dispose();
  });

  it('saves documents in batches of at most 1 MB (1,000,000 bytes) of UTF-8, with one push token', async () => {
    const client = springboard();
    // 100,000 two-byte characters: 200 kB per document, so 4 (not 5) fit in 1,000,000 bytes. A
    // client counting characters instead of bytes, or allowing a MiB, gets 413 from the server.
    const docs = Array.from({ length: 12 }, (_, i) => document(`big-${i}`, 'ü'.repeat(100_000)));
    const saved = await client.saveDocuments(datasource(), docs);
    expect(saved.ok).toBe(true);
    expect(saved.batches.map((batch) => batch.externalIds.length)).toEqual([4, 4, 4]);
    expect(saved.batches.every((batch) => batch.bytes <= 1_000_000)).toBe(true);
    expect(sim().requestCount({ endpoint: 'push-save', status: 200 })).toBe(3);
    expect(saved.batches.at(-1)?.response).toMatchObject({ saved: 4 });
    expect(sim().mintCount({ scope: 'datasource.push' })).toBe(1);
    expect(sim().mintCount({ scope: 'connectedsearch.query' })).toBe(0);
    client.dispose();
  });

  it('saves 401 documents as 200 + 200 + 1 and deletes them again', async () => {
    const client = springboard();
    const docs = Array.from({ length: 401 }, (_, i) => document(`doc-${i}`));
    const saved = await client.saveDocuments(datasource(), docs);
    expect(saved.batches.map((batch) => batch.externalIds.length)).toEqual([200, 200, 1]);
    expect(saved.documents).toBe(401);
    const deleted = await client.deleteDocuments(
      datasource(),
      docs.map((doc) => doc.object.externalId),
    );
    expect(deleted.ok).toBe(true);
    const counts = deleted.batches.map((batch) => (batch.response as { deleted: number }).deleted);
    expect(counts).toEqual([200, 200, 1]);
    client.dispose();
  });

  it('replaces a push token revoked in the middle of an upload, replaying one batch', async () => {
    let pushes = 0;
    // The push token is revoked right after the first batch was answered.
    const revokingAfterFirstBatch: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (String(input).includes('/push/') && ++pushes === 1) {
        sim().revokeTokens({ scope: 'datasource.push' });
      }
      return response;
    };
    const client = springboard({
      fetch: revokingAfterFirstBatch,
      push: { maxDocumentsPerRequest: 10 },
    });
    const docs = Array.from({ length: 30 }, (_, i) => document(`r-${i}`));
    const saved = await client.saveDocuments(datasource(), docs);
    expect(saved.batches.map((batch) => batch.status)).toEqual(['ok', 'ok', 'ok']);
    expect(sim().requestCount({ endpoint: 'push-save', status: 401 })).toBe(1);
    expect(sim().requestCount({ endpoint: 'push-save', status: 200 })).toBe(3);
    expect(sim().mintCount({ scope: 'datasource.push' })).toBe(2);
    client.dispose();
  });

  it('reports a failed batch and skips the rest, or continues when asked', async () => {
    const client = springboard({ retry: false, push: { maxDocumentsPerRequest: 2 } });
    const docs = Array.from({ length: 6 }, (_, i) => document(`f-${i}`));
    sim().setFaults([
      {
        vendor: 'lucidworks-springboard',
        endpoint: 'push-save',
        kind: 'server-error',
        status: 500,
        after: 1,
        times: 1,
      },
    ]);
    const stopped = await client.saveDocuments(datasource(), docs);
    expect(stopped.batches.map((batch) => batch.status)).toEqual(['ok', 'failed', 'skipped']);
    expect(stopped.batches[1]).toMatchObject({ httpStatus: 500, error: { code: 'ERR_HTTP' } });

    sim().setFaults([
      {
        vendor: 'lucidworks-springboard',
        endpoint: 'push-save',
        kind: 'server-error',
        status: 500,
        after: 1,
        times: 1,
      },
    ]);
    const continued = await client.saveDocuments(datasource(), docs, { continueOnError: true });
    expect(continued.batches.map((batch) => batch.status)).toEqual(['ok', 'failed', 'ok']);
    client.dispose();
  });

  it('a push to an unknown data source fails that batch with ERR_NOT_FOUND', async () => {
    const client = springboard();
    const result = await client.saveDocuments('no-such-datasource', [document('x')]);
    expect(result.ok).toBe(false);
    expect(result.batches[0]).toMatchObject({ status: 'failed', error: { code: 'ERR_NOT_FOUND' } });
    client.dispose();
  });
});
