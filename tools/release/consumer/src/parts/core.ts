import type * as Core from '@searchauth/core';

/** @searchauth/core on its own: a token manager over a custom source, and the typed error. */
export const part = {
  packageName: '@searchauth/core',
  needsSimulator: false,
  async run(core: typeof Core): Promise<string> {
    let mints = 0;
    const tokens = core.createTokenManager({
      key: { vendor: 'consumer', tokenUrl: 'https://auth.example.test/token', clientId: 'app' },
      source: async () => {
        mints += 1;
        return { accessToken: `token-${mints}`, expiresIn: 3600 };
      },
    });
    const got = await Promise.all([tokens.getToken(), tokens.getToken(), tokens.getToken()]);
    tokens.dispose();
    if (new Set(got).size !== 1 || mints !== 1) throw new Error(`expected one mint, got ${mints}`);

    const error: Core.SearchAuthError = new core.SearchAuthError('ERR_NOT_FOUND', 'no such thing', {
      vendor: 'consumer',
      status: 404,
    });
    if (!core.isSearchAuthError(error) || error.code !== 'ERR_NOT_FOUND') {
      throw new Error('SearchAuthError is not recognised');
    }
    return `3 concurrent getToken() calls, ${mints} mint; ${error.code} is a SearchAuthError`;
  },
};
