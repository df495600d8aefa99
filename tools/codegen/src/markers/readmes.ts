import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import type { JsonObject } from '../diff/json.ts';
import type { Target } from '../targets.ts';
import { collectAssumptions, type LocatedAssumption } from './collect.ts';
import { renderTable, renderVendorList, spliceReadme } from './readme.ts';

/** The README that lists every vendor's assumptions (its simulators reproduce those guesses). */
export const COMBINED_README = 'packages/testkit/README.md';

export interface ReadmeUpdate {
  /** Relative to the root. */
  file: string;
  next: string;
}

interface Source {
  pkg: string;
  source: string;
  assumptions: LocatedAssumption[];
}

/**
 * Each package README with assumption markers whose generated part is not what the specs say now.
 * A package's markers come from its spec, or for a package without one (lucidworks-identity) from
 * the shared part of the same name under specs/common/.
 */
export async function staleReadmes(
  root: string,
  targets: Target[],
  bundled: Map<string, JsonObject>,
  specFiles: Array<{ file: string; doc: unknown }>,
): Promise<ReadmeUpdate[]> {
  const sources = new Map<string, Source>();
  for (const target of targets) {
    const folder = basename(target.packageDir);
    const doc = bundled.get(target.spec);
    if (doc)
      sources.set(folder, {
        pkg: await packageName(target.packageDir),
        source: rel(root, target.spec),
        assumptions: collectAssumptions(doc),
      });
  }
  const updates: ReadmeUpdate[] = [];
  const folders = (await readdir(join(root, 'packages'), { withFileTypes: true })).filter((e) =>
    e.isDirectory(),
  );
  for (const { name: folder } of folders.sort((a, b) => a.name.localeCompare(b.name))) {
    const file = `packages/${folder}/README.md`;
    if (!existsSync(join(root, file))) continue;
    const readme = await readFile(join(root, file), 'utf8');
    let generated: string;
    if (file === COMBINED_README) {
      generated = renderVendorList(
        [...sources.values()].sort((a, b) => a.pkg.localeCompare(b.pkg)),
      );
    } else {
      const shared = specFiles.find((s) => s.file === `specs/common/${folder}.yaml`);
      const source: Source | undefined =
        sources.get(folder) ??
        (shared && {
          pkg: folder,
          source: shared.file,
          assumptions: collectAssumptions(shared.doc as JsonObject),
        });
      if (!source) continue;
      generated = renderTable(source.assumptions, source.source);
    }
    const next = spliceReadme(readme, generated);
    if (next !== undefined && next !== readme) updates.push({ file, next });
  }
  return updates;
}

const rel = (root: string, file: string) => relative(root, file).split('\\').join('/');

async function packageName(dir: string): Promise<string> {
  try {
    return (
      (JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as { name?: string }).name ??
      basename(dir)
    );
  } catch {
    return basename(dir);
  }
}
