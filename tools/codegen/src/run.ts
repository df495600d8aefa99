import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { bundleSpec } from './bundle.ts';
import type { JsonObject } from './diff/json.ts';
import { staleReadmes } from './markers/readmes.ts';
import { readSpecFiles } from './markers/spec-files.ts';
import { validateMarkers } from './markers/validate-markers.ts';
import { renderSpec } from './render.ts';
import { findTargets, type Target } from './targets.ts';
import { type SpecProblem, validateSpec } from './validate.ts';

export const FIX_COMMAND = 'pnpm generate';

export interface RunOptions {
  check: boolean;
  /**
   * Marker rules (assumption marker shape, open objects without a reason) are errors; otherwise
   * they are warnings. `--strict-markers` on the command line.
   */
  strictMarkers?: boolean;
}

export interface RunResult {
  /** Spec problems; when any exist nothing was written or compared. */
  problems: SpecProblem[];
  /** Marker problems reported as warnings (not strict). */
  warnings: SpecProblem[];
  /** Files (relative to root) that were written, or that are stale in check mode. */
  changed: string[];
  /** Every target's generated file, relative to root. */
  targets: string[];
  /** The targets and their bundled specs, for the API diff. */
  bundled: Map<string, JsonObject>;
  found: Target[];
}

/**
 * Validates every spec, then writes (or in check mode only compares) each generated file and each
 * README's generated Assumptions table.
 */
export async function run(root: string, options: RunOptions): Promise<RunResult> {
  const targets = await findTargets(root);
  const names = targets.map((t) => relative(root, t.output));
  const specFiles = await readSpecFiles(root);
  const markerProblems = specFiles.flatMap(({ file, doc }) => validateMarkers(doc, file));
  const problems = [
    ...(await Promise.all(targets.map((t) => validateSpec(t.spec, root)))).flat(),
    ...(options.strictMarkers ? markerProblems : []),
  ];
  const warnings = options.strictMarkers ? [] : markerProblems;
  const bundled = new Map<string, JsonObject>();
  const result = {
    problems,
    warnings,
    changed: [] as string[],
    targets: names,
    bundled,
    found: targets,
  };
  if (problems.length > 0) return result;

  const writes: Array<{ file: string; next: string }> = [];
  for (const target of targets) {
    bundled.set(target.spec, await bundleSpec(target.spec));
    const next = await renderSpec(target.spec, root);
    writes.push({ file: relative(root, target.output), next });
  }
  writes.push(...(await staleReadmes(root, targets, bundled, specFiles)));
  for (const { file, next } of writes) {
    const current = await readFile(join(root, file), 'utf8').catch(() => undefined);
    if (current === next) continue;
    result.changed.push(file);
    if (!options.check) {
      await mkdir(dirname(join(root, file)), { recursive: true });
      await writeFile(join(root, file), next);
    }
  }
  return result;
}
