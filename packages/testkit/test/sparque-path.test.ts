import { describe, expect, it } from 'vitest';
import { parseSparquePath, tupleListValues } from '../src/vendors/sparque-path.js';

describe('parseSparquePath', () => {
  const cases: Array<[string, { given: string; want: unknown }]> = [
    [
      'one endpoint',
      {
        given: '/1/ws/api/shop/e/search/results',
        want: {
          version: '1',
          workspace: 'ws',
          api: 'shop',
          context: [],
          endpoints: [{ name: 'search', params: [] }],
          responseType: 'results',
        },
      },
    ],
    [
      'parameters and stacked endpoints',
      {
        given: '/4/ws/api/shop/e/search/p/query/tent/p/lang/en/e/type:FILTER/p/value/product/count',
        want: {
          endpoints: [
            {
              name: 'search',
              params: [
                { name: 'query', value: 'tent' },
                { name: 'lang', value: 'en' },
              ],
            },
            { name: 'type:FILTER', params: [{ name: 'value', value: 'product' }] },
          ],
          responseType: 'count',
        },
      },
    ],
    [
      'context before the endpoints',
      {
        given: '/1/ws/api/shop/c/locale/en-US/e/search/results',
        want: { context: [{ name: 'locale', value: 'en-US' }] },
      },
    ],
    [
      'long forms',
      {
        given: '/1/ws/api/shop/context/locale/nl/endpoint/search/parameter/query/x/results',
        want: {
          context: [{ name: 'locale', value: 'nl' }],
          endpoints: [{ name: 'search', params: [{ name: 'query', value: 'x' }] }],
        },
      },
    ],
    [
      'per-segment decoding keeps an encoded slash in the value',
      {
        given: '/1/ws/api/shop/e/search/p/query/red%2Fblue%20tent/results%2Ccount',
        want: {
          endpoints: [{ name: 'search', params: [{ name: 'query', value: 'red/blue tent' }] }],
          responseType: 'results,count',
        },
      },
    ],
    [
      'an encoded colon in the endpoint',
      {
        given: '/1/ws/api/shop/e/type%3AFILTER/options',
        want: { endpoints: [{ name: 'type:FILTER', params: [] }] },
      },
    ],
  ];
  it.each(cases)('parses %s', (_name, { given, want }) => {
    const result = parseSparquePath(given);
    expect(result?.ok).toBe(true);
    expect(result?.ok && result.path).toMatchObject(want as object);
  });

  it.each([
    ['no endpoint', '/1/ws/api/shop/results', /no endpoint/],
    ['a parameter before any endpoint', '/1/ws/api/shop/p/query/x/e/search/results', /Malformed/],
    ['a context after an endpoint', '/1/ws/api/shop/e/search/c/locale/en/results', /Malformed/],
    ['a dangling parameter name', '/1/ws/api/shop/e/search/p/query/results', /Malformed/],
    ['bad percent-encoding', '/1/ws/api/shop/e/sea%ZZrch/results', /percent/],
  ])('refuses %s with 400', (_name, given, message) => {
    const result = parseSparquePath(given);
    expect(result).toMatchObject({ ok: false, status: 400 });
    expect(result?.ok === false && result.message).toMatch(message);
  });

  it('does not claim paths that are not Query API paths', () => {
    expect(parseSparquePath('/api/auth')).toBeUndefined();
    expect(parseSparquePath('/1/ws/other/shop/e/x/results')).toBeUndefined();
  });
});

describe('tupleListValues', () => {
  it.each([
    ['a plain value', 'product', ['product']],
    ['one weighted tuple', '1(product)', ['product']],
    ['several tuples, first column', '0.8(red,x)|1(blue)', ['red', 'blue']],
  ])('reads %s', (_name, given, want) => {
    expect(tupleListValues(given)).toEqual(want);
  });
});
