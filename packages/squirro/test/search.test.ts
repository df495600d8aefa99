import { describe, expect, it } from 'vitest';
import { createSquirroClient, isSearchAuthError } from '../src/index.js';
import {
  CLUSTER,
  emptyPage,
  issuingTokens,
  json,
  REFRESH_TOKEN,
  secretsIn,
  squirro,
} from './fake-squirro.js';

/** The response example of the items query reference, shortened. */
const RESULT = {
  count: 1,
  total: 120,
  eof: false,
  now: '2024-05-01T12:00:00',
  items: [
    {
      id: 'Sc1ALbhKRNy-KS4qw2Q2kA',
      title: 'Quarterly report',
      body: '<p>The <squirro:highlight>report</squirro:highlight></p>',
      created_at: '2024-04-30T08:15:00',
      keywords: { Company: ['Squirro'], Year: [2024] },
      sources: [{ id: 'src1', title: 'Reports' }],
      score: 1.5,
    },
  ],
  next_params: { start: 10, expected_num_results: 10 },
  aggregations: { by_year: { Year: { values: [{ key: 2024, value: 3 }] } } },
  spellcheck: [{ original: 'reprot', corrected: 'report' }],
  query_executed: 'report',
  from_cache: false,
  time_ms: 42,
};

function client(server: ReturnType<typeof squirro>, tenant: string | undefined) {
  return createSquirroClient({
    clusterUrl: `${CLUSTER}/`,
    refreshToken: REFRESH_TOKEN,
    tenant,
    fetch: server.fetch,
  });
}

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isSearchAuthError(error)) throw new Error(`expected a SearchAuthError, got ${error}`);
  return error;
}

describe('searchItems', () => {
  it('POSTs the JSON body to the project items query and returns the typed response', async () => {
    const server = squirro({ token: issuingTokens(), api: () => json(RESULT) });
    const squirroClient = client(server, 'squirro_demo');

    const result = await squirroClient.searchItems({
      projectId: 'Proj 1/2',
      query: 'reprot',
      count: 10,
      fields: ['title', 'body'],
      highlight: { query: true },
      options: { abstract_size: 100 },
      created_after: '2024-01-01T00:00:00',
    });

    const [request] = server.apiRequests();
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe(
      `${CLUSTER}/api/topic/v0/squirro_demo/projects/Proj%201%2F2/items/query`,
    );
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers.authorization).toBe('Bearer access-1');
    expect(JSON.parse(request?.body ?? '')).toEqual({
      query: 'reprot',
      count: 10,
      fields: ['title', 'body'],
      highlight: { query: true },
      options: { abstract_size: 100 },
      created_after: '2024-01-01T00:00:00',
    });
    expect(result).toEqual(RESULT);
    expect(result.items[0]?.title).toBe('Quarterly report');
    expect(result.next_params?.start).toBe(10);
    squirroClient.dispose();
  });

  it('a per-call tenant wins over the client default', async () => {
    const server = squirro({ token: issuingTokens(), api: () => json(emptyPage()) });
    const squirroClient = client(server, 'squirro_demo');
    await squirroClient.searchItems({ tenant: 'other', projectId: 'p' });
    expect(server.apiRequests()[0]?.path).toBe('/api/topic/v0/other/projects/p/items/query');
    squirroClient.dispose();
  });

  it.each([
    ['400', { status: 400, body: { error: 'Invalid query syntax' }, want: 'ERR_BAD_REQUEST' }],
    ['403', { status: 403, body: { error: 'Encrypted query expired' }, want: 'ERR_FORBIDDEN' }],
    ['404', { status: 404, body: { error: 'Project not found' }, want: 'ERR_NOT_FOUND' }],
    ['500', { status: 500, body: { error: 'Internal error' }, want: 'ERR_HTTP' }],
  ])('HTTP %s -> typed error carrying the server message', async (_name, given) => {
    const server = squirro({ token: issuingTokens(), api: () => json(given.body, given.status) });
    const squirroClient = createSquirroClient({
      clusterUrl: CLUSTER,
      refreshToken: REFRESH_TOKEN,
      tenant: 't',
      fetch: server.fetch,
      retry: false,
    });

    const error = await failure(squirroClient.searchItems({ projectId: 'p', query: 'x' }));

    expect(error.code).toBe(given.want);
    expect(error.status).toBe(given.status);
    expect(error.vendor).toBe('squirro');
    expect(error.method).toBe('POST');
    expect(error.message).toContain(given.body.error);
    for (const secret of secretsIn('access-1')) expect(error.message).not.toContain(secret);
    expect(server.apiRequests()).toHaveLength(1);
    squirroClient.dispose();
  });

  it.each([
    ['not JSON', new Response('<html>proxy error</html>', { status: 200 })],
    ['a JSON array', json([])],
    ['an object without items', json({ count: 0, eof: true })],
    ['items that are not objects', json({ ...emptyPage(), items: ['a'] })],
  ])('a 200 response that is %s -> ERR_HTTP', async (_name, response) => {
    const server = squirro({ token: issuingTokens(), api: () => response.clone() });
    const squirroClient = client(server, 'squirro_demo');
    const error = await failure(squirroClient.searchItems({ projectId: 'p' }));
    expect(error.code).toBe('ERR_HTTP');
    expect(error.message).not.toContain('proxy error');
    squirroClient.dispose();
  });

  it.each([
    ['no tenant anywhere', { tenant: undefined, params: { projectId: 'p' } }],
    ['an empty projectId', { tenant: 't', params: { projectId: '' } }],
    [
      'query and query_context',
      { tenant: 't', params: { projectId: 'p', query: 'a', query_context: {} } },
    ],
  ])('%s -> ERR_INVALID_OPTIONS before any request', async (_name, given) => {
    const server = squirro({ token: issuingTokens(), api: () => json(emptyPage()) });
    const squirroClient = client(server, given.tenant);
    const error = await failure(squirroClient.searchItems(given.params));
    expect(error.code).toBe('ERR_INVALID_OPTIONS');
    expect(server.fetch.seen).toHaveLength(0);
    squirroClient.dispose();
  });

  it('the generated client is typed by the spec and authenticated', async () => {
    const server = squirro({ token: issuingTokens(), api: () => json(RESULT) });
    const squirroClient = client(server, 'squirro_demo');
    const { data } = await squirroClient.client.POST(
      '/api/topic/v0/{tenant}/projects/{project_id}/items/query',
      { params: { path: { tenant: 't', project_id: 'p' } }, body: { query: 'x' } },
    );
    expect(data?.total).toBe(120);
    expect(server.apiRequests()[0]?.headers.authorization).toBe('Bearer access-1');
    squirroClient.dispose();
  });

  it('the generated client turns a 200 that is not JSON into ERR_HTTP, not a SyntaxError', async () => {
    const server = squirro({
      token: issuingTokens(),
      api: () => new Response('<html>proxy error</html>', { status: 200 }),
    });
    const squirroClient = client(server, 'squirro_demo');
    await expect(
      squirroClient.client.POST('/api/topic/v0/{tenant}/projects/{project_id}/items/query', {
        params: { path: { tenant: 't', project_id: 'p' } },
        body: { query: 'x' },
      }),
    ).rejects.toMatchObject({
      name: 'SearchAuthError',
      code: 'ERR_HTTP',
      vendor: 'squirro',
      method: 'POST',
      status: 200,
    });
    squirroClient.dispose();
  });

  it.each([
    ['by default (the query is a read)', { retry: undefined, wantRequests: 2, wantOk: true }],
    ['not with retry: false', { retry: false as const, wantRequests: 1, wantOk: false }],
  ])('retries a 503 on the POST query %s', async (_name, { retry, wantRequests, wantOk }) => {
    let calls = 0;
    const server = squirro({
      token: issuingTokens(),
      api: () => (++calls === 1 ? json({ error: 'busy' }, 503) : json(emptyPage())),
    });
    const squirroClient = createSquirroClient({
      clusterUrl: CLUSTER,
      refreshToken: REFRESH_TOKEN,
      tenant: 't',
      fetch: server.fetch,
      retry,
      random: () => 0,
    });
    const outcome = await squirroClient.searchItems({ projectId: 'p' }).then(
      () => true,
      () => false,
    );
    expect(outcome).toBe(wantOk);
    expect(server.apiRequests()).toHaveLength(wantRequests);
    squirroClient.dispose();
  });

  it('an aborted signal stops the search with ERR_ABORTED', async () => {
    const server = squirro({ token: issuingTokens(), api: () => json(emptyPage()) });
    const squirroClient = client(server, 'squirro_demo');
    const error = await failure(
      squirroClient.searchItems({ projectId: 'p', signal: AbortSignal.abort() }),
    );
    expect(error.code).toBe('ERR_ABORTED');
    expect(server.apiRequests()).toHaveLength(0);
    squirroClient.dispose();
  });
});
