import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { run } from '../../release/src/exec.js';
import type { Installed } from './runtimes.js';

/** One cell of the matrix. */
export interface Result {
  check: string;
  ok: boolean;
  detail: string;
}

/** Results from the JSON lines a consumer script printed; a crash before any line is one failed row. */
function parse(output: string, code: number, fallback: string): Result[] {
  const results = output
    .split('\n')
    .filter((line) => line.startsWith('{"check"'))
    .map((line) => JSON.parse(line) as Result);
  if (code !== 0 || results.length === 0) {
    results.push({
      check: fallback,
      ok: false,
      detail: `exit ${code}: ${output.trim().split('\n').slice(-3).join(' | ').slice(0, 300)}`,
    });
  }
  return results;
}

/** checks.mjs (core scenarios and one search per vendor) in one runtime. */
export async function runtimeChecks(
  installed: Installed,
  app: string,
  cache: string,
): Promise<Result[]> {
  const { code, output } = await run(installed.path, [...installed.runtime.args, 'checks.mjs'], {
    cwd: app,
    env: { ...process.env, DENO_DIR: join(cache, 'deno-dir'), NO_COLOR: '1' },
    timeoutMs: 120_000,
  });
  return parse(output, code, 'start');
}

/** The checks that are about how Node and tools load the packages, not about a runtime. */
export async function toolingChecks(app: string): Promise<Result[]> {
  const results: Result[] = [];
  const cjs = await run(process.execPath, ['require.cjs'], { cwd: app, timeoutMs: 60_000 });
  results.push(...parse(cjs.output, cjs.code, 'require'));
  for (const [name, resolution, module] of [
    ['tsc nodenext', 'NodeNext', 'NodeNext'],
    ['tsc bundler', 'Bundler', 'Preserve'],
  ] as const) {
    const config = join(app, `tsconfig.${resolution}.json`);
    writeFileSync(
      config,
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          lib: ['ES2023', 'DOM'],
          module,
          moduleResolution: resolution,
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          types: [],
        },
        files: ['types.ts'],
      }),
    );
    const tsc = await run(
      process.execPath,
      [join(app, 'node_modules/typescript/bin/tsc'), '-p', config],
      { cwd: app, timeoutMs: 120_000 },
    );
    results.push({
      check: name,
      ok: tsc.code === 0,
      detail: tsc.code === 0 ? 'no type errors' : tsc.output.slice(0, 300),
    });
  }
  results.push(await browserBundle(app));
  return results;
}

/** Every client bundled for the browser: no node: import may survive, and the size is reported. */
async function browserBundle(app: string): Promise<Result> {
  try {
    const out = await build({
      entryPoints: [join(app, 'browser.mjs')],
      absWorkingDir: app,
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const nodeImports = Object.values(out.metafile.inputs)
      .flatMap((input) => input.imports.map((i) => i.path))
      .filter((path) => path.startsWith('node:'));
    const code = out.outputFiles[0]?.contents ?? new Uint8Array();
    const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
    return {
      check: 'browser bundle',
      ok: nodeImports.length === 0,
      detail: nodeImports.length
        ? `node: imports: ${[...new Set(nodeImports)].join(', ')}`
        : `all 6 client packages ${kb(code.length)} min, ${kb(gzipSync(code).length)} min+gzip (jose, openapi-fetch included)`,
    };
  } catch (error) {
    return { check: 'browser bundle', ok: false, detail: String(error).slice(0, 300) };
  }
}

/** The consumer's view of one package's declared version, for the matrix header. */
export const installedVersion = (app: string, name: string) =>
  (
    JSON.parse(readFileSync(join(app, 'node_modules', name, 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
