// `pnpm bench [--quick] [--only stampede,outage] [--json path]`: searchauth against its peers on a
// loopback token + API server. Prints markdown tables and PASS/FAIL per target, writes JSON.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { measureCacheHit } from './cache-hit.js';
import { CONTENDERS } from './contenders/index.js';
import { printFleet } from './fleet-print.js';
import { pooledFetch } from './pool.js';
import { PROFILES } from './profile.js';
import { markdownTable, summaryTable, targetTable } from './report.js';
import type { ScenarioOutput, Table, Target } from './scenario.js';
import { SCENARIOS } from './scenarios/index.js';
import { measureSize } from './size.js';
import { startVendor } from './vendor.js';

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

const nativeFetch = globalThis.fetch;
// Before any contender exists: every fetch-based library then goes through the same pool.
globalThis.fetch = pooledFetch(nativeFetch, 256);
const vendor = await startVendor(nativeFetch);
const started = performance.now();
const tables: Table[] = [];
const targets: Target[] = [];
const timings: Record<string, number> = {};
try {
  console.log(
    `# searchauth bench (${profile.name}; Node ${process.versions.node}, ${cpus().length} CPUs; loopback server in a child process)\n`,
  );
  for (const scenario of SCENARIOS.filter((s) => !only || only.includes(s.id))) {
    const t0 = performance.now();
    await vendor.reset();
    const output: ScenarioOutput = await scenario.run({ vendor, profile, contenders: CONTENDERS });
    timings[scenario.id] = (performance.now() - t0) / 1000;
    for (const table of output.tables) console.log(`${markdownTable(table)}\n`);
    tables.push(...output.tables);
    targets.push(...output.targets);
  }
} finally {
  vendor.close();
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
