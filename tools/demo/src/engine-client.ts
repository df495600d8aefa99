import type { TokenEvent, TokenEventType } from '@searchauth/core';
import { createSpringboardClient } from '@searchauth/lucidworks-springboard';
import type { Simulator } from '@searchauth/testkit';

export const VENDOR = 'lucidworks-springboard';

/** A Springboard client on the simulator that counts the token engine's events and its searches. */
export function engineClient(sim: Simulator) {
  const events = new Map<TokenEventType, number>();
  const creds = sim.credentials[VENDOR];
  const client = createSpringboardClient({
    applicationId: creds.applicationId,
    clientId: creds.clientId,
    clientSecret: creds.clientSecret,
    tokenUrl: sim.urls[VENDOR].tokenUrl,
    apiBaseUrl: sim.urls[VENDOR].baseUrl,
    onEvent: (event: TokenEvent) => events.set(event.type, (events.get(event.type) ?? 0) + 1),
  });
  let ok = 0;
  let failed = 0;
  const failures = new Map<string, number>();
  const search = async () => {
    try {
      await client.search({ query: 'tent', utcOffset: '+00:00', sessionId: 'demo', limit: 3 });
      ok++;
    } catch (error) {
      failed++;
      const code = String((error as { code?: unknown }).code ?? (error as Error).name);
      failures.set(code, (failures.get(code) ?? 0) + 1);
    }
  };
  return {
    search,
    /** Keeps `workers` searches in flight until `until()` is true. */
    async searchUntil(until: () => boolean, workers = 20) {
      await Promise.all(
        Array.from({ length: workers }, async () => {
          while (!until()) await search();
        }),
      );
    },
    counts: () => ({
      ok,
      failed,
      /** Failures by error code, e.g. `ERR_TIMEOUT x3`, for the demo to say what went wrong. */
      failures: [...failures].map(([code, n]) => `${code} x${n}`).join(', '),
      event: (type: TokenEventType) => events.get(type) ?? 0,
    }),
    dispose: () => client.dispose(),
  };
}

/** Counters of the simulator for the engine's vendor, read before and after a step. */
export function serverCounts(sim: Simulator) {
  return {
    mints: sim.mintCount({ vendor: VENDOR }),
    unauthorized: sim.requestCount({ vendor: VENDOR, status: 401 }),
    tokenErrors: sim.requestCount({ vendor: VENDOR, endpoint: 'token', status: 503 }),
  };
}
