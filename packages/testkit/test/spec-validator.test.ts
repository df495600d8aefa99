import { describe, expect, it } from 'vitest';
import { validateResponse } from './support/spec-validator.js';

// The validator guards every other test; these cases prove it can fail.
describe('validateResponse', () => {
  const token = {
    method: 'POST',
    path: '/oauth2/ausao8uveaPmyhv0v357/v1/token',
    contentType: 'application/json',
  };
  const cases: Array<
    [string, { given: Parameters<typeof validateResponse>[1]; want: RegExp | null }]
  > = [
    [
      'a conforming token response',
      {
        given: {
          ...token,
          status: 200,
          body: { token_type: 'Bearer', expires_in: 3600, access_token: 'x' },
        },
        want: null,
      },
    ],
    [
      'a token response without access_token',
      {
        given: { ...token, status: 200, body: { token_type: 'Bearer', expires_in: 3600 } },
        want: /access_token/,
      },
    ],
    [
      'expires_in of the wrong type',
      {
        given: {
          ...token,
          status: 200,
          body: { token_type: 'Bearer', expires_in: '3600', access_token: 'x' },
        },
        want: /expires_in must be integer/,
      },
    ],
    [
      'an undeclared status',
      { given: { ...token, status: 418, body: {} }, want: /status not declared/ },
    ],
    [
      'an undeclared media type',
      {
        given: { ...token, status: 200, contentType: 'text/html', body: '<html>' },
        want: /media type "text\/html"/,
      },
    ],
    [
      'an unknown path',
      { given: { ...token, path: '/nope', status: 200, body: {} }, want: /no operation/ },
    ],
    [
      'an error body through a $ref to components/responses',
      { given: { ...token, status: 401, body: { error: 42 } }, want: /error must be string/ },
    ],
  ];
  it.each(cases)('%s', async (_name, { given, want }) => {
    const problems = await validateResponse('lucidworks-springboard', given);
    if (want === null) expect(problems).toEqual([]);
    else expect(problems?.join('\n')).toMatch(want);
  });

  it('follows recursive schemas (Squirro aggregation buckets)', async () => {
    const body = {
      count: 0,
      total: 0,
      eof: true,
      items: [],
      aggregations: {
        a: { f: { values: [{ key: 'x', value: 1, values: [{ key: 'y', value: 'bad' }] }] } },
      },
    };
    const problems = await validateResponse('squirro', {
      method: 'POST',
      path: '/api/topic/v0/t/projects/p/items/query',
      status: 200,
      contentType: 'application/json',
      body,
    });
    expect(problems?.join('\n')).toMatch(/value must be number/);
  });

  it('checks a 2xx body against a named component when asked', async () => {
    const problems = await validateResponse('sparque', {
      method: 'GET',
      path: '/1/ws/api/a/e/x/count',
      status: 200,
      contentType: 'application/json',
      body: { items: [] },
      component: 'CountResponse',
    });
    expect(problems?.join('\n')).toMatch(/required property 'total'/);
  });

  const search = { method: 'GET', path: '/v1/search', contentType: 'application/json' };
  const item = { id: 'doc-1', title: 'Tent', type: 'product', url: 'https://x.test/1', score: 1 };
  const exampleCases: Array<
    [string, { given: Parameters<typeof validateResponse>[1]; want: RegExp | null }]
  > = [
    [
      'a simulator search page',
      {
        given: { ...search, status: 200, body: { total: 1, offset: 0, limit: 10, items: [item] } },
        want: null,
      },
    ],
    [
      'the shape the example used to promise ({ total, hits[{ score, document }] })',
      {
        given: { ...search, status: 200, body: { total: 1, hits: [{ score: 1, document: item }] } },
        want: /required property 'items'/,
      },
    ],
    [
      'an item with a field the spec does not have',
      {
        given: {
          ...search,
          status: 200,
          body: { total: 1, offset: 0, limit: 10, items: [{ ...item, price: 9 }] },
        },
        want: /must NOT have additional properties/,
      },
    ],
    [
      "an error body in another vendor's shape",
      {
        given: { ...search, status: 400, body: { message: 'bad' } },
        want: /required property 'error'/,
      },
    ],
  ];
  it.each(exampleCases)('oauth2 example spec: %s', async (_name, { given, want }) => {
    const problems = await validateResponse('oauth2', given);
    if (want === null) expect(problems).toEqual([]);
    else expect(problems?.join('\n')).toMatch(want);
  });
});
