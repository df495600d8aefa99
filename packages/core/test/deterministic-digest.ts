import { createHash } from 'node:crypto';
import { vi } from 'vitest';

// WebCrypto's digest settles on libuv's thread pool, at a moment no test clock controls: under load a
// test that steps time and then looks at state could look too early. Unit tests therefore hash with
// node:crypto behind a promise that settles like any other; test/sha256.test.ts and the integration
// suite exercise the real digest. Vendor packages load this file too (their vitest setupFiles).
vi.spyOn(globalThis.crypto.subtle, 'digest').mockImplementation(async (algorithm, data) => {
  if (algorithm !== 'SHA-256') throw new Error(`deterministic-digest: ${String(algorithm)}`);
  const view = ArrayBuffer.isView(data)
    ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
    : new Uint8Array(data as ArrayBuffer);
  return new Uint8Array(createHash('sha256').update(view).digest()).buffer;
});
