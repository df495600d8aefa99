import { createTokenManager } from '@searchauth/core';

/** ns per getToken() on a cache hit, after warming up; also a bare awaited promise for scale. */
export async function measureCacheHit(iterations = 1_000_000) {
  const tokens = createTokenManager({
    source: async () => ({ accessToken: 'cached', expiresIn: 3600 }),
    key: { vendor: 'bench', tokenUrl: 'https://id.example.com/token', clientId: 'id' },
  });
  await tokens.getToken();
  const time = async (run: () => Promise<unknown>) => {
    for (let i = 0; i < 100_000; i++) await run();
    const start = process.hrtime.bigint();
    for (let i = 0; i < iterations; i++) await run();
    return Number(process.hrtime.bigint() - start) / iterations;
  };
  const getToken = await time(() => tokens.getToken());
  const baseline = await time(async () => 'cached');
  tokens.dispose();
  return { getToken, baseline };
}
