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
    ['missing utcOffset', { given: { query: 'x', sessionId: 's' } }],
    ['missing sessionId', { given: { query: 'x', utcOffset: '+00:00' } }],
    ['missing query', { given: { utcOffset: '+00:00', sessionId: 's' } }],
    ['no body', { given: undefined }],
  ])('search refuses %s before sending', async (_name, { given }) => {
    const { server, client } = springboard();
    await expect(client.search(given as never)).rejects.toMatchObject({
      code: 'ERR_BAD_REQUEST',
      message: expect.stringContaining('/query/search needs query, utcOffset, sessionId'),
    });
    expect(server.requests).toHaveLength(0);
    client.dispose();
  });

  it.each([
    ['hours only', { given: '+02', call: 'search' }],
    ['no sign', { given: '02:00', call: 'search' }],
    ['no colon', { given: '+0200', call: 'search' }],
    ['a time zone name', { given: 'Europe/Berlin', call: 'search' }],
    ['minutes over 59', { given: '+01:60', call: 'search' }],
    ['an empty string', { given: '', call: 'relatedContent' }],
    ['a single-digit hour', { given: '+2:00', call: 'relatedContent' }],
  ])(
    '%s as utcOffset is refused before sending, naming the form',
    async (_name, { given, call }) => {
      const { server, client } = springboard();
      const helper = client[call as 'search'] as (body: unknown) => Promise<unknown>;
      await expect(
        helper({ ...SEARCH_BODY, utcOffset: given, probe: { documentId: 'd1' } }),
      ).rejects.toMatchObject({
        code: 'ERR_BAD_REQUEST',
        message: expect.stringContaining('utcOffset as ±HH:MM'),
      });
      expect(server.requests).toHaveLength(0);
      client.dispose();
    },
  );

  it.each(['+00:00', '-05:30', '+14:00', '-12:00'])(
    'accepts %s as utcOffset',
    async (utcOffset) => {
      const { server, client } = springboard();
      await client.search({ ...SEARCH_BODY, utcOffset });
      expect(server.calls('/query/search')).toHaveLength(1);
      client.dispose();
    },
  );

  it('searches for an empty query string (it is a string)', async () => {
    const { server, client } = springboard();
    await client.search({ ...SEARCH_BODY, query: '' });
    expect(server.calls('/query/search')).toHaveLength(1);
    client.dispose();
  });

  it.each([
    ['detail without id', { call: 'detail', given: {}, want: '/query/detail needs id' }],
    [
      'relatedContent without sessionId',
      {
        call: 'relatedContent',
        given: { utcOffset: '+00:00', probe: { documentId: 'd1' } },
        want: '/query/relatedContent needs utcOffset, sessionId',
      },
    ],
  ])('refuses %s before sending', async (_name, { call, given, want }) => {
    const { server, client } = springboard();
    const helper = client[call as 'detail'] as (body: unknown) => Promise<unknown>;
    await expect(helper(given)).rejects.toMatchObject({
      code: 'ERR_BAD_REQUEST',
      message: expect.stringContaining(want),
    });
    expect(server.requests).toHaveLength(0);
    client.dispose();
  });

  it.each([
    ['a title', { given: { title: 'VPN setup', description: 'how to' } }],
    ['a document id', { given: { documentId: 'd1' } }],
  ])('relatedContent with %s', async (_name, { given }) => {
    const { server, client } = springboard();
    await expect(
      client.relatedContent({ utcOffset: '+00:00', sessionId: 's', probe: given as never }),
    ).resolves.toEqual({ docs: [] });
    expect(JSON.parse(server.calls('/query/relatedContent')[0]?.body ?? '').probe).toEqual(given);
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
