import { describe, expect, it } from 'vitest';
import type { ReplacingFault } from '../src/faults.js';
import { faultReply } from '../src/http/fault-reply.js';
import type { Route } from '../src/http/route.js';
import type { VendorName } from '../src/index.js';
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

  // One token and one API operation per spec in specs/, answered with the simulator's own fault
  // replies: each spec declares 429 and 5XX for every operation, and nothing else slips through.
  const operations: Array<[VendorName, string, string]> = [
    ['sparque', 'POST', '/api/auth'],
    ['sparque', 'GET', '/1/ws/api/a/e/x/results'],
    ['lucidworks-springboard', 'POST', '/oauth2/ausao8uveaPmyhv0v357/v1/token'],
    ['lucidworks-springboard', 'POST', '/query/search'],
    ['lucidworks-ai', 'POST', '/ai/prediction/embedding/gte-small'],
    ['lucidworks-ai', 'GET', '/customers/c/ai/models'],
    ['squirro', 'POST', '/api/user/oauth2/token'],
    ['squirro', 'POST', '/api/topic/v0/t/projects/p/items/query'],
    ['oauth2', 'POST', '/oauth/v2/token'],
  ];
  const injected = (fault: ReplacingFault) => {
    const reply = faultReply(fault, {} as Route);
    return { status: reply.status, contentType: 'application/json', body: reply.body };
  };
  const faultCases: Array<[string, { reply: ReturnType<typeof injected>; want: RegExp | null }]> = [
    ['an injected 429', { reply: injected({ kind: 'rate-limit' }), want: null }],
    ['an injected 503', { reply: injected({ kind: 'server-error' }), want: null }],
    ['an injected 502', { reply: injected({ kind: 'server-error', status: 502 }), want: null }],
    [
      'an undeclared 418',
      {
        reply: { ...injected({ kind: 'server-error' }), status: 418 },
        want: /status not declared/,
      },
    ],
    [
      'a 5XX body of the wrong shape',
      { reply: { ...injected({ kind: 'server-error' }), body: [] }, want: /must be object/ },
    ],
    [
      'a 429 in an undeclared media type',
      {
        reply: { ...injected({ kind: 'rate-limit' }), contentType: 'text/html', body: '<html>' },
        want: /media type "text\/html"/,
      },
    ],
  ];
  describe.each(operations)('%s %s %s', (vendor, method, path) => {
    it.each(faultCases)('%s', async (_name, { reply, want }) => {
      const problems = await validateResponse(vendor, { method, path, ...reply });
      if (want === null) expect(problems).toEqual([]);
      else expect(problems?.join('\n')).toMatch(want);
    });
  });

  it('checks a 5XX body against its schema, not just its status', async () => {
    const problems = await validateResponse('lucidworks-ai', {
      method: 'GET',
      path: '/customers/c/ai/models',
      status: 500,
      contentType: 'application/json',
      body: { message: 42 },
    });
    expect(problems?.join('\n')).toMatch(/message must be string/);
  });
});
