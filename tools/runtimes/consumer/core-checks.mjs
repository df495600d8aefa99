// Core scenarios against the simulator's OAuth2 vendor (see checks.mjs).
import * as core from '@searchauth/core';
import { createOAuth2Client } from '@searchauth/oauth2';

/** The checks that prove the token engine: each resolves with a line or throws. */
export function coreChecks(sim, LIFETIME_SECONDS) {
  const expect = (condition, message) => {
    if (!condition) throw new Error(message);
  };
  const oauth2 = (options = {}) =>
    createOAuth2Client({
      baseUrl: sim.urls.oauth2.baseUrl,
      clientId: sim.credentials.oauth2.clientId,
      clientSecret: sim.credentials.oauth2.clientSecret,
      ...options,
    });
  const search = async (api, signal) => {
    const { data, error, response } = await api.client.GET('/v1/search', {
      params: { query: { q: 'tent', limit: 5 } },
      signal,
    });
    if (error !== undefined) throw new Error(`search answered ${response.status}`);
    return data.items.length;
  };
  const mints = () => sim.mintCount({ vendor: 'oauth2' });

  return {
    async stampede() {
      const api = oauth2();
      const before = mints();
      const counts = await Promise.all(Array.from({ length: 200 }, () => search(api)));
      api.dispose();
      expect(
        counts.every((n) => n > 0),
        'a search came back empty',
      );
      expect(
        mints() - before === 1,
        `200 concurrent searches made ${mints() - before} token requests`,
      );
      return '200 concurrent searches, 1 token request';
    },
    async 'refresh ahead'() {
      const api = oauth2();
      const before = mints();
      let calls = 0;
      // Two and a half lifetimes of 3-second tokens, one search every 100 ms: none may fail.
      const end = Date.now() + LIFETIME_SECONDS * 2500;
      while (Date.now() < end) {
        await search(api);
        calls++;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      api.dispose();
      const made = mints() - before;
      expect(made >= 2, `only ${made} token request(s) over 2.5 lifetimes`);
      expect(
        sim.requestCount({ vendor: 'oauth2', endpoint: 'search', status: 401 }) === 0,
        'a 401 reached the client',
      );
      return `${calls} searches over ${LIFETIME_SECONDS * 2.5} s, ${made} tokens, no failure, no 401`;
    },
    async '401 replay'() {
      const api = oauth2();
      await search(api);
      const before = mints();
      sim.revokeTokens({ vendor: 'oauth2' });
      const found = await search(api);
      api.dispose();
      expect(found > 0 && mints() - before === 1, 'the revoked token was not replaced once');
      return 'revoked token: one 401, one new token, one replay';
    },
    async abort() {
      const api = oauth2();
      const controller = new AbortController();
      const pending = search(api, controller.signal);
      controller.abort();
      const error = await pending.then(
        () => undefined,
        (e) => e,
      );
      api.dispose();
      expect(core.isSearchAuthError(error) && error.code === 'ERR_ABORTED', `got ${error}`);
      return `aborted search: ${error.code}`;
    },
    async redaction() {
      const secret = 'runtime matrix secret/with+chars&=1';
      const api = oauth2({ clientSecret: secret });
      const error = await search(api).then(
        () => undefined,
        (e) => e,
      );
      api.dispose();
      expect(core.isSearchAuthError(error), `not a SearchAuthError: ${error}`);
      const texts = [
        String(error),
        error.stack ?? '',
        JSON.stringify(error),
        JSON.stringify(new core.Secret(secret)),
      ];
      const base64 = btoa(`${sim.credentials.oauth2.clientId}:${secret}`);
      expect(
        !texts.some(
          (t) => t.includes(secret) || t.includes(encodeURIComponent(secret)) || t.includes(base64),
        ),
        'the secret shows',
      );
      return `wrong secret: ${error.code}, secret in no rendering`;
    },
  };
}
