import { type Handler, json } from '../../core/test/fake-fetch.js';
import type { components } from '../src/generated/api.js';

export const RESULTS: components['schemas']['ResultsResponse'] = {
  count: 10,
  offset: 0,
  type: ['OBJ', 'DOUBLE'],
  items: [
    { rank: 1, probability: 0.93, tuple: [{ id: 'https://shop/p/1', class: ['Product'] }, 12.5] },
  ],
};

/**
 * A SPARQUE stand-in: the token storage endpoint keeps one token and hands it back until asked for
 * ForceReauth, exactly the behaviour that makes a revoked stored token a trap.
 */
export function sparqueSim() {
  const state = {
    stored: 'tok-1',
    minted: 1,
    revoked: new Set<string>(),
    forceReauth: [] as boolean[],
    apiTokens: [] as string[],
    apiResponse: (_url: URL): Response => json(RESULTS),
  };
  const handler: Handler = (request) => {
    const url = new URL(request.url);
    if (url.pathname.endsWith('/api/auth')) {
      const body = JSON.parse(request.body) as components['schemas']['AuthRequest'];
      state.forceReauth.push(body.ForceReauth);
      if (body.ForceReauth) state.stored = `tok-${++state.minted}`;
      return json(state.stored);
    }
    const token = (request.headers.authorization ?? '').replace(/^Bearer /, '');
    state.apiTokens.push(token);
    if (token === '' || state.revoked.has(token)) return json({ message: 'Unauthorized' }, 401);
    return state.apiResponse(url);
  };
  return { state, handler };
}
