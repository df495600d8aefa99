import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fingerprint } from '../src/index.js';
import { sha256Hex } from '../src/sha256.js';

async function webCrypto(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Buffer.from(digest).toString('hex');
}

describe('sha256Hex', () => {
  it.each([
    ['empty', ''],
    ['abc', 'abc'],
    ['55 bytes (padding fits one block)', 'a'.repeat(55)],
    ['56 bytes (padding needs a second block)', 'a'.repeat(56)],
    ['64 bytes', 'b'.repeat(64)],
    ['multi-byte UTF-8', 'é✓😀'.repeat(40)],
    ['100 kB', 'x'.repeat(100_000)],
  ])('matches WebCrypto for %s', async (_name, text) => {
    expect(sha256Hex(text)).toBe(await webCrypto(text));
  });

  it('matches WebCrypto for any string', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 300 }), async (text) => {
        expect(sha256Hex(text)).toBe(await webCrypto(text));
      }),
      { numRuns: 200 },
    );
  });

  it('backs fingerprint: the first 12 hex digits', async () => {
    expect(await fingerprint('abc')).toBe((await webCrypto('abc')).slice(0, 12));
  });
});
