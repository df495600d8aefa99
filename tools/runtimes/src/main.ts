// `pnpm test:runtimes`: the packed packages, installed as a consumer would, on Node 20 (this one),
// Node 22 and 24, Bun and Deno, plus CommonJS require(), TypeScript nodenext and bundler, and a
// browser bundle. Prints a runtime × check matrix; exits non-zero unless every cell passes.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mapLimit } from '../../release/src/concurrency.js';
import { type Result, runtimeChecks, toolingChecks } from './checks.js';
import { prepareConsumer } from './consumer.js';
import { install, RUNTIMES } from './runtimes.js';

const here = fileURLToPath(new URL('..', import.meta.url));
// Git-ignored; runtimes stay between runs, the consumer is made fresh each time.
const cache = process.env.SEARCHAUTH_RUNTIMES_CACHE ?? join(here, '.cache');
const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;

const [installed, packages] = await Promise.all([
  mapLimit(RUNTIMES, 2, (runtime) => install(runtime, cache)),
  prepareConsumer(join(cache, 'consumer'), join(here, 'consumer')),
]);
const app = join(cache, 'consumer', 'app');
console.log(
  `[runtimes] ${packages.length} packed packages installed, ${installed.length} runtimes ready (${elapsed()})`,
);

const rows = new Map<string, Result[]>();
// One runtime at a time: each starts its own simulator and the checks time refresh-ahead.
for (const entry of installed) {
  rows.set(`${entry.runtime.name} (${entry.version})`, await runtimeChecks(entry, app, cache));
  console.log(`[runtimes] ${entry.runtime.name} done (${elapsed()})`);
}
rows.set(`node 20 tooling`, await toolingChecks(app));

printMatrix(rows);
const failed = [...rows.values()].flat().filter((r) => !r.ok);
console.log(
  `\n[runtimes] ${failed.length === 0 ? 'all checks passed' : `${failed.length} check(s) FAILED`} in ${elapsed()}`,
);
process.exitCode = failed.length === 0 ? 0 : 1;

function printMatrix(matrix: Map<string, Result[]>): void {
  const columns = [...new Set([...matrix.values()].flat().map((r) => r.check))];
  const header = ['runtime', ...columns];
  const body = [...matrix].map(([runtime, results]) => [
    runtime,
    ...columns.map((c) => {
      const r = results.find((x) => x.check === c);
      return r ? (r.ok ? 'PASS' : 'FAIL') : '';
    }),
  ]);
  const widths = header.map((h, i) =>
    Math.max(h.length, ...body.map((row) => (row[i] ?? '').length)),
  );
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  console.log(
    `\n${line(header)}\n${line(widths.map((w) => '-'.repeat(w)))}\n${body.map(line).join('\n')}`,
  );
  console.log('\ndetails:');
  for (const [runtime, results] of matrix) {
    for (const r of results)
      console.log(`  ${r.ok ? 'ok  ' : 'FAIL'} ${runtime} / ${r.check}: ${r.detail}`);
  }
}
