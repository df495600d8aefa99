export type { EncryptionKey, WebCryptoKey } from './codec.js';
export type { RedisClient, RedisTokenStoreOptions } from './options.js';
export { type RedisTokenStore, redisTokenStore } from './store.js';
