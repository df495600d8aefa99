import { describe, expect, it } from 'vitest';
import {
  buildQueryPath,
  type QueryPathParts,
  type ResponseType,
  sparquePathSerializer,
} from '../src/query-path.js';

const base = { version: '1', workspace: 'shop', api: 'products', responseType: 'results' } as const;
const parts = (extra: Partial<QueryPathParts>): QueryPathParts => ({
  ...base,
  endpoints: [{ name: 'search' }],
  ...extra,
});

describe('buildQueryPath', () => {
  it.each<[string, { given: QueryPathParts; want: string }]>([
    ['one endpoint', { given: parts({}), want: '/1/shop/api/products/e/search/results' }],
    [
      'parameters in order',
      {
        given: parts({ endpoints: [{ name: 'search', parameters: { query: 'drill', limit: 5 } }] }),
        want: '/1/shop/api/products/e/search/p/query/drill/p/limit/5/results',
      },
    ],
    [
      'spaces',
      {
        given: parts({ endpoints: [{ name: 'search', parameters: { query: 'cordless drill' } }] }),
        want: '/1/shop/api/products/e/search/p/query/cordless%20drill/results',
      },
    ],
    [
      'slashes stay inside their segment',
      {
        given: parts({ endpoints: [{ name: 'by/path', parameters: { 'a/b': '1/2' } }] }),
        want: '/1/shop/api/products/e/by%2Fpath/p/a%2Fb/1%2F2/results',
      },
    ],
    [
      'query-string and fragment characters',
      {
        given: parts({ endpoints: [{ name: 'search', parameters: { q: 'a?b=c&d#e%' } }] }),
        want: '/1/shop/api/products/e/search/p/q/a%3Fb%3Dc%26d%23e%25/results',
      },
    ],
    [
      'unicode as UTF-8',
      {
        given: parts({ endpoints: [{ name: 'zoek', parameters: { q: 'boormachine ñ 日本 🔧' } }] }),
        want: '/1/shop/api/products/e/zoek/p/q/boormachine%20%C3%B1%20%E6%97%A5%E6%9C%AC%20%F0%9F%94%A7/results',
      },
    ],
    [
      ':FILTER kept on a facet endpoint',
      {
        given: parts({ endpoints: [{ name: 'brand:FILTER' }] }),
        want: '/1/shop/api/products/e/brand:FILTER/results',
      },
    ],
    [
      ':FILTER kept while the rest of the name is encoded',
      {
        given: parts({ endpoints: [{ name: 'brand name:FILTER' }] }),
        want: '/1/shop/api/products/e/brand%20name:FILTER/results',
      },
    ],
    [
      'other colons encoded',
      {
        given: parts({ endpoints: [{ name: 'a:b', parameters: { 'x:y': 'v:FILTER' } }] }),
        want: '/1/shop/api/products/e/a%3Ab/p/x%3Ay/v%3AFILTER/results',
      },
    ],
    [
      'several endpoints, each with its parameters',
      {
        given: parts({
          endpoints: [
            { name: 'search', parameters: { query: 'drill' } },
            { name: 'brand:FILTER', parameters: { value: 'Bosch' } },
            { name: 'in_stock' },
          ],
        }),
        want: '/1/shop/api/products/e/search/p/query/drill/e/brand:FILTER/p/value/Bosch/e/in_stock/results',
      },
    ],
    [
      'context first',
      {
        given: parts({
          context: { locale: 'en-US', channel: 'b2b shop' },
          endpoints: [{ name: 'search', parameters: { query: 'x' } }],
        }),
        want: '/1/shop/api/products/c/locale/en-US/c/channel/b2b%20shop/e/search/p/query/x/results',
      },
    ],
    [
      'numbers and booleans',
      {
        given: parts({ endpoints: [{ name: 'e', parameters: { n: 0.5, b: false } }] }),
        want: '/1/shop/api/products/e/e/p/n/0.5/p/b/false/results',
      },
    ],
    [
      'tuple-list values keep their syntax readable',
      {
        given: parts({ endpoints: [{ name: 'e', parameters: { t: '0.8(a,b)|1(c)' } }] }),
        want: '/1/shop/api/products/e/e/p/t/0.8(a%2Cb)%7C1(c)/results',
      },
    ],
    [
      'workspace, api and version encoded too',
      {
        given: {
          ...base,
          version: '4',
          workspace: 'my ws',
          api: 'a/b',
          endpoints: [{ name: 'e' }],
        },
        want: '/4/my%20ws/api/a%2Fb/e/e/results',
      },
    ],
    [
      'results,count keeps its comma',
      {
        given: parts({ responseType: 'results,count' }),
        want: '/1/shop/api/products/e/search/results,count',
      },
    ],
  ])('%s', (_name, { given, want }) => {
    expect(buildQueryPath(given)).toBe(want);
  });

  it.each<ResponseType>([
    'results',
    'results,count',
    'resultpage',
    'resultitem',
    'count',
    'statistics',
    'options',
  ])('ends with the response type %s as written', (responseType) => {
    expect(buildQueryPath(parts({ responseType }))).toBe(
      `/1/shop/api/products/e/search/${responseType}`,
    );
  });

  it.each<[string, { given: QueryPathParts; want: RegExp }]>([
    [
      'no endpoint',
      { given: parts({ endpoints: [] }), want: /endpoints must be a non-empty array/ },
    ],
    [
      'no endpoints at all',
      { given: parts({ endpoints: undefined as never }), want: /endpoints must be/ },
    ],
    [
      'an empty endpoint name',
      { given: parts({ endpoints: [{ name: '' }] }), want: /endpoint must be/ },
    ],
    ['a null endpoint', { given: parts({ endpoints: [null as never] }), want: /endpoint must be/ }],
    [
      'an empty value',
      { given: parts({ endpoints: [{ name: 'e', parameters: { q: '' } }] }), want: /q must be/ },
    ],
    [
      'a dot segment',
      { given: parts({ endpoints: [{ name: 'e', parameters: { q: '..' } }] }), want: /q must be/ },
    ],
    ['a single dot', { given: parts({ context: { locale: '.' } }), want: /locale must be/ }],
    ['an empty name', { given: parts({ context: { '': 'x' } }), want: /name must be/ }],
    [
      'an object value',
      {
        given: parts({ endpoints: [{ name: 'e', parameters: { q: {} as never } }] }),
        want: /q must be a string, number or boolean/,
      },
    ],
    ['a lone surrogate', { given: parts({ context: { q: '\uD800' } }), want: /q must be/ }],
    [
      'parameters given as a string',
      {
        given: parts({ endpoints: [{ name: 'e', parameters: 'q=x' as never }] }),
        want: /parameters must be an object/,
      },
    ],
    [
      'context given as an array',
      { given: parts({ context: [['locale', 'en']] as never }), want: /context must be an object/ },
    ],
    ['no api', { given: parts({ api: undefined as never }), want: /api must be/ }],
    ['an empty version', { given: parts({ version: '' }), want: /version must be/ }],
    [
      'an unknown response type',
      { given: parts({ responseType: 'hits' as never }), want: /responseType must be/ },
    ],
    [
      'a response type with a path in it',
      { given: parts({ responseType: 'results/../x' as never }), want: /responseType must be/ },
    ],
  ])('rejects %s', (_name, { given, want }) => {
    expect(() => buildQueryPath(given)).toThrow(
      expect.objectContaining({
        code: 'ERR_INVALID_OPTIONS',
        message: expect.stringMatching(want),
      }),
    );
  });
});

describe('sparquePathSerializer (the generated client)', () => {
  const template = '/{version}/{workspace}/api/{api}/e/{endpoint}/{responseType}';

  it('encodes like buildQueryPath, keeping :FILTER and results,count', () => {
    const params = {
      ...base,
      workspace: 'my ws',
      endpoint: 'brand name:FILTER',
      responseType: 'results,count',
    };
    expect(sparquePathSerializer(template, params)).toBe(
      '/1/my%20ws/api/products/e/brand%20name:FILTER/results,count',
    );
  });

  it('rejects an unknown response type instead of sending it', () => {
    expect(() =>
      sparquePathSerializer(template, { ...base, endpoint: 'e', responseType: 'x' }),
    ).toThrow(expect.objectContaining({ code: 'ERR_INVALID_OPTIONS' }));
  });
});
