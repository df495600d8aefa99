import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const dir = process.argv[2];
const r = await build({
  entryPoints: [dir + '/src/index.ts'],
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2022',
  external: ['jose'],
  write: false,
});
console.log(
  gzipSync(r.outputFiles[0].contents, { level: 9 }).length,
  r.outputFiles[0].contents.length,
);
