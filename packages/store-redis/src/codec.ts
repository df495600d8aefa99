import { fingerprint, type StoredToken } from '@searchauth/core';

/**
 * A WebCrypto `CryptoKey`, described by shape so the types need neither the DOM lib nor Node's
 * (a `CryptoKey` from `crypto.subtle.generateKey` or `importKey` fits).
 */
export interface WebCryptoKey {
  readonly type: string;
  readonly algorithm: { readonly name: string };
}

/** A 256-bit AES key and the id stored beside each value it encrypts. */
export interface EncryptionKey {
  /** Short label of the key, stored in clear next to the ciphertext; no `:`. */
  id: string;
  /** 32 raw bytes, or an AES-GCM `CryptoKey` that may encrypt and decrypt. */
  key: Uint8Array | WebCryptoKey;
}

const text = new TextEncoder();
const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (value: string) => Uint8Array.from(atob(value), (c) => c.charCodeAt(0));

/**
 * Turns a token into the string kept in Redis and back. The value starts with the token's
 * fingerprint so a compare-and-delete can run in Lua without reading the token; the rest is JSON,
 * or with keys `id:base64(iv ‖ AES-256-GCM ciphertext)` bound to the Redis key it is stored under
 * (additional data), so a value copied to another key does not decrypt. Expiry is not in the value:
 * Redis keeps it as the key's PTTL, which every reader converts to its own clock.
 */
export function createCodec(keys: EncryptionKey[] = []) {
  const cryptoKeys = new Map(
    keys.map(({ id, key }) => [
      id,
      key instanceof Uint8Array
        ? crypto.subtle.importKey('raw', key as Uint8Array<ArrayBuffer>, 'AES-GCM', false, [
            'encrypt',
            'decrypt',
          ])
        : Promise.resolve(key as CryptoKey),
    ]),
  );
  const gcm = (iv: Uint8Array, where: string) => ({
    name: 'AES-GCM',
    iv,
    additionalData: text.encode(where),
  });

  return {
    async encode(where: string, token: StoredToken) {
      let body = JSON.stringify({
        t: token.accessToken,
        l: (token.expiresAt as number) - token.obtainedAt,
        s: token.scope,
      });
      const [first] = keys;
      if (first) {
        const iv = crypto.getRandomValues(new Uint8Array(12));
        const sealed = await crypto.subtle.encrypt(
          gcm(iv, where),
          await (cryptoKeys.get(first.id) as Promise<CryptoKey>),
          text.encode(body),
        );
        body = `${first.id}:${toBase64(new Uint8Array([...iv, ...new Uint8Array(sealed)]))}`;
      }
      return (await fingerprint(token.accessToken)) + body;
    },

    /** The token in `raw`, or undefined for anything we did not write (or cannot decrypt). */
    async decode(where: string, raw: string, ttlMs: number, now: number) {
      try {
        let body = raw.slice(12);
        if (keys.length) {
          const [id, sealed] = body.split(':') as [string, string];
          const bytes = fromBase64(sealed);
          body = new TextDecoder().decode(
            await crypto.subtle.decrypt(
              gcm(bytes.subarray(0, 12), where),
              await (cryptoKeys.get(id) as Promise<CryptoKey>),
              bytes.subarray(12),
            ),
          );
        }
        const { t, l, s } = JSON.parse(body);
        if (typeof t !== 'string' || !t) return;
        // PTTL is -1 for a key without expiry: a token of unknown lifetime.
        const expiresAt = ttlMs > 0 ? now + ttlMs : undefined;
        const token: StoredToken = { accessToken: t, obtainedAt: now };
        if (expiresAt) {
          token.expiresAt = expiresAt;
          if (l > 0) token.obtainedAt = expiresAt - l;
        }
        if (typeof s === 'string') token.scope = s;
        return token;
      } catch {
        // Corrupt, foreign, plain while encryption is on, or sealed with a key we do not have.
      }
    },
  };
}
