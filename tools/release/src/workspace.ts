import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The parts of a package.json the release checks read; everything else is passed through. */
export interface Manifest {
  name?: string;
  version?: string;
  private?: boolean;
  dependencies?: Record<string, string>;
  [field: string]: unknown;
}

/** One package that `pnpm -r publish` would publish: every non-private folder under packages/. */
export interface PublishedPackage {
  name: string;
  version: string;
  /** Absolute path of the package folder. */
  dir: string;
  /** Path relative to the repository root, e.g. `packages/core`. */
  relDir: string;
  manifest: Manifest;
}

/** The repository root: the folder holding pnpm-workspace.yaml, found upwards from this file. */
export function repoRoot(from = dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no pnpm-workspace.yaml above ${from}`);
    dir = parent;
  }
  return dir;
}

export function readManifest(dir: string): Manifest {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;
}

/**
 * Every published package, sorted by folder name. Generic on purpose: a package that lands under
 * packages/ is checked, packed, sized, documented and published without touching this tool.
 */
export function publishedPackages(root = repoRoot()): PublishedPackage[] {
  const packagesDir = join(root, 'packages');
  return readdirSync(packagesDir, { withFileTypes: true })
    .filter(
      (entry) => entry.isDirectory() && existsSync(join(packagesDir, entry.name, 'package.json')),
    )
    .map((entry) => join(packagesDir, entry.name))
    .sort()
    .flatMap((dir) => {
      const manifest = readManifest(dir);
      if (manifest.private === true) return [];
      return [
        {
          name: manifest.name ?? `(unnamed: ${relative(root, dir)})`,
          version: manifest.version ?? '0.0.0',
          dir,
          relDir: relative(root, dir),
          manifest,
        },
      ];
    });
}

/**
 * The published packages, or only those named on the command line (`pnpm size @searchauth/core`);
 * an unknown name is an error rather than an empty, passing run.
 */
export function selectPackages(names: string[], root = repoRoot()): PublishedPackage[] {
  const all = publishedPackages(root);
  if (names.length === 0) return all;
  const unknown = names.filter((name) => !all.some((p) => p.name === name));
  if (unknown.length > 0) throw new Error(`not a published package: ${unknown.join(', ')}`);
  return all.filter((p) => names.includes(p.name));
}
