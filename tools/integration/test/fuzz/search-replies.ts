import fc from 'fast-check';

/** A generated API reply to a search call: mostly 200s whose body does not match the spec. */
export interface SearchReply {
  status: number;
  contentType: string | null;
  body: string;
}

const HTML_PAGES = [
  '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>',
  '<html><body>Service Unavailable</body></html>',
  '<?xml version="1.0"?><error><code>500</code></error>',
];

/** JSON that is valid but of the wrong shape: every field of the wrong type, or random values. */
const wrongJson = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.record(
    {
      items: fc.oneof(
        fc.jsonValue({ maxDepth: 2 }),
        fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }),
      ),
      docs: fc.jsonValue({ maxDepth: 2 }),
      predictions: fc.jsonValue({ maxDepth: 2 }),
      total: fc.jsonValue({ maxDepth: 1 }),
      results: fc.jsonValue({ maxDepth: 2 }),
      count: fc.jsonValue({ maxDepth: 1 }),
    },
    { requiredKeys: [] },
  ),
);

const body = fc.oneof(
  { weight: 4, arbitrary: wrongJson.map((v) => JSON.stringify(v) ?? 'null') },
  {
    weight: 2,
    arbitrary: fc
      .tuple(wrongJson, fc.double({ min: 0, max: 0.99, noNaN: true }))
      .map(([v, cut]) => {
        const text = JSON.stringify(v) ?? 'null';
        return text.slice(0, Math.floor(text.length * cut));
      }),
  },
  { weight: 1, arbitrary: fc.constantFrom(...HTML_PAGES, '', ' ') },
  { weight: 1, arbitrary: fc.string({ maxLength: 100 }) },
);

export const searchReply: fc.Arbitrary<SearchReply> = fc.record({
  status: fc.constantFrom(
    200,
    200,
    200,
    200,
    200,
    201,
    204,
    400,
    403,
    404,
    409,
    422,
    429,
    500,
    502,
    503,
    504,
  ),
  contentType: fc.constantFrom(
    'application/json',
    'application/json; charset=utf-8',
    'text/html',
    'text/plain',
    null,
  ),
  body,
});

export function searchResponse(reply: SearchReply): Response {
  const nullBody = reply.status === 204;
  return new Response(nullBody ? null : reply.body, {
    status: reply.status,
    headers: reply.contentType ? { 'content-type': reply.contentType } : {},
  });
}
