import { describe, expect, it } from 'vitest';
import { bearerOf } from '../../lucidworks-identity/test/fake-lucidworks.js';
import { doc, SEARCH_BODY, springboard } from './setup.js';

describe('one token per scope', () => {
  it('uses the query token for the Query API and the push token for the Push API', async () => {
    const { server, client } = springboard();
    await client.search(SEARCH_BODY);
    await client.saveDocuments('ds-1', [doc('a')]);
    await client.search(SEARCH_BODY);

    expect(server.tokenRequests().map((r) => r.url.searchParams.get('scope'))).toEqual([
      'connectedsearch.query',
      'datasource.push',
    ]);
    expect(server.calls('/query/search').map(bearerOf)).toEqual([
      'tok-connectedsearch.query-1',
      'tok-connectedsearch.query-1',
    ]);
    expect(server.calls('/push/datasources/ds-1/documents').map(bearerOf)).toEqual([
      'tok-datasource.push-1',
    ]);
    client.dispose();
  });

  it('never sends a query token to the Push API, even when the push token endpoint fails', async () => {
    const { server, client } = springboard();
    await client.search(SEARCH_BODY);
    server.on('POST', 'https://identity.lucidworks.com', /token$/, () =>
      Response.json({ error: 'invalid_scope' }, { status: 400 }),
    );
    const result = await client.saveDocuments('ds-1', [doc('a')]);

    expect(result.ok).toBe(false);
    // The server's OAuth error has its own code (issue 11, point 13).
    expect(result.batches[0]?.error?.code).toBe('ERR_INVALID_SCOPE');
    expect(server.calls('/push/datasources/ds-1/documents')).toHaveLength(0);
    client.dispose();
  });

  it('recovers a rejected query token without touching the push token', async () => {
    const { server, client } = springboard();
    await client.search(SEARCH_BODY);
    await client.saveDocuments('ds-1', [doc('a')]);
    server.valid.delete('tok-connectedsearch.query-1');

    await client.search(SEARCH_BODY);
    await client.saveDocuments('ds-1', [doc('b')]);

    expect(server.tokenRequests('connectedsearch.query')).toHaveLength(2);
    expect(server.tokenRequests('datasource.push')).toHaveLength(1);
    expect(server.calls('/query/search').map(bearerOf)).toEqual([
      'tok-connectedsearch.query-1',
      'tok-connectedsearch.query-1',
      'tok-connectedsearch.query-2',
    ]);
    client.dispose();
  });

  it('combinedScopes asks once for both scopes and uses that token for both APIs', async () => {
    const { server, client } = springboard({ combinedScopes: true });
    await client.search(SEARCH_BODY);
    await client.saveDocuments('ds-1', [doc('a')]);

    expect(server.tokenRequests().map((r) => r.url.searchParams.get('scope'))).toEqual([
      'connectedsearch.query datasource.push',
    ]);
    const token = 'tok-connectedsearch.query+datasource.push-1';
    expect(server.calls('/query/search').map(bearerOf)).toEqual([token]);
    expect(server.calls('/push/datasources/ds-1/documents').map(bearerOf)).toEqual([token]);
    expect(client.tokens.query).toBe(client.tokens.push);
    client.dispose();
  });

  it('sends many concurrent searches with one token request', async () => {
    const { server, client } = springboard();
    const release = server.holdMints();
    const searches = Array.from({ length: 10 }, () => client.search(SEARCH_BODY));
    await new Promise((resolve) => setImmediate(resolve));
    release();
    await Promise.all(searches);

    expect(server.tokenRequests()).toHaveLength(1);
    expect(server.calls('/query/search')).toHaveLength(10);
    client.dispose();
  });
});
