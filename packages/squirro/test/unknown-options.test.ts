import { describe, expect, it } from 'vitest';
import { createSquirroClient } from '../src/index.js';
import { CLUSTER, REFRESH_TOKEN } from './fake-squirro.js';

describe('createSquirroClient: unknown options', () => {
  it('refuses a misspelt option with the closest known name', () => {
    expect(() =>
      createSquirroClient({ clusterURL: CLUSTER, refreshToken: REFRESH_TOKEN } as never),
    ).toThrow('createSquirroClient: unknown option clusterURL; did you mean clusterUrl? (squirro)');
  });

  it('names clusterUrl when the login URL answers 404 without an error body', async () => {
    const client = createSquirroClient({
      clusterUrl: `${CLUSTER}/api`,
      refreshToken: REFRESH_TOKEN,
      fetch: async () => new Response('<h1>Not Found</h1>', { status: 404 }),
    });
    await expect(client.tokens.getToken()).rejects.toMatchObject({
      code: 'ERR_TOKEN_ENDPOINT_NOT_FOUND',
      message: expect.stringContaining('check clusterUrl'),
    });
    client.dispose();
  });
});
