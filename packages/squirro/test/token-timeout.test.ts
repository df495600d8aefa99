import { memoryStore, type TokenStore } from '@searchauth/core';
import { describe, expect, it } from 'vitest';
import { createSquirroClient } from '../src/index.js';
import { CLUSTER, issuingTokens, REFRESH_TOKEN, squirro } from './fake-squirro.js';

describe('tokenTimeoutMs', () => {
  it("also bounds the manager: a shared store's lease lasts the token request plus 10 s", async () => {
    const ttls: number[] = [];
    const shared = memoryStore();
    // A store whose lease cannot be renewed: it must outlast the token request and no more.
    const store: TokenStore = {
      get: (key) => shared.get(key),
      set: (key, token) => shared.set(key, token),
      delete: (key, token) => shared.delete(key, token),
      lease: async (_key, ttlMs) => {
        ttls.push(ttlMs);
        return { release: async () => {} };
      },
    };
    const server = squirro({ token: issuingTokens() });
    const client = createSquirroClient({
      clusterUrl: CLUSTER,
      refreshToken: REFRESH_TOKEN,
      fetch: server.fetch,
      store,
      tokenTimeoutMs: 2_000,
    });
    try {
      expect(await client.tokens.getToken()).toBe('access-1');
      expect(ttls).toEqual([12_000]);
    } finally {
      client.dispose();
    }
  });
});
