// biome-ignore-all lint/suspicious/noExplicitAny: the fixture spec is edited freely by each case.
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../src/diff/json.ts';
import { diffSpecs } from '../src/diff/spec-diff.ts';

// A small spec: GET /items?limit returns Page { total (required), items: Item[] }, POST /items takes Item.
function spec(edit: (s: JsonObject & Record<string, any>) => void = () => {}): JsonObject {
  const s: any = {
    openapi: '3.1.0',
    info: { title: 'Items', version: '1.0.0' },
    paths: {
      '/items': {
        get: {
          parameters: [{ name: 'limit', in: 'query', schema: { type: 'integer' } }],
          responses: {
            '200': {
              description: 'A page',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Page' } } },
            },
          },
        },
        post: {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' } } },
          },
          responses: { '204': { description: 'Stored' } },
        },
      },
    },
    components: {
      schemas: {
        Page: {
          type: 'object',
          required: ['total', 'items'],
          properties: {
            total: { type: 'integer' },
            items: { type: 'array', items: { $ref: '#/components/schemas/Item' } },
          },
        },
        Item: {
          type: 'object',
          required: ['id'],
          properties: {
            id: { type: 'string' },
            kind: { type: 'string', enum: ['a', 'b'] },
            note: { type: 'string', description: 'Free text.' },
          },
        },
      },
    },
  };
  edit(s);
  return s;
}

type Want = Array<[kind: string, where: string, message: string]>;

describe('diffSpecs', () => {
  it.each<[string, { given: [JsonObject | undefined, JsonObject]; want: Want }]>([
    ['identical specs', { given: [spec(), spec()], want: [] }],
    [
      'a renamed required response field',
      {
        given: [
          spec(),
          spec((s) => {
            const page = s.components.schemas.Page;
            page.properties.total_count = page.properties.total;
            delete page.properties.total;
            page.required = ['total_count', 'items'];
          }),
        ],
        want: [
          ['breaking', 'Page.total', 'required response field removed'],
          ['additive', 'Page.total_count', 'required response field added'],
        ],
      },
    ],
    [
      'an added optional query parameter',
      {
        given: [
          spec(),
          spec((s) =>
            s.paths['/items'].get.parameters.push({
              name: 'q',
              in: 'query',
              schema: { type: 'string' },
            }),
          ),
        ],
        want: [['additive', 'GET /items', 'optional query parameter `q` added']],
      },
    ],
    [
      'an added required query parameter',
      {
        given: [
          spec(),
          spec((s) =>
            s.paths['/items'].get.parameters.push({
              name: 'q',
              in: 'query',
              required: true,
              schema: { type: 'string' },
            }),
          ),
        ],
        want: [['breaking', 'GET /items', 'required query parameter `q` added']],
      },
    ],
    [
      'a removed operation',
      {
        given: [spec(), spec((s) => delete s.paths['/items'].post)],
        want: [['breaking', 'POST /items', 'operation removed']],
      },
    ],
    [
      'an added operation',
      {
        given: [spec((s) => delete s.paths['/items'].post), spec()],
        want: [['additive', 'POST /items', 'operation added']],
      },
    ],
    [
      'a response field made optional',
      {
        given: [spec(), spec((s) => (s.components.schemas.Page.required = ['items']))],
        want: [['breaking', 'Page.total', 'response field made optional']],
      },
    ],
    [
      'a request field made required (Item is used in both directions)',
      {
        given: [spec(), spec((s) => (s.components.schemas.Item.required = ['id', 'kind']))],
        want: [
          ['breaking', 'Item.kind', 'request field made required'],
          ['additive', 'Item.kind', 'response field made required'],
        ],
      },
    ],
    [
      'a type change',
      {
        given: [
          spec(),
          spec((s) => (s.components.schemas.Page.properties.total = { type: 'string' })),
        ],
        want: [['breaking', 'Page.total', 'type changed from integer to string']],
      },
    ],
    [
      'an enum value added (response readers may switch exhaustively; requests may send more)',
      {
        given: [spec(), spec((s) => s.components.schemas.Item.properties.kind.enum.push('c'))],
        want: [
          ['breaking', 'Item.kind', 'enum value(s) added: "c"'],
          ['additive', 'Item.kind', 'enum value(s) added: "c"'],
        ],
      },
    ],
    [
      'an enum value removed',
      {
        given: [spec(), spec((s) => (s.components.schemas.Item.properties.kind.enum = ['a']))],
        want: [['breaking', 'Item.kind', 'enum value(s) removed: "b"']],
      },
    ],
    [
      'an object closed (the open index signature removed)',
      {
        given: [spec((s) => (s.components.schemas.Page.additionalProperties = true)), spec()],
        want: [
          ['breaking', 'Page', 'closed: no longer accepts unknown fields ([key: string] removed)'],
        ],
      },
    ],
    [
      'a description only',
      {
        given: [
          spec(),
          spec((s) => (s.components.schemas.Item.properties.note.description = 'Any text.')),
        ],
        want: [['documentation', 'Item.note', 'description changed']],
      },
    ],
    [
      'a removed response status',
      {
        given: [spec(), spec((s) => delete s.paths['/items'].post.responses['204'])],
        want: [['breaking', 'POST /items → 204', 'response removed']],
      },
    ],
    [
      'never released: every operation is new',
      {
        given: [undefined, spec()],
        want: [
          ['additive', 'GET /items', 'operation added'],
          ['additive', 'POST /items', 'operation added'],
        ],
      },
    ],
  ])('%s', (_name, { given, want }) => {
    const changes = diffSpecs(...given).map((c) => [c.kind, c.where, c.message]);
    expect(changes).toEqual(want);
  });
});
