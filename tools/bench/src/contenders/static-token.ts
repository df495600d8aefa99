import { type Contender, expectOk } from './types.js';

/** The floor: fetch with a fixed Authorization header and no token logic at all. */
export const staticToken: Contender = {
  name: 'static token (baseline)',
  wiring: '`fetch(url, { headers: { authorization: "Bearer static" } })`',
  create({ origin }) {
    return {
      get: async (path) =>
        expectOk(await fetch(`${origin}${path}`, { headers: { authorization: 'Bearer static' } })),
      dispose() {},
    };
  },
};
