import { describe, expect, it } from 'vitest';
import type { Json, JsonObject } from '../src/diff/json.ts';
import { collectAssumptions } from '../src/markers/collect.ts';
import { END, renderTable, START, spliceReadme } from '../src/markers/readme.ts';
import { OPEN_OBJECT, validateMarkers } from '../src/markers/validate-markers.ts';

const marker = { assumed: 'The path is /push', why: 'Not documented', override: 'pushPath option' };

describe('validateMarkers', () => {
  it.each<[string, { given: Json; want: Array<[pointer: string, message: string | RegExp]> }]>([
    ['a closed object', { given: { A: { type: 'object', properties: {} } }, want: [] }],
    [
      'an open object without a reason',
      {
        given: { A: { type: 'object', additionalProperties: true } },
        want: [['#/A', OPEN_OBJECT]],
      },
    ],
    [
      'an empty-schema index signature',
      { given: { A: { additionalProperties: {} } }, want: [['#/A', OPEN_OBJECT]] },
    ],
    [
      'a typed index signature',
      { given: { A: { additionalProperties: { type: 'string' } } }, want: [] },
    ],
    [
      'an open object with x-searchauth-open',
      {
        given: {
          A: { additionalProperties: true, 'x-searchauth-open': 'Documented: any metadata key' },
        },
        want: [],
      },
    ],
    [
      'an open object with an assumption',
      { given: { A: { additionalProperties: true, 'x-searchauth-assumption': marker } }, want: [] },
    ],
    [
      'an empty x-searchauth-open',
      {
        given: { A: { additionalProperties: true, 'x-searchauth-open': ' ' } },
        want: [['#/A/x-searchauth-open', /non-empty string/]],
      },
    ],
    [
      'a bare true marker',
      {
        given: { paths: { '/x': { post: { 'x-searchauth-assumption': true } } } },
        want: [['#/paths/~1x/post/x-searchauth-assumption', /bare `true`.*assumed:.*why:/]],
      },
    ],
    [
      'a marker without why',
      {
        given: { A: { 'x-searchauth-assumption': { assumed: 'x' } } },
        want: [['#/A/x-searchauth-assumption', /needs non-empty why/]],
      },
    ],
    [
      'a marker with an unknown key',
      {
        given: { A: { 'x-searchauth-assumption': { ...marker, because: 'x' } } },
        want: [['#/A/x-searchauth-assumption', /unknown key\(s\) because/]],
      },
    ],
    [
      'a property named default is still a schema',
      {
        given: { properties: { default: { additionalProperties: true } } },
        want: [['#/properties/default', OPEN_OBJECT]],
      },
    ],
    [
      'an example is data, not a schema',
      { given: { A: { example: { additionalProperties: true } } }, want: [] },
    ],
  ])('%s', (_name, { given, want }) => {
    const problems = validateMarkers(given, 'specs/x.yaml');
    expect(problems.map((p) => p.file)).toEqual(want.map(() => 'specs/x.yaml'));
    expect(problems.map((p) => p.pointer)).toEqual(want.map(([pointer]) => pointer));
    for (const [i, p] of problems.entries()) expect(p.message).toMatch(want[i]?.[1] ?? '');
  });
});

describe('collectAssumptions', () => {
  const doc: JsonObject = {
    info: { title: 't', 'x-searchauth-assumption': marker },
    servers: [{ url: 'https://api.example.com', 'x-searchauth-assumption': marker }],
    paths: {
      '/push/{collection}': {
        post: {
          'x-searchauth-assumption': marker,
          parameters: [{ name: 'limit', in: 'query', 'x-searchauth-assumption': marker }],
          responses: {
            '413': { description: 'Too big', 'x-searchauth-assumption': marker },
            '429': { $ref: '#/components/responses/Limited' },
            '400': {
              description: 'Bad',
              content: {
                'application/json': {
                  schema: { properties: { error: { 'x-searchauth-assumption': marker } } },
                },
              },
            },
          },
        },
      },
    },
    components: {
      responses: { Limited: { description: 'Slow down', 'x-searchauth-assumption': marker } },
      schemas: {
        TokenResponse: {
          properties: { expires_in: { type: 'integer', 'x-searchauth-assumption': marker } },
        },
        Bare: { 'x-searchauth-assumption': true },
      },
    },
  };

  it('locates each valid marker as a reader would name it, skipping invalid ones', () => {
    expect(collectAssumptions(doc).map((a) => a.where)).toEqual([
      'API (info)',
      'server https://api.example.com',
      'POST /push/{collection}',
      'POST /push/{collection} query parameter limit',
      // Integer-like keys (status codes) come first in a parsed object, lowest first.
      'POST /push/{collection} → 400 .error',
      'POST /push/{collection} → 413',
      'POST /push/{collection} → 429',
      'TokenResponse.expires_in',
    ]);
  });

  it('renders the README table and splices it between the markers only', () => {
    const table = renderTable(collectAssumptions(doc).slice(0, 1), 'specs/x.yaml');
    expect(table).toContain('| where | assumed | why | override |');
    expect(table).toContain(
      '| `API (info)` | The path is /push | Not documented | pushPath option |',
    );
    const readme = `# x\n\n## Assumptions\n\n${START}\nold\n${END}\n\nMore.\n`;
    expect(spliceReadme(readme, table)).toBe(
      `# x\n\n## Assumptions\n\n${START}\n${table}\n${END}\n\nMore.\n`,
    );
    expect(spliceReadme('# x without markers\n', table)).toBeUndefined();
  });

  it('escapes pipes and folds newlines in cells', () => {
    const table = renderTable([{ where: 'A', assumed: 'a | b\nc', why: 'w' }], 's');
    expect(table).toContain('| `A` | a \\| b c | w | — |');
  });
});
