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

function client(server: ReturnType<typeof squirro>) {
  return createSquirroClient({
    clusterUrl: CLUSTER,
    refreshToken: REFRESH_TOKEN,
    tenant: 'squirro_demo',
    fetch: server.fetch,
  });
}

describe('401 on a search', () => {
  it('logs in once more and replays the request once with the new token', async () => {
    const server = squirro({
      token: issuingTokens(),
      api: (request) =>
        request.headers.authorization === 'Bearer access-1'
          ? json({ error: 'Token expired' }, 401)
          : json({ ...emptyPage(), items: [{ id: 'a' }], count: 1, total: 1 }),
    });
    const squirroClient = client(server);

    const page = await squirroClient.searchItems({ projectId: 'p1', query: 'q', count: 5 });

    expect(page.items).toEqual([{ id: 'a' }]);
    expect(server.tokenRequests()).toHaveLength(2);
    const [first, replay] = server.apiRequests();
    expect(server.apiRequests()).toHaveLength(2);
    expect(first?.headers.authorization).toBe('Bearer access-1');
    expect(replay?.headers.authorization).toBe('Bearer access-2');
    expect(replay?.body).toBe(first?.body);
    expect(JSON.parse(replay?.body ?? '')).toEqual({ query: 'q', count: 5 });
    squirroClient.dispose();
  });

  it('a second 401 ends with ERR_UNAUTHORIZED: one refresh, one replay, no loop', async () => {
    const server = squirro({
      token: issuingTokens(),
      api: () => json({ error: 'Access denied for this token' }, 401),
    });
    const squirroClient = client(server);

    const error = await squirroClient.searchItems({ projectId: 'p1' }).catch((e: unknown) => e);

    expect(isSearchAuthError(error) && error.code).toBe('ERR_UNAUTHORIZED');
    expect((error as Error).message).toContain('Access denied for this token');
    for (const secret of secretsIn('access-1', 'access-2')) {
      expect((error as Error).message).not.toContain(secret);
    }
    expect(server.tokenRequests()).toHaveLength(2);
    expect(server.apiRequests()).toHaveLength(2);
    squirroClient.dispose();
  });

  it('concurrent 401s for the same token share one login', async () => {
    const server = squirro({
      token: issuingTokens(),
      api: (request) =>
        request.headers.authorization === 'Bearer access-1'
          ? json({ error: 'expired' }, 401)
          : json(emptyPage()),
    });
    const squirroClient = client(server);
    await squirroClient.tokens.getToken();

    await Promise.all([1, 2, 3, 4].map(() => squirroClient.searchItems({ projectId: 'p1' })));

    expect(server.tokenRequests()).toHaveLength(2);
    expect(server.apiRequests()).toHaveLength(8);
    squirroClient.dispose();
  });
});
