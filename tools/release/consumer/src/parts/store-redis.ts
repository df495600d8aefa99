import type * as StoreRedis from '@searchauth/store-redis';
import { Redis } from 'ioredis';
import { check, type Part } from '../part.js';

export const part: Part<typeof StoreRedis> = {
  packageName: '@searchauth/store-redis',
  needsSimulator: true,
  async run(sdk) {
    // No Redis server in the consumer check: a lazy client that never connects is enough to prove
    // the package loads, builds a store typed as core's TokenStore, and checks its options.
    const client = new Redis({ lazyConnect: true, enableOfflineQueue: false });
    const store: StoreRedis.RedisTokenStore = sdk.redisTokenStore({
      client,
      prefix: 'consumer:',
      encryptionKeys: [{ id: 'k1', key: new Uint8Array(32) }],
    });
    let code: unknown;
    try {
      sdk.redisTokenStore({
        client,
        prefx: 'typo',
      } as unknown as StoreRedis.RedisTokenStoreOptions);
    } catch (error) {
      code = (error as { code?: unknown }).code;
    }
    check(code === 'ERR_INVALID_OPTIONS', 'a misspelt option was not refused');
    // Redis is unreachable: the wait lasts its time and never rejects.
    await store.waitForChange('key', 10, AbortSignal.timeout(1000));
    store.dispose();
    client.disconnect();
    return 'redisTokenStore built; a misspelt option is ERR_INVALID_OPTIONS';
  },
};
