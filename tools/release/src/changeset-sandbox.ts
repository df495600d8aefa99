import { execFile } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';

const execFileAsync = promisify(execFile);

export type Bump = 'patch' | 'minor' | 'major';

export interface VersionRun {
  /** package name -> [version before, version after], only for packages whose version moved. */
  bumped: Record<string, [string, string]>;
  /** Files created, changed or deleted by `changeset version`, relative to the sandbox root. */
  changedFiles: string[];
}

/**
 * Runs `changeset version` for one changeset in a throwaway copy of the workspace manifests.
 * Only what changesets reads is copied (root package.json, pnpm-workspace.yaml, .changeset/config.json
 * and each workspace package.json); pending changesets of the real repo are left out so the run
 * sees exactly the one we write. The real tree is never touched.
 */
export async function versionInSandbox(
  root: string,
  releases: Record<string, Bump>,
): Promise<VersionRun> {
  const sandbox = mkdtempSync(join(tmpdir(), 'searchauth-changeset-'));
  try {
    const copied = copyWorkspaceManifests(root, sandbox);
    // changesets resolves its changelog generator from the sandbox, so lend it our node_modules.
    symlinkSync(join(root, 'node_modules'), join(sandbox, 'node_modules'), 'dir');
    const frontMatter = Object.entries(releases)
      .map(([name, bump]) => `"${name}": ${bump}`)
      .join('\n');
    writeFileSync(
      join(sandbox, '.changeset/sandbox-check.md'),
      `---\n${frontMatter}\n---\n\nSandbox check.\n`,
    );

    const before = snapshot(sandbox, [...copied, '.changeset/sandbox-check.md']);
    await execFileAsync(process.execPath, [changesetBin(root), 'version'], {
      cwd: sandbox,
      env: { ...process.env, CI: 'true' },
    });
    const after = snapshot(sandbox, [...listFiles(sandbox)]);
    return { bumped: versionChanges(before, after), changedFiles: diffFiles(before, after) };
  } finally {
    rmSync(sandbox, { recursive: true, force: true });
  }
}

function changesetBin(root: string): string {
  const fromRelease = join(root, 'tools/release/node_modules/@changesets/cli/bin.js');
  return existsSync(fromRelease) ? fromRelease : join(root, 'node_modules/@changesets/cli/bin.js');
}

function copyWorkspaceManifests(root: string, sandbox: string): string[] {
  const workspace = parse(readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8')) as {
    packages?: string[];
  };
  const files = ['package.json', 'pnpm-workspace.yaml', '.changeset/config.json'];
  for (const pattern of workspace.packages ?? []) {
    // Our workspace globs are all `<folder>/*`; anything fancier would need a glob library.
    const parent = pattern.replace(/\/\*$/, '');
    if (!existsSync(join(root, parent))) continue;
    for (const entry of readdirSync(join(root, parent), { withFileTypes: true })) {
      const manifest = join(parent, entry.name, 'package.json');
      if (entry.isDirectory() && existsSync(join(root, manifest))) files.push(manifest);
    }
  }
  for (const file of files) {
    mkdirSync(dirname(join(sandbox, file)), { recursive: true });
    copyFileSync(join(root, file), join(sandbox, file));
  }
  return files;
}

function listFiles(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules') return [];
    const full = join(dir, entry.name);
    return entry.isDirectory() ? listFiles(full, base) : [relative(base, full)];
  });
}

function snapshot(root: string, files: string[]): Map<string, string> {
  return new Map(files.map((file) => [file, readFileSync(join(root, file), 'utf8')]));
}

function diffFiles(before: Map<string, string>, after: Map<string, string>): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((name) => before.get(name) !== after.get(name)).sort();
}

function versionChanges(
  before: Map<string, string>,
  after: Map<string, string>,
): Record<string, [string, string]> {
  const bumped: Record<string, [string, string]> = {};
  for (const [file, text] of before) {
    if (!file.endsWith('package.json') || !after.has(file)) continue;
    const old = JSON.parse(text) as { name?: string; version?: string };
    const now = JSON.parse(after.get(file) ?? '{}') as { version?: string };
    if (old.name && old.version !== now.version) {
      bumped[old.name] = [old.version ?? '', now.version ?? ''];
    }
  }
  return bumped;
}
