import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { changesSinceHead, formatApiReport } from './api-report.ts';
import { OPEN_OBJECT, OPEN_OBJECT_WHY } from './markers/validate-markers.ts';
import { CHANGESET_COMMAND, checkReleases, formatUncovered } from './release/release-check.ts';
import { FIX_COMMAND, run } from './run.ts';
import { formatProblem } from './validate.ts';

function findWorkspaceRoot(from: string): string {
  let dir = resolve(from);
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`no pnpm-workspace.yaml above ${from}`);
    dir = up;
  }
  return dir;
}

export interface Output {
  log(line: string): void;
  warn(line: string): void;
  error(line: string): void;
}

/** `searchauth-codegen [--check] [--strict-markers] [--root DIR]`; resolves to the exit code. */
export async function main(args: string[], out: Output = console): Promise<number> {
  const check = args.includes('--check');
  const strictMarkers = args.includes('--strict-markers');
  const rootFlag = args.indexOf('--root');
  const root =
    rootFlag >= 0 ? resolve(args[rootFlag + 1] ?? '.') : findWorkspaceRoot(process.cwd());

  const result = await run(root, { check, strictMarkers });
  // --check runs in every `pnpm test`: one line there; `pnpm generate` lists each warning.
  if (!check) for (const w of result.warnings) out.warn(`codegen: warning: ${formatProblem(w)}`);
  const markerProblems = [...(check ? [] : result.warnings), ...result.problems];
  if (markerProblems.some((p) => p.message === OPEN_OBJECT))
    out.warn(`codegen: ${OPEN_OBJECT_WHY}`);
  if (result.warnings.length > 0) {
    const list = check ? ' (`pnpm generate` lists them)' : '';
    out.warn(
      `codegen: ${result.warnings.length} marker warning(s)${list}; \`--strict-markers\` makes them errors.`,
    );
  }
  if (result.problems.length > 0) {
    out.error(`codegen: ${result.problems.length} spec error(s); nothing was generated:`);
    for (const p of result.problems) out.error(`  ${formatProblem(p)}`);
    return 1;
  }
  let failed = false;
  if (check && result.changed.length > 0) {
    out.error('codegen: generated files are stale (their spec or its assumption markers changed):');
    for (const file of result.changed) out.error(`  ${file}`);
    out.error(`Fix: run \`${FIX_COMMAND}\` and commit the result.`);
    failed = true;
  }
  if (!check) {
    for (const file of result.changed) out.log(`codegen: wrote ${file}`);
    for (const line of formatApiReport(await changesSinceHead(root, result.found, result.bundled)))
      out.log(line);
  }
  const release = await checkReleases(root, result.found);
  if (release.skipped) {
    out.warn(
      `codegen: semver check skipped: cannot find each package's last release because ${release.skipped}.`,
    );
  }
  for (const u of release.uncovered) (check ? out.error : out.warn)(formatUncovered(u));
  if (release.uncovered.length > 0) {
    if (check) failed = true;
    else
      out.warn(
        `codegen: add a changeset (\`${CHANGESET_COMMAND}\`) before committing; \`pnpm test\` fails without it.`,
      );
  }
  if (failed) return 1;
  const verb = check ? 'up to date' : `written: ${result.changed.length} changed`;
  out.log(`codegen: ${result.targets.length} generated file(s) and their READMEs ${verb}.`);
  return 0;
}
