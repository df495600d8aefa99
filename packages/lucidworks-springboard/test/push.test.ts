import { describe, expect, it } from 'vitest';
import { json } from '../../lucidworks-identity/test/fake-lucidworks.js';
import { APP, doc, springboard } from './setup.js';

const PATH = '/push/datasources/ds-1/documents';
// The docs say "1 MB": 1,000,000 bytes, not a mebibyte.
const MB = 1_000_000;

describe('saveDocuments', () => {
  it('splits 450 documents into requests of at most 200 and reports each batch', async () => {
    const { server, client, pushBodies } = springboard();
    const docs = Array.from({ length: 450 }, (_, i) => doc(`id-${i}`));
    const result = await client.saveDocuments('ds-1', docs);

    expect(pushBodies.map((b) => b.length)).toEqual([200, 200, 50]);
    expect(pushBodies.flat()).toEqual(docs);
    expect(result.ok).toBe(true);
    expect(result.documents).toBe(450);
    expect(
      result.batches.map((b) => [b.index, b.start, b.externalIds.length, b.status, b.httpStatus]),
    ).toEqual([
      [0, 0, 200, 'ok', 200],
      [1, 200, 200, 'ok', 200],
      [2, 400, 50, 'ok', 200],
    ]);
    expect(result.batches[2]?.response).toEqual({ accepted: 50 });
    expect(server.calls(PATH).every((r) => r.method === 'POST')).toBe(true);
    client.dispose();
  });

  it('keeps every request body within 1 MB (1,000,000 bytes)', async () => {
    const { server, client, pushBodies } = springboard();
    const body = 'x'.repeat(300 * 1024);
    const docs = Array.from({ length: 7 }, (_, i) => doc(`big-${i}`, { body }));
    const result = await client.saveDocuments('ds-1', docs);

    expect(pushBodies.map((b) => b.length)).toEqual([3, 3, 1]);
    for (const request of server.calls(PATH)) {
      expect(new TextEncoder().encode(request.body).byteLength).toBeLessThanOrEqual(MB);
    }
    expect(result.batches.map((b) => b.bytes)).toEqual(
      server.calls(PATH).map((r) => new TextEncoder().encode(r.body).byteLength),
    );
    client.dispose();
  });

  it('splits bodies between 1,000,000 and 1,048,576 bytes: the limit is 1 MB, not 1 MiB', async () => {
    const { server, client, pushBodies } = springboard();
    // Three documents of about 340,000 bytes: 1,020,000 together, within a MiB but over a MB.
    const docs = Array.from({ length: 3 }, (_, i) => doc(`mb-${i}`, { body: 'x'.repeat(340_000) }));
    const result = await client.saveDocuments('ds-1', docs);

    expect(pushBodies.map((b) => b.length)).toEqual([2, 1]);
    expect(result.batches.every((b) => b.bytes <= MB)).toBe(true);
    expect(server.calls(PATH)).toHaveLength(2);
    client.dispose();
  });

  it('refuses a single document over 1 MB before sending anything', async () => {
    const { server, client } = springboard();
    // 1,000,100 bytes of text: fits a MiB, not the documented 1 MB.
    const docs = [doc('small'), doc('huge', { body: 'x'.repeat(MB + 100) })];
    await expect(client.saveDocuments('ds-1', docs)).rejects.toMatchObject({
      code: 'ERR_LIMIT_EXCEEDED',
      message: expect.stringContaining('item 1 is'),
    });
    expect(server.requests).toHaveLength(0);
    client.dispose();
  });

  it.each([
    [
      'missing externalId',
      {
        given: { type: 'content', object: {}, document: { title: 't' } },
        want: 'object.externalId',
      },
    ],
    [
      'empty externalId',
      {
        given: { type: 'content', object: { externalId: '' }, document: { title: 't' } },
        want: 'object.externalId',
      },
    ],
    [
      'missing title',
      {
        given: { type: 'content', object: { externalId: 'a' }, document: {} },
        want: 'document.title',
      },
    ],
    [
      'missing document',
      { given: { type: 'content', object: { externalId: 'a' } }, want: 'document.title' },
    ],
    [
      'wrong type',
      {
        given: { type: 'page', object: { externalId: 'a' }, document: { title: 't' } },
        want: 'type "content"',
      },
    ],
    ['no object at all', { given: null, want: 'object.externalId' }],
    ['a bare id string', { given: 'a-1', want: 'document.title' }],
  ])('rejects a document with %s before sending anything', async (_name, { given, want }) => {
    const { server, client } = springboard();
    const docs = [doc('ok'), given] as never[];
    await expect(client.saveDocuments('ds-1', docs)).rejects.toMatchObject({
      code: 'ERR_BAD_REQUEST',
      message: expect.stringContaining(want),
    });
    await expect(client.saveDocuments('ds-1', docs)).rejects.toThrow(/document 1/);
    expect(server.requests).toHaveLength(0);
    client.dispose();
  });

  it('stops after a failed batch and reports the rest as skipped', async () => {
    const { server, client } = springboard({ push: { maxDocumentsPerRequest: 2 } });
    let calls = 0;
    server.api('POST', APP, PATH, () => {
      calls += 1;
      return calls === 2 ? json({ message: 'slow down' }, 429) : json({});
    });
    const result = await client.saveDocuments(
      'ds-1',
      ['a', 'b', 'c', 'd', 'e'].map((id) => doc(id)),
    );

    expect(result.ok).toBe(false);
    expect(result.batches.map((b) => b.status)).toEqual(['ok', 'failed', 'skipped']);
    expect(result.batches[1]).toMatchObject({ httpStatus: 429, externalIds: ['c', 'd'] });
    expect(result.batches[1]?.error?.code).toBe('ERR_RATE_LIMITED');
    expect(calls).toBe(2);
    client.dispose();
  });

  it('continueOnError sends the remaining batches', async () => {
    const { server, client } = springboard({ push: { maxDocumentsPerRequest: 2 } });
    let calls = 0;
    server.api('POST', APP, PATH, () => {
      calls += 1;
      return calls === 1 ? json({ message: 'too slow' }, 504) : json({});
    });
    const docs = ['a', 'b', 'c'].map((id) => doc(id));
    const result = await client.saveDocuments('ds-1', docs, { continueOnError: true });

    expect(result.batches.map((b) => [b.status, b.error?.code])).toEqual([
      ['failed', 'ERR_UPSTREAM_TIMEOUT'],
      ['ok', undefined],
    ]);
    client.dispose();
  });

  it('URL-encodes the datasource id into the path', async () => {
    const { server, client } = springboard();
    await client.saveDocuments('ds/1 x', [doc('a')]);
    expect(server.requests.at(-1)?.url.pathname).toBe('/push/datasources/ds%2F1%20x/documents');
    client.dispose();
  });

  it('sends nothing for an empty list', async () => {
    const { server, client } = springboard();
    await expect(client.saveDocuments('ds-1', [])).resolves.toEqual({
      ok: true,
      documents: 0,
      batches: [],
    });
    expect(server.requests).toHaveLength(0);
    client.dispose();
  });
});

describe('deleteDocuments', () => {
  it('deletes by external id with DELETE on the default path, in batches', async () => {
    const { server, client, pushBodies } = springboard();
    const ids = Array.from({ length: 201 }, (_, i) => `id-${i}`);
    const result = await client.deleteDocuments('ds-1', ids);

    expect(server.calls(PATH).map((r) => r.method)).toEqual(['DELETE', 'DELETE']);
    expect(pushBodies.map((b) => b.length)).toEqual([200, 1]);
    expect(pushBodies[1]).toEqual([{ type: 'content', object: { externalId: 'id-200' } }]);
    expect(result.batches.map((b) => [b.status, b.httpStatus])).toEqual([
      ['ok', 204],
      ['ok', 204],
    ]);
    client.dispose();
  });

  it('follows the configured path and method', async () => {
    const { server, client } = springboard({
      push: { deletePath: '/api/v2/sources/{datasourceId}/delete', deleteMethod: 'POST' },
    });
    server.api('POST', APP, '/api/v2/sources/ds-9/delete', () => json({ deleted: 1 }));
    const result = await client.deleteDocuments('ds-9', ['gone']);
    expect(result.batches[0]).toMatchObject({ status: 'ok', response: { deleted: 1 } });
    client.dispose();
  });

  it.each([
    ['save', 'saveDocuments'],
    ['delete', 'deleteDocuments'],
  ] as const)(
    '%s refuses input that is not an array with ERR_BAD_REQUEST',
    async (_name, method) => {
      const { server, client } = springboard();
      await expect(
        client[method]('ds-1', { object: { externalId: 'a' } } as never),
      ).rejects.toMatchObject({
        code: 'ERR_BAD_REQUEST',
        message: expect.stringContaining('documents must be an array'),
      });
      expect(server.requests).toHaveLength(0);
      client.dispose();
    },
  );

  it('rejects an empty external id', async () => {
    const { server, client } = springboard();
    await expect(client.deleteDocuments('ds-1', ['a', ''])).rejects.toMatchObject({
      code: 'ERR_BAD_REQUEST',
      message: expect.stringContaining('document 1 needs a non-empty object.externalId'),
    });
    expect(server.requests).toHaveLength(0);
    client.dispose();
  });
});
