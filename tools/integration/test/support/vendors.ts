import {
  type Clock,
  httpError,
  type RetryOptions,
  type TokenEvent,
  type TokenManager,
  type TokenStore,
} from '@searchauth/core';
import { createLucidworksAIClient } from '@searchauth/lucidworks-ai';
import { createSpringboardClient } from '@searchauth/lucidworks-springboard';
import { createOAuth2Client } from '@searchauth/oauth2';
import { createSparqueClient } from '@searchauth/sparque';
import { createSquirroClient } from '@searchauth/squirro';
import type { Simulator, VendorName } from '@searchauth/testkit';
import type { paths as OAuth2Paths } from './oauth2-paths.js';

/** What every test may change on a client; everything else is the simulator's defaults. */
export interface ClientOverrides {
  clock?: Clock;
  fetch?: typeof fetch;
  retry?: RetryOptions | false;
  timeoutMs?: number;
  store?: TokenStore;
  random?: () => number;
  onEvent?: (event: TokenEvent) => void;
  /** Squirro's responses carry no expiry: the lifetime the client assumes (the simulator's). */
  squirroLifetimeSeconds?: number;
  /** A client secret (Squirro: refresh token) other than the simulator's. */
  secret?: string;
}

/** One vendor client reduced to what the cross-vendor tests drive: one typical API call. */
export interface VendorClient {
  /** One typical call; resolves with how many results came back, throws a SearchAuthError. */
  call(text: string): Promise<number>;
  /** The token manager behind `call`. */
  tokens: TokenManager;
  dispose(): void;
}

export interface VendorCase {
  name: string;
  vendor: VendorName;
  /** The simulator's route name for `call`. */
  endpoint: string;
  /** Scope of the token `call` uses, for `sim.mintCount`. */
  scope?: string;
  /** Whether `call` is retried on 429/502/503/504 by default (a POST only when the package says so). */
  retried: boolean;
  create(sim: Simulator, overrides?: ClientOverrides): VendorClient;
}

const sparque: VendorCase = {
  name: 'sparque',
  vendor: 'sparque',
  endpoint: 'query',
  retried: true,
  create(sim, o = {}) {
    const creds = sim.credentials.sparque;
    const client = createSparqueClient({
      workspace: creds.workspace,
      api: creds.api,
      clientId: creds.clientId,
      clientSecret: o.secret ?? creds.clientSecret,
      authBaseUrl: sim.urls.sparque.authBaseUrl,
      apiBaseUrl: sim.urls.sparque.baseUrl,
      ...common(o),
    });
    return {
      tokens: client.tokens,
      dispose: client.dispose,
      call: async (text) => {
        const [results] = await client.query({
          endpoints: [{ name: 'search', parameters: { query: text } }],
          responseType: 'results,count',
        });
        return results.items.length;
      },
    };
  },
};

const squirro: VendorCase = {
  name: 'squirro',
  vendor: 'squirro',
  endpoint: 'items-query',
  retried: true,
  create(sim, o = {}) {
    const creds = sim.credentials.squirro;
    const client = createSquirroClient({
      clusterUrl: sim.urls.squirro.baseUrl,
      refreshToken: o.secret ?? creds.refreshToken,
      tenant: creds.tenant,
      accessTokenLifetimeSeconds: o.squirroLifetimeSeconds,
      ...common(o),
    });
    return {
      tokens: client.tokens,
      dispose: client.dispose,
      call: async (text) => {
        const page = await client.searchItems({
          projectId: creds.projectId,
          query: text,
          count: 10,
          fields: ['title'],
        });
        return page.items.length;
      },
    };
  },
};

const oauth2: VendorCase = {
  name: 'oauth2',
  vendor: 'oauth2',
  endpoint: 'search',
  retried: true,
  create(sim, o = {}) {
    const creds = sim.credentials.oauth2;
    const api = createOAuth2Client<OAuth2Paths>({
      baseUrl: sim.urls.oauth2.baseUrl,
      clientId: creds.clientId,
      clientSecret: o.secret ?? creds.clientSecret,
      ...common(o),
    });
    // The OAuth2 client returns HTTP errors the openapi-fetch way; a user turns them into typed
    // errors with core's httpError, which needs the body openapi-fetch has already read.
    const failed = new WeakMap<Response, Response>();
    api.client.use({
      onResponse({ response }) {
        if (!response.ok) failed.set(response, response.clone());
        return undefined;
      },
    });
    return {
      tokens: api.tokens,
      dispose: api.dispose,
      call: async (text) => {
        const { data, response } = await api.client.GET('/v1/search', {
          params: { query: { q: text, limit: 10 } },
        });
        if (!data) {
          throw await httpError(failed.get(response) ?? response, {
            vendor: 'oauth2',
            method: 'GET',
          });
        }
        return data.items.length;
      },
    };
  },
};

function springboardClient(sim: Simulator, o: ClientOverrides) {
  const creds = sim.credentials['lucidworks-springboard'];
  const urls = sim.urls['lucidworks-springboard'];
  return createSpringboardClient({
    applicationId: creds.applicationId,
    clientId: creds.clientId,
    clientSecret: o.secret ?? creds.clientSecret,
    identityBaseUrl: urls.identityBaseUrl,
    apiBaseUrl: urls.baseUrl,
    ...common(o),
  });
}

const springboard: VendorCase = {
  name: 'lucidworks-springboard',
  vendor: 'lucidworks-springboard',
  endpoint: 'search',
  scope: 'connectedsearch.query',
  retried: true,
  create(sim, o = {}) {
    const client = springboardClient(sim, o);
    return {
      tokens: client.tokens.query,
      dispose: client.dispose,
      call: async (text) =>
        (await client.search({ query: text, utcOffset: '+00:00', sessionId: 'it', limit: 10 })).docs
          .length,
    };
  },
};

export function lucidworksAIClient(sim: Simulator, o: ClientOverrides = {}) {
  const creds = sim.credentials['lucidworks-ai'];
  const urls = sim.urls['lucidworks-ai'];
  return createLucidworksAIClient({
    applicationId: creds.applicationId,
    customerId: creds.customerId,
    clientId: creds.clientId,
    clientSecret: o.secret ?? creds.clientSecret,
    identityBaseUrl: urls.identityBaseUrl,
    apiBaseUrl: urls.baseUrl,
    platformBaseUrl: urls.platformBaseUrl,
    ...common(o),
  });
}

/** Predictions are POSTs and, by design, not retried unless the caller opts in. */
const lucidworksPredict: VendorCase = {
  name: 'lucidworks-ai predict',
  vendor: 'lucidworks-ai',
  endpoint: 'prediction',
  scope: 'machinelearning.predict',
  retried: false,
  create(sim, o = {}) {
    const client = lucidworksAIClient(sim, o);
    return {
      tokens: client.tokens.predict,
      dispose: client.dispose,
      call: async (text) =>
        (await client.predict('embedding', 'gte-small', { batch: [{ text }] })).predictions.length,
    };
  },
};

/** The Use Case API: a GET with the same predict-scope token, retried like any read. */
const lucidworksUseCases: VendorCase = {
  name: 'lucidworks-ai use cases',
  vendor: 'lucidworks-ai',
  endpoint: 'usecase',
  scope: 'machinelearning.predict',
  retried: true,
  create(sim, o = {}) {
    const client = lucidworksAIClient(sim, o);
    return {
      tokens: client.tokens.predict,
      dispose: client.dispose,
      call: async () => (await client.listUseCases()).length,
    };
  },
};

export const VENDOR_CASES: readonly VendorCase[] = [
  sparque,
  squirro,
  oauth2,
  springboard,
  lucidworksPredict,
  lucidworksUseCases,
];

/** One case per token: the Use Case API shares the predict token, so it adds nothing there. */
export const TOKEN_CASES: readonly VendorCase[] = VENDOR_CASES.filter(
  (c) => c !== lucidworksUseCases,
);

function common(o: ClientOverrides) {
  return {
    clock: o.clock,
    fetch: o.fetch,
    retry: o.retry,
    timeoutMs: o.timeoutMs,
    store: o.store,
    random: o.random,
    onEvent: o.onEvent,
  };
}

/** Mints the simulator recorded for the token a case uses. */
export function mintsOf(sim: Simulator, c: VendorCase): number {
  return sim.mintCount({ vendor: c.vendor, scope: c.scope });
}

/** Requests the simulator logged for a case's API route, optionally with one status. */
export function callsOf(sim: Simulator, c: VendorCase, status?: number): number {
  return sim.requestCount({ vendor: c.vendor, endpoint: c.endpoint, status });
}

/** Token requests the simulator logged for a case's vendor (any scope), optionally with one status. */
export function tokenRequestsOf(sim: Simulator, c: VendorCase, status?: number): number {
  return sim.requestCount({ vendor: c.vendor, endpoint: 'token', status });
}
