import { isSearchAuthError, type StoredToken, systemClock } from '@searchauth/core';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisTokenStore } from '../src/index.js';
import { keyName } from './support/key-name.js';
import { startRedis, type TestRedis } from './support/redis-server.js';

let redis: TestRedis;
let raw: Redis;
beforeAll(async () => {
  redis = await startRedis();
  raw = redis.client();
});
afterAll(() => redis.stop());

const KEY =
  'lucidworks-ai|https://id.example/oauth2/x/v1/token|0123456789abcdef|machinelearning.predict|';
const token = (accessToken: string, lifetimeMs = 60_000): StoredToken => ({
  accessToken,
  obtainedAt: Date.now(),
  expiresAt: Date.now() + lifetimeMs,
  scope: 'machinelearning.predict',
});
let n = 0;
const fresh = (options = {}) => redisTokenStore({ client: raw, prefix: `t${++n}:`, ...options });
const keysOf = (prefix: string) => raw.keys(`${prefix}*`);

describe('redisTokenStore', () => {
  it('stores a token under a hashed key that expires with it', async () => {
    const store = fresh();
    await store.set(KEY, token('tok-a', 60_000));
    const [name] = await keysOf(`t${n}:`);
    expect(name).toBe(keyName(`t${n}:`, KEY));
    for (const part of ['lucidworks', 'id.example', '0123456789abcdef', 'predict']) {
      expect(name).not.toContain(part);
    }
    const ttl = await raw.pttl(name as string);
    expect(ttl).toBeGreaterThan(58_000);
    expect(ttl).toBeLessThanOrEqual(60_000);
    expect(await store.get(KEY)).toMatchObject({
      accessToken: 'tok-a',
      scope: 'machinelearning.predict',
    });
  });

  it('keeps the lifetime so the refresh margin is the same on every reader', async () => {
    const store = fresh();
    const now = Date.now();
    const stored = { accessToken: 'tok-l', obtainedAt: now - 20_000, expiresAt: now + 40_000 };
    await store.set(KEY, stored);
    const read = (await store.get(KEY)) as StoredToken;
    expect((read.expiresAt as number) - read.obtainedAt).toBe(60_000);
    expect(Math.abs((read.expiresAt as number) - stored.expiresAt)).toBeLessThan(1000);
  });

  it('keeps a token of unknown lifetime without expiry', async () => {
    const store = fresh();
    await store.set(KEY, { accessToken: 'tok-forever', obtainedAt: Date.now() });
    const [name] = await keysOf(`t${n}:`);
    expect(await raw.pttl(name as string)).toBe(-1);
    const read = await store.get(KEY);
    expect(read?.accessToken).toBe('tok-forever');
    expect(read?.expiresAt).toBeUndefined();
  });

  it('does not store a token that has already expired', async () => {
    const store = fresh();
    await store.set(KEY, token('tok-old', -1));
    expect(await keysOf(`t${n}:`)).toEqual([]);
  });

  it('deletes only the token it is told to when given one', async () => {
    const store = fresh();
    await store.set(KEY, token('tok-new'));
    await store.delete(KEY, 'tok-old');
    expect((await store.get(KEY))?.accessToken).toBe('tok-new');
    await store.delete(KEY, 'tok-new');
    expect(await store.get(KEY)).toBeUndefined();
    await store.set(KEY, token('tok-any'));
    await store.delete(KEY);
    expect(await store.get(KEY)).toBeUndefined();
  });

  it.each([
    ['garbage', (name: string) => raw.set(name, 'not a token at all')],
    ['foreign JSON', (name: string) => raw.set(name, `0123456789ab${JSON.stringify({ x: 1 })}`)],
    ['an empty token', (name: string) => raw.set(name, `0123456789ab${JSON.stringify({ t: '' })}`)],
    ['a hash', (name: string) => raw.hset(name, 'field', 'value')],
    ['a list', (name: string) => raw.rpush(name, 'a', 'b')],
  ])('reads %s under its key as no token, then overwrites it', async (_name, plant) => {
    const store = fresh();
    await store.set(KEY, token('tok-x'));
    const [name] = await keysOf(`t${n}:`);
    await raw.del(name as string);
    await plant(name as string);
    expect(await store.get(KEY)).toBeUndefined();
    await store.delete(KEY, 'tok-x');
    await store.set(KEY, token('tok-y'));
    expect((await store.get(KEY))?.accessToken).toBe('tok-y');
  });

  it.each([
    ['no client', { client: undefined }, /client must be an object/],
    ['a client without eval', { client: {} }, /client must be an ioredis/],
    [
      'a misspelt option',
      { client: 'x', prefx: 'a:' },
      /unknown option prefx; did you mean prefix\?/,
    ],
    ['a prefix that is not a string', { prefix: 1 }, /prefix must be a non-empty string/],
    ['an empty key list', { encryptionKeys: [] }, /encryptionKeys must be/],
    ['a short key', { encryptionKeys: [{ id: 'k1', key: new Uint8Array(16) }] }, /encryptionKeys/],
    [
      'a key id with a colon',
      { encryptionKeys: [{ id: 'a:b', key: new Uint8Array(32) }] },
      /encryptionKeys/,
    ],
  ])('refuses %s with ERR_INVALID_OPTIONS naming the option', (_name, given, message) => {
    const options = { client: raw, ...given } as never;
    let caught: unknown;
    try {
      redisTokenStore(options);
    } catch (error) {
      caught = error;
    }
    expect(isSearchAuthError(caught) && caught.code).toBe('ERR_INVALID_OPTIONS');
    expect((caught as Error).message).toMatch(message);
  });

  it('reads with the clock it is given', async () => {
    const ahead = { ...systemClock, now: () => Date.now() + 3_600_000 };
    const store = fresh({ clock: ahead });
    await store.set(KEY, {
      accessToken: 'tok-c',
      obtainedAt: ahead.now(),
      expiresAt: ahead.now() + 30_000,
    });
    const read = (await store.get(KEY)) as StoredToken;
    expect((read.expiresAt as number) - ahead.now()).toBeGreaterThan(28_000);
    expect((read.expiresAt as number) - ahead.now()).toBeLessThanOrEqual(30_000);
  });
});
