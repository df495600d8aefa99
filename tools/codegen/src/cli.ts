#!/usr/bin/env -S node --import tsx
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { FIX_COMMAND, run } from './run.ts';
import { formatProblem } from './validate.ts';

// Usage: searchauth-codegen [--check] [--root DIR]
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
const rootFlag = args.indexOf('--root');
const root = rootFlag >= 0 ? resolve(args[rootFlag + 1] ?? '.') : findWorkspaceRoot(process.cwd());

const result = await run(root, { check });
if (result.problems.length > 0) {
  console.error(`codegen: ${result.problems.length} spec error(s); nothing was generated:`);
  for (const p of result.problems) console.error(`  ${formatProblem(p)}`);
  process.exit(1);
}
if (check && result.changed.length > 0) {
  console.error('codegen: generated files are stale (their spec changed):');
  for (const file of result.changed) console.error(`  ${file}`);
  console.error(`Fix: run \`${FIX_COMMAND}\` and commit the result.`);
  process.exit(1);
}
const verb = check ? 'up to date' : `written: ${result.changed.length} changed`;
console.log(`codegen: ${result.targets.length} generated file(s) ${verb}.`);
