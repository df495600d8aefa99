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
  metafile: true,
  outfile: 'x.js',
});
const out = Object.values(r.metafile.outputs)[0];
for (const [k, v] of Object.entries(out.inputs))
  console.log(v.bytesInOutput, k.replace(/.*src\//, ''));
