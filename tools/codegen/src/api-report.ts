import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { bundleSpecAt } from './bundle.ts';
import { type ApiChange, formatChange } from './diff/change.ts';
import type { JsonObject } from './diff/json.ts';
import { diffSpecs } from './diff/spec-diff.ts';
import { historyProblem } from './release/git.ts';
import type { Target } from './targets.ts';

/** Per package, what its API changed compared with the committed spec (HEAD). */
export async function changesSinceHead(
  root: string,
  targets: Target[],
  bundled: Map<string, JsonObject>,
): Promise<Array<{ pkg: string; changes: ApiChange[] }>> {
  if (await historyProblem(root)) return [];
  const report = [];
  for (const target of targets) {
    const now = bundled.get(target.spec);
    if (!now) continue;
    const before = await bundleSpecAt(
      root,
      'HEAD',
      relative(root, target.spec).split('\\').join('/'),
    );
    const changes = diffSpecs(before, now);
    if (changes.length === 0) continue;
    const manifest = await readFile(join(target.packageDir, 'package.json'), 'utf8').catch(
      () => '{}',
    );
    const pkg =
      (JSON.parse(manifest) as { name?: string }).name ?? relative(root, target.packageDir);
    report.push({ pkg, changes });
  }
  return report;
}

export function formatApiReport(report: Array<{ pkg: string; changes: ApiChange[] }>): string[] {
  return report.flatMap(({ pkg, changes }) => [
    `${pkg} API changes (vs the committed spec):`,
    ...changes.map((c) => `  ${formatChange(c)}`),
  ]);
}
