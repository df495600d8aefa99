import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const stubs = {
  'guarded-store.ts': 'export const guardStore = (s) => s;',
  'backoff.ts':
    'export const createFailureGate = () => { const g = { retryAt: 0, failed() {}, ok() {}, blocked() {} }; return g; };',
  'memory-store.ts': readFileSync('/tmp/old/packages/core/src/memory-store.ts', 'utf8'),
  'expiry.ts': readFileSync('/tmp/old/packages/core/src/expiry.ts', 'utf8'),
};
async function size(stub) {
  const r = await build({
    entryPoints: ['src/index.ts'],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    external: ['jose'],
    write: false,
    plugins: stub
      ? [
          {
            name: 's',
            setup(b) {
              b.onLoad({ filter: new RegExp(stub.replace('.', '\\.') + '$') }, () => ({
                contents: stubs[stub],
                loader: 'ts',
              }));
            },
          },
        ]
      : [],
  });
  return gzipSync(r.outputFiles[0].contents, { level: 9 }).length;
}
const all = await size();
console.log('all', all);
for (const k of Object.keys(stubs)) console.log(k, all - (await size(k)));
