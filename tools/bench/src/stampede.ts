import { clientCredentials, createAuthFetch, createTokenManager } from '@searchauth/core';
import type { Vendor } from './vendor.js';

/** A fetch that keeps at most `max` requests on the wire, like an application's connection pool. */
function pooled(max: number): typeof fetch {
  let active = 0;
  const queue: Array<() => void> = [];
  return async (input, init) => {
    if (active >= max) await new Promise<void>((resolve) => queue.push(resolve));
    active += 1;
    try {
      const response = await fetch(input, init);
      await response.arrayBuffer();
      return new Response(null, { status: response.status });
    } finally {
      active -= 1;
      queue.shift()?.();
    }
  };
}

/** 10,000 concurrent authenticated requests on a cold manager: how many token requests reach the server. */
export async function measureStampede(vendor: Vendor, requests = 10_000) {
  await vendor.reset();
  const tokens = createTokenManager({
    source: clientCredentials({
      vendor: 'bench',
      tokenUrl: `${vendor.origin}/token`,
      clientId: 'id',
      clientSecret: 'secret',
    }),
    key: { vendor: 'bench', tokenUrl: `${vendor.origin}/token`, clientId: 'id' },
  });
  const authFetch = createAuthFetch({ tokens, apiOrigin: vendor.origin, fetch: pooled(128) });
  const start = performance.now();
  const responses = await Promise.all(
    Array.from({ length: requests }, (_, i) => authFetch(`${vendor.origin}/api/${i}`)),
  );
  const ms = performance.now() - start;
  tokens.dispose();
  return {
    requests,
    ok: responses.filter((r) => r.status === 200).length,
    tokenRequests: await vendor.tokenRequests(),
    ms,
  };
}
