import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, relative } from 'node:path';
import { renderSpec } from './render.ts';
import { findTargets } from './targets.ts';
import { type SpecProblem, validateSpec } from './validate.ts';

export const FIX_COMMAND = 'pnpm generate';

export interface RunResult {
  /** Spec problems; when any exist nothing was written or compared. */
  problems: SpecProblem[];
  /** Generated files (relative to root) that were written, or that are stale in check mode. */
  changed: string[];
  /** Every target's generated file, relative to root. */
  targets: string[];
}

/** Validates every spec, then writes (or in check mode only compares) each generated file. */
export async function run(root: string, options: { check: boolean }): Promise<RunResult> {
  const targets = await findTargets(root);
  const problems = (await Promise.all(targets.map((t) => validateSpec(t.spec, root)))).flat();
  const names = targets.map((t) => relative(root, t.output));
  if (problems.length > 0) return { problems, changed: [], targets: names };

  const changed: string[] = [];
  for (const target of targets) {
    const next = await renderSpec(target.spec, root);
    const current = await readFile(target.output, 'utf8').catch(() => undefined);
    if (current === next) continue;
    changed.push(relative(root, target.output));
    if (!options.check) {
      await mkdir(dirname(target.output), { recursive: true });
      await writeFile(target.output, next);
    }
  }
  return { problems, changed, targets: names };
}
