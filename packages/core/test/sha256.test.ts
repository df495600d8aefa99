import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { fingerprint, tokenKey } from '../src/index.js';
import { sha256Hex } from '../src/sha256.js';

// The setup file stands in a deterministic digest; this file checks the real WebCrypto one.
beforeAll(() => {
  vi.restoreAllMocks();
});

const nodeHash = (text: string) => createHash('sha256').update(text).digest('hex');

describe('sha256Hex', () => {
  it.each([
    ['empty', ''],
    ['abc', 'abc'],
    ['bytes below 0x10 keep their leading zero', 'a'.repeat(55)],
    ['multi-byte UTF-8', 'é✓😀'.repeat(40)],
  ])('matches node:crypto for %s', async (_name, text) => {
    expect(await sha256Hex(text)).toBe(nodeHash(text));
  });

  it('matches node:crypto for any string', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 300 }), async (text) => {
        expect(await sha256Hex(text)).toBe(nodeHash(text));
      }),
      { numRuns: 200 },
    );
  });

  it('runs on the real WebCrypto digest here', () => {
    expect(vi.isMockFunction(crypto.subtle.digest)).toBe(false);
  });

  it('backs fingerprint (12 hex) and the key (16 hex of the client id)', async () => {
    expect(await fingerprint('abc')).toBe(nodeHash('abc').slice(0, 12));
    const key = await tokenKey({ vendor: 'v', tokenUrl: 'https://h.example/t', clientId: 'abc' });
    expect(key).toBe(`v|https://h.example/t|${nodeHash('abc').slice(0, 16)}||`);
  });
});
