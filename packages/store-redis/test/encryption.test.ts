import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EncryptionKey, redisTokenStore } from '../src/index.js';
import { keyName } from './support/key-name.js';
import { startRedis, type TestRedis } from './support/redis-server.js';

let redis: TestRedis;
let raw: Redis;
beforeAll(async () => {
  redis = await startRedis();
  raw = redis.client();
});
afterAll(() => redis.stop());

const KEY = 'squirro|https://squirro.example/api/user/oauth2/token|cafebabecafebabe||sim-tenant';
const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.secret-access-token-value.signature';
const keyOf = (id: string): EncryptionKey => ({
  id,
  key: crypto.getRandomValues(new Uint8Array(32)),
});
const k1 = keyOf('k1');
const k2 = keyOf('k2');
const token = {
  accessToken: TOKEN,
  obtainedAt: Date.now(),
  expiresAt: Date.now() + 60_000,
  scope: 's',
};

/** Every key and value in Redis, as bytes a SCAN would show an operator. */
async function dump(): Promise<string> {
  let text = '';
  let cursor = '0';
  do {
    const [next, keys] = await raw.scan(cursor, 'COUNT', 100);
    cursor = next;
    for (const key of keys)
      text += `${key}=${(await raw.type(key)) === 'string' ? await raw.get(key) : ''}\n`;
  } while (cursor !== '0');
  return text;
}

describe('encryption at rest', () => {
  it('round-trips a token and leaves none in clear for a raw SCAN', async () => {
    const store = redisTokenStore({ client: raw, prefix: 'enc1:', encryptionKeys: [k1] });
    await store.set(KEY, token);
    expect(await store.get(KEY)).toMatchObject({ accessToken: TOKEN, scope: 's' });
    const text = await dump();
    expect(text).toContain(`${keyName('enc1:', KEY)}=`);
    expect(text).toMatch(/=[0-9a-f]{12}k1:[A-Za-z0-9+/]+=*\n/);
    for (const clear of [TOKEN, 'secret-access-token-value', 'cafebabe', 'squirro', 'sim-tenant']) {
      expect(text).not.toContain(clear);
    }
    // Without the option the same token is readable JSON: the test above can fail.
    await redisTokenStore({ client: raw, prefix: 'plain:' }).set(KEY, token);
    expect(await dump()).toContain(TOKEN);
  });

  it('rotates: the first key encrypts, every key decrypts', async () => {
    const old = redisTokenStore({ client: raw, prefix: 'enc2:', encryptionKeys: [k1] });
    await old.set(KEY, token);
    const rotated = redisTokenStore({ client: raw, prefix: 'enc2:', encryptionKeys: [k2, k1] });
    expect((await rotated.get(KEY))?.accessToken).toBe(TOKEN);
    await rotated.set(KEY, { ...token, accessToken: 'tok-after-rotation' });
    expect(await raw.get(keyName('enc2:', KEY))).toMatch(/^[0-9a-f]{12}k2:/);
    expect(await old.get(KEY)).toBeUndefined();
    expect((await rotated.get(KEY))?.accessToken).toBe('tok-after-rotation');
  });

  it.each([
    [
      'a value sealed under another key name',
      async () => {
        const store = redisTokenStore({ client: raw, prefix: 'enc3:', encryptionKeys: [k1] });
        await store.set('other key', token);
        await raw.set(
          keyName('enc3:', KEY),
          (await raw.get(keyName('enc3:', 'other key'))) as string,
        );
        return store;
      },
    ],
    [
      'a plain value while encryption is on',
      async () => {
        await redisTokenStore({ client: raw, prefix: 'enc4:' }).set(KEY, token);
        return redisTokenStore({ client: raw, prefix: 'enc4:', encryptionKeys: [k1] });
      },
    ],
    [
      'an encrypted value while encryption is off',
      async () => {
        await redisTokenStore({ client: raw, prefix: 'enc5:', encryptionKeys: [k1] }).set(
          KEY,
          token,
        );
        return redisTokenStore({ client: raw, prefix: 'enc5:' });
      },
    ],
    [
      'a tampered ciphertext',
      async () => {
        const store = redisTokenStore({ client: raw, prefix: 'enc6:', encryptionKeys: [k1] });
        await store.set(KEY, token);
        const value = (await raw.get(keyName('enc6:', KEY))) as string;
        await raw.set(keyName('enc6:', KEY), `${value.slice(0, -6)}AAAA==`);
        return store;
      },
    ],
  ])('reads %s as no token', async (_name, arrange) => {
    const store = await arrange();
    expect(await store.get(KEY)).toBeUndefined();
  });

  it('takes a CryptoKey too', async () => {
    const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
      'encrypt',
      'decrypt',
    ]);
    const store = redisTokenStore({
      client: raw,
      prefix: 'enc7:',
      encryptionKeys: [{ id: 'hsm', key }],
    });
    await store.set(KEY, token);
    expect((await store.get(KEY))?.accessToken).toBe(TOKEN);
  });
});
