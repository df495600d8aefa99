// `pnpm bench [--quick] [--only stampede,outage] [--json path]`: searchauth against its peers on a
// loopback token + API server. Prints markdown tables and PASS/FAIL per target, writes JSON.
import { fork } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { measureCacheHit } from './cache-hit.js';
import { CONTENDERS } from './contenders/index.js';
import { printFleet } from './fleet-print.js';
import { PROFILES } from './profile.js';
import { markdownTable, summaryTable, targetTable } from './report.js';
import type { Table, Target } from './scenario.js';
import type { ScenarioReply } from './scenario-process.js';
import { SCENARIOS } from './scenarios/index.js';
import { measureSize } from './size.js';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    json: { type: 'string', default: new URL('../results/latest.json', import.meta.url).pathname },
  },
});
const profile = PROFILES[values.quick ? 'quick' : 'full'];
const only = values.only?.split(',');
const unknown = only?.filter((id) => id !== 'fleet' && !SCENARIOS.some((s) => s.id === id));
if (unknown?.length)
  throw new Error(
    `unknown scenario ${unknown.join(', ')}; known: ${SCENARIOS.map((s) => s.id).join(', ')}, fleet`,
  );

/** Runs one scenario in a fresh process (see scenario-process.ts) and hands back what it measured. */
function runIsolated(id: string): Promise<ScenarioReply> {
  const child = fork(new URL('./scenario-process.ts', import.meta.url), [id, profile.name], {
    execArgv: ['--expose-gc', '--import', 'tsx'],
    serialization: 'advanced',
  });
  return new Promise((resolve, reject) => {
    let reply: ScenarioReply | undefined;
    child.on('message', (message) => {
      reply = message as ScenarioReply;
    });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      reply
        ? resolve(reply)
        : reject(
            new Error(`scenario ${id} ended (${signal ?? `exit code ${code}`}) without a result`),
          ),
    );
  });
}

const started = performance.now();
const tables: Table[] = [];
const targets: Target[] = [];
const timings: Record<string, number> = {};
console.log(
  `# searchauth bench (${profile.name}; Node ${process.versions.node}, ${cpus().length} CPUs; each scenario in a process of its own, the loopback server in another)\n`,
);
for (const scenario of SCENARIOS.filter((s) => !only || only.includes(s.id))) {
  const { output, seconds } = await runIsolated(scenario.id);
  timings[scenario.id] = seconds;
  for (const table of output.tables) console.log(`${markdownTable(table)}\n`);
  tables.push(...output.tables);
  targets.push(...output.targets);
}
// The fleet (8 processes on one Redis vs one memory store each) runs its own servers and workers.
if (!only || only.includes('fleet')) {
  for (const missed of await printFleet()) {
    targets.push({
      scenario: 'fleet',
      claim: 'store-redis fleet targets',
      measured: missed,
      pass: false,
    });
  }
}
const size = await measureSize();
const hit = await measureCacheHit(values.quick ? 200_000 : 1_000_000);
console.log(
  `${summaryTable(
    tables,
    CONTENDERS.map((c) => c.name),
  )}\n`,
);
console.log(targetTable(targets));
console.log(
  `\n@searchauth/core bundle: ${size.gzipBytes.toLocaleString('en')} B min+gzip (jose excluded). ` +
    `getToken() on a cache hit: ${hit.getToken.toFixed(0)} ns (an awaited async no-op: ${hit.baseline.toFixed(0)} ns). ` +
    `Took ${((performance.now() - started) / 1000).toFixed(0)} s (${Object.entries(timings)
      .map(([id, s]) => `${id} ${s.toFixed(0)} s`)
      .join(', ')}).`,
);
mkdirSync(dirname(values.json), { recursive: true });
writeFileSync(
  values.json,
  `${JSON.stringify({ profile, node: process.versions.node, date: new Date().toISOString(), tables, targets, size, cacheHit: hit, timings }, null, 2)}\n`,
);
console.log(`JSON: ${values.json}`);
const failed = targets.filter((t) => !t.pass);
if (failed.length > 0) {
  console.log(`\n${failed.length} target(s) FAILED`);
  process.exitCode = 1;
}
