import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** Core's built dist bundled and minified as an application would ship it, jose left out. */
export async function measureSize() {
  const entry = createRequire(import.meta.url).resolve('@searchauth/core');
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    external: ['jose'],
    write: false,
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  return { minBytes: code.length, gzipBytes: gzipSync(code).length };
}
