#!/usr/bin/env -S node --import tsx
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { changesSinceHead, formatApiReport } from './api-report.ts';
import { OPEN_OBJECT, OPEN_OBJECT_WHY } from './markers/validate-markers.ts';
import { CHANGESET_COMMAND, checkReleases, formatUncovered } from './release/release-check.ts';
import { FIX_COMMAND, run } from './run.ts';
import { formatProblem } from './validate.ts';

// Usage: searchauth-codegen [--check] [--strict-markers] [--root DIR]
function findWorkspaceRoot(from: string): string {
  let dir = resolve(from);
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`no pnpm-workspace.yaml above ${from}`);
    dir = up;
  }
  return dir;
}

const args = process.argv.slice(2);
const check = args.includes('--check');
const strictMarkers = args.includes('--strict-markers');
const rootFlag = args.indexOf('--root');
const root = rootFlag >= 0 ? resolve(args[rootFlag + 1] ?? '.') : findWorkspaceRoot(process.cwd());

const result = await run(root, { check, strictMarkers });
for (const w of result.warnings) console.warn(`codegen: warning: ${formatProblem(w)}`);
const markerProblems = [...result.warnings, ...result.problems];
if (markerProblems.some((p) => p.message === OPEN_OBJECT))
  console.warn(`codegen: ${OPEN_OBJECT_WHY}`);
if (result.warnings.length > 0)
  console.warn(
    `codegen: ${result.warnings.length} marker warning(s); \`--strict-markers\` makes them errors.`,
  );
if (result.problems.length > 0) {
  console.error(`codegen: ${result.problems.length} spec error(s); nothing was generated:`);
  for (const p of result.problems) console.error(`  ${formatProblem(p)}`);
  process.exit(1);
}
let failed = false;
if (check && result.changed.length > 0) {
  console.error(
    'codegen: generated files are stale (their spec or its assumption markers changed):',
  );
  for (const file of result.changed) console.error(`  ${file}`);
  console.error(`Fix: run \`${FIX_COMMAND}\` and commit the result.`);
  failed = true;
}
if (!check) {
  for (const file of result.changed) console.log(`codegen: wrote ${file}`);
  for (const line of formatApiReport(await changesSinceHead(root, result.found, result.bundled)))
    console.log(line);
}
const release = await checkReleases(root, result.found);
if (release.skipped) {
  console.warn(
    `codegen: semver check skipped: cannot find each package's last release because ${release.skipped}.`,
  );
}
for (const u of release.uncovered) (check ? console.error : console.warn)(formatUncovered(u));
if (release.uncovered.length > 0) {
  if (check) failed = true;
  else
    console.warn(
      `codegen: add a changeset (\`${CHANGESET_COMMAND}\`) before committing; \`pnpm test\` fails without it.`,
    );
}
if (failed) process.exit(1);
const verb = check ? 'up to date' : `written: ${result.changed.length} changed`;
console.log(`codegen: ${result.targets.length} generated file(s) and their READMEs ${verb}.`);
