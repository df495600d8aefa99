import { describe, expect, it } from 'vitest';
import { isSecret, Secret, tokenKey } from '../src/index.js';

/** A Secret as another copy of the package makes it: same registered brand, its own storage. */
function foreignSecret(value: string) {
  return {
    get [Symbol.for('searchauth.secret')]() {
      return true;
    },
    reveal: () => value,
    toString: () => '[redacted]',
  } as unknown as Secret;
}

const parts = { vendor: 'v', tokenUrl: 'https://id.example.com/token' };

describe('Secret across package copies', () => {
  it('recognises and reveals a Secret from another copy', async () => {
    const a = foreignSecret('tenant-a-client');
    const b = foreignSecret('tenant-b-client');
    expect(isSecret(a)).toBe(true);
    expect(Secret.from(a).reveal()).toBe('tenant-a-client');
    // Before: both hashed as "[redacted]" and shared one key.
    expect(await tokenKey({ ...parts, clientId: a })).not.toBe(
      await tokenKey({ ...parts, clientId: b }),
    );
    expect(await tokenKey({ ...parts, clientId: a })).toBe(
      await tokenKey({ ...parts, clientId: 'tenant-a-client' }),
    );
  });

  it('keys tokens by every parameter that changes them, hashed', async () => {
    const base = await tokenKey({ ...parts, clientId: 'c' });
    const keys = await Promise.all(
      [
        { audience: 'https://api-a' },
        { resource: 'https://api-a' },
        { resource: ['https://api-a', 'https://api-b'] },
        { extraParams: { aud: 'api-a' } },
        { extraParams: { aud: 'api-b' } },
      ].map((extra) => tokenKey({ ...parts, clientId: 'c', ...extra })),
    );
    expect(new Set([base, ...keys]).size).toBe(6);
    expect(keys.join()).not.toContain('api-a');
    // Order of resources does not matter; the key without parameters is unchanged.
    expect(
      await tokenKey({ ...parts, clientId: 'c', resource: ['https://api-b', 'https://api-a'] }),
    ).toBe(keys[2]);
    expect(base.split('|')).toHaveLength(5);
  });
});
