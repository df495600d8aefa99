import {
  bearerOf,
  fakeLucidworks,
  json,
  type Recorded,
} from '../../lucidworks-identity/test/fake-lucidworks.js';
import { createSpringboardClient, type SpringboardClientOptions } from '../src/index.js';

export const APP = 'https://app-1.applications.lucidworks.com';
export const SEARCH_BODY = { query: 'vpn', utcOffset: '+02:00', sessionId: 'session-1' };

/** A fake with the identity host, the Query API and the default Push paths. */
export function springboard(overrides: Partial<SpringboardClientOptions> = {}) {
  const server = fakeLucidworks().identity();
  const pushBodies: unknown[][] = [];
  server
    .api('POST', APP, '/query/search', () =>
      json({ queryId: 'q-1', hits: 1, docs: [{ id: 'd1', type: 'page', rank: 1 }] }),
    )
    .api('POST', APP, '/query/detail', (r) => json({ id: JSON.parse(r.body).id, title: 'Doc' }))
    .api('POST', APP, '/query/relatedContent', () => json({ docs: [] }))
    .api('POST', APP, /^\/push\/datasources\/[^/]+\/documents$/, (r: Recorded) => {
      pushBodies.push(JSON.parse(r.body));
      return json({ accepted: JSON.parse(r.body).length });
    })
    .api('DELETE', APP, /^\/push\/datasources\/[^/]+\/documents$/, (r: Recorded) => {
      pushBodies.push(JSON.parse(r.body));
      return new Response(null, { status: 204 });
    });
  const client = createSpringboardClient({
    applicationId: 'app-1',
    clientId: 'client-id',
    clientSecret: 'client-secret',
    fetch: server.fetch,
    retry: false,
    ...overrides,
  });
  return { server, client, pushBodies, bearerOf };
}

export function doc(externalId: string, extra: Record<string, unknown> = {}) {
  return {
    type: 'content' as const,
    object: { externalId },
    document: { title: `Title ${externalId}`, ...extra },
  };
}
