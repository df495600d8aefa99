import { type Contender, expectOk, requestToken, type Setup } from './types.js';

/** The cache most codebases start with: fetch a token when there is none or it has expired. */
function cacheFor(setup: Setup, send?: typeof globalThis.fetch) {
  let cached: { token: string; expiresAt: number } | undefined;
  return async () => {
    if (!cached || Date.now() >= cached.expiresAt) {
      const body = await requestToken(setup, send);
      cached = {
        token: body.access_token,
        expiresAt: Date.now() + (body.expires_in ?? 3600) * 1000,
      };
    }
    return cached.token;
  };
}

export const handWritten: Contender = {
  name: 'hand-written cache',
  wiring: '`if (!token || expired) token = await fetchToken()` around fetch',
  create(setup) {
    const token = cacheFor(setup);
    return {
      get: async (path) =>
        expectOk(
          await fetch(`${setup.origin}${path}`, {
            headers: { authorization: `Bearer ${await token()}` },
          }),
        ),
      dispose() {},
    };
  },
  async cacheTenants(tenants, _cap, fetch, after) {
    const byTenant = new Map<string, () => Promise<string>>();
    for (let i = 0; i < tenants; i++) {
      const token = cacheFor(
        { origin: 'https://id.example.test', clientId: `tenant-${i}`, clientSecret: 's' },
        fetch,
      );
      await token();
      byTenant.set(`tenant-${i}`, token);
      after(i + 1);
    }
  },
};
