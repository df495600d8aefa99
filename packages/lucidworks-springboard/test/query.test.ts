import { describe, expect, it } from 'vitest';
import { utcOffsetOf } from '../src/index.js';
import { SEARCH_BODY, springboard } from './setup.js';

describe('Query API helpers', () => {
  it('posts the search body as JSON and returns the typed response', async () => {
    const { server, client } = springboard();
    const body = {
      ...SEARCH_BODY,
      page: 0,
      limit: 10,
      fieldList: ['document.title'],
      facets: ['type'],
    };
    const result = await client.search(body);

    expect(result.docs[0]?.id).toBe('d1');
    const [request] = server.calls('/query/search');
    expect(request?.headers.get('content-type')).toBe('application/json');
    expect(JSON.parse(request?.body ?? '')).toEqual(body);
    client.dispose();
  });

  it('fetches details by id', async () => {
    const { client } = springboard();
    await expect(client.detail({ id: 'd1' })).resolves.toEqual({ id: 'd1', title: 'Doc' });
    client.dispose();
  });

  it.each([
    ['bad utcOffset', { given: { ...SEARCH_BODY, utcOffset: '2:00' }, want: 'utcOffset' }],
    ['missing sessionId', { given: { query: 'x', utcOffset: '+00:00' }, want: 'sessionId' }],
  ])('search refuses %s before sending', async (_name, { given, want }) => {
    const { server, client } = springboard();
    await expect(client.search(given as never)).rejects.toThrow(want);
    expect(server.requests).toHaveLength(0);
    client.dispose();
  });

  it.each([
    ['a title', { given: { title: 'VPN setup', description: 'how to' }, ok: true }],
    ['a document id', { given: { documentId: 'd1' }, ok: true }],
    ['both', { given: { title: 'x', documentId: 'd1' }, ok: false }],
    ['neither', { given: {}, ok: false }],
  ])('relatedContent with %s', async (_name, { given, ok }) => {
    const { server, client } = springboard();
    const call = () =>
      client.relatedContent({ utcOffset: '+00:00', sessionId: 's', probe: given as never });
    if (ok) {
      await expect(call()).resolves.toEqual({ docs: [] });
      expect(JSON.parse(server.calls('/query/relatedContent')[0]?.body ?? '').probe).toEqual(given);
    } else {
      await expect(call()).rejects.toThrow('exactly one of probe.title or probe.documentId');
    }
    client.dispose();
  });

  it.each([
    ['UTC', { given: 0, want: '+00:00' }],
    ['east', { given: -120, want: '+02:00' }],
    ['west, with minutes', { given: 330, want: '-05:30' }],
  ])('utcOffsetOf %s', (_name, { given, want }) => {
    const date = { getTimezoneOffset: () => given } as Date;
    expect(utcOffsetOf(date)).toBe(want);
  });
});
