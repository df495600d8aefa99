import { describe, expect, it } from 'vitest';
import {
  checkOptions,
  clientCredentials,
  createAuthFetch,
  createTokenManager,
  refreshTokenGrant,
} from '../src/index.js';
import { countingSource, key } from './support.js';

const source = countingSource().source;
const tokens = createTokenManager({ source, key });
const cc = { vendor: 'v', tokenUrl: 'https://id.example.com/t', clientId: 'id', clientSecret: 's' };

/** The ERR_INVALID_OPTIONS message `make()` throws. */
function refusal(make: () => unknown): string {
  try {
    make();
  } catch (error) {
    expect(error).toMatchObject({ name: 'SearchAuthError', code: 'ERR_INVALID_OPTIONS' });
    return (error as Error).message;
  }
  throw new Error('not refused');
}

describe('option checks', () => {
  it.each([
    ['refreshMarginSeconds', Number.NaN],
    ['refreshMarginSeconds', -1],
    ['refreshMarginSeconds', '300'],
    ['defaultLifetimeSeconds', 0],
    ['defaultLifetimeSeconds', Number.POSITIVE_INFINITY],
    ['storeTimeoutMs', Number.NaN],
    ['tokenRequestTimeoutMs', -5],
    ['mintRevokesPrevious', 'yes'],
    ['onEvent', {}],
    ['store', 'redis'],
  ])('createTokenManager refuses %s: %s, naming it', (name, value) => {
    expect(refusal(() => createTokenManager({ source, key, [name]: value }))).toContain(name);
  });

  it('createTokenManager accepts the options core-engine adds', () => {
    expect(() =>
      createTokenManager({
        source,
        key,
        storeTimeoutMs: 500,
        tokenRequestTimeoutMs: 5000,
      } as never),
    ).not.toThrow();
  });

  it('createTokenManager checks its key', () => {
    expect(refusal(() => createTokenManager({ source, key: { ...key, clientId: '' } }))).toContain(
      'clientId',
    );
    expect(
      refusal(() => createTokenManager({ source, key: { ...key, resource: [] } as never })),
    ).toContain('resource');
  });

  it('refuses an unknown option naming the closest known one', () => {
    expect(refusal(() => createTokenManager({ source, key, refreshMarginSecs: 60 } as never))).toBe(
      'createTokenManager: unknown option refreshMarginSecs; did you mean refreshMarginSeconds?',
    );
    expect(
      refusal(() => checkOptions({ apiBaseURL: 'x' }, 'apiBaseUrl authBaseUrl', 'createX', 'x')),
    ).toBe('createX: unknown option apiBaseURL; did you mean apiBaseUrl? (x)');
    // Nothing close: no guess.
    expect(refusal(() => checkOptions({ zzz: 1 }, 'apiBaseUrl', 'createX'))).toBe(
      'createX: unknown option zzz',
    );
  });

  it('createAuthFetch needs apiOrigin and checks every option', () => {
    expect(refusal(() => createAuthFetch({ tokens } as never))).toBe(
      'createAuthFetch: apiOrigin must be a URL or URLs (test)',
    );
    expect(refusal(() => createAuthFetch({ tokens, apiOrigin: 'not a url' }))).toContain(
      'apiOrigin',
    );
    expect(
      refusal(() => createAuthFetch({ tokens, apiOrigin: 'https://a.example', timeoutMs: 0 })),
    ).toContain('timeoutMs');
    expect(
      refusal(() =>
        createAuthFetch({ tokens, apiOrigin: 'https://a.example', retry: { maxAttempts: -1 } }),
      ),
    ).toContain('maxAttempts');
    expect(refusal(() => createAuthFetch(undefined as never))).toContain('must be an object');
  });

  it('missing or empty credentials are ERR_INVALID_OPTIONS naming the option, not a TypeError', () => {
    expect(refusal(() => clientCredentials({ ...cc, clientSecret: '' }))).toBe(
      'clientCredentials: clientSecret must be a non-empty string or a Secret (v)',
    );
    expect(refusal(() => clientCredentials({ ...cc, clientId: undefined as never }))).toContain(
      'clientId',
    );
    expect(refusal(() => clientCredentials({ ...cc, clientId: { id: 'x' } as never }))).toContain(
      'clientId',
    );
    expect(
      refusal(() => refreshTokenGrant({ vendor: 'v', tokenUrl: cc.tokenUrl, refreshToken: '' })),
    ).toContain('refreshToken');
  });

  it('checks the grants’ other options', () => {
    expect(refusal(() => clientCredentials({ ...cc, clientAuth: 'header' as never }))).toBe(
      'clientCredentials: clientAuth must be one of basic, body (v)',
    );
    expect(refusal(() => clientCredentials({ ...cc, timeoutMs: Number.NaN }))).toContain(
      'timeoutMs',
    );
    expect(refusal(() => clientCredentials({ ...cc, scopes: 'a' } as never))).toContain(
      'did you mean scope?',
    );
  });

  it('refuses a remote http:// token URL, or one with credentials, when the source is created', () => {
    expect(() => clientCredentials({ ...cc, tokenUrl: 'http://id.example.com/t' })).toThrow(
      expect.objectContaining({ code: 'ERR_INSECURE_URL' }),
    );
    expect(() =>
      clientCredentials({ ...cc, tokenUrl: 'http://id.example.com/t', allowInsecureHttp: true }),
    ).not.toThrow();
    const message = refusal(() =>
      clientCredentials({ ...cc, tokenUrl: 'https://user:hunter2hunter2@id.example.com/t' }),
    );
    expect(message).toContain('tokenUrl');
    expect(message).not.toContain('hunter2');
  });
});
