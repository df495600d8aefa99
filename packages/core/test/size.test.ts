import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

// A guard against growth: core bundled and minified as an application would ship it, jose excluded.
// The product ceiling is 6.5 kB: bytes buy behaviour; see the README for where they go.
const BUDGET_BYTES = 6500;

describe('bundle size', () => {
  it(`stays within ${BUDGET_BYTES} bytes min+gzip without jose`, async () => {
    const result = await build({
      entryPoints: [new URL('../src/index.ts', import.meta.url).pathname],
      bundle: true,
      minify: true,
      format: 'esm',
      target: 'es2022',
      external: ['jose'],
      write: false,
    });
    const bytes = gzipSync(result.outputFiles[0]?.contents ?? new Uint8Array()).length;
    expect(bytes).toBeLessThanOrEqual(BUDGET_BYTES);
  });
});
