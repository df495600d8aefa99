import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { bundleSpec, bundleSpecAt } from '../bundle.ts';
import { type ApiChange, formatChange } from '../diff/change.ts';
import { diffSpecs } from '../diff/spec-diff.ts';
import type { Target } from '../targets.ts';
import { historyProblem } from './git.ts';
import { lastReleaseCommit } from './last-release.ts';
import { pendingBumps } from './pending-bumps.ts';
import { type Bump, covers, impliedBump } from './semver.ts';

/** One package whose API changed since its last release by more than its pending changesets cover. */
export interface UncoveredChange {
  pkg: string;
  version: string;
  needed: Bump;
  pending: Bump | undefined;
  changes: ApiChange[];
}

export interface ReleaseCheck {
  /** Set when git history could not answer (then nothing was compared). */
  skipped?: string;
  uncovered: UncoveredChange[];
}

export const CHANGESET_COMMAND = 'pnpm changeset';

/**
 * Compares each package's spec with the spec at the package's last release and lists those whose
 * API change needs a bigger bump than their pending changesets give. Never released: nothing to compare.
 */
export async function checkReleases(root: string, targets: Target[]): Promise<ReleaseCheck> {
  const problem = await historyProblem(root);
  if (problem) return { skipped: problem, uncovered: [] };
  const bumps = pendingBumps(root);
  const uncovered: UncoveredChange[] = [];
  for (const target of targets) {
    const packageDir = relative(root, target.packageDir);
    const manifestFile = join(root, packageDir, 'package.json');
    if (!existsSync(manifestFile)) continue;
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as {
      name?: string;
      version?: string;
    };
    const pkg = manifest.name ?? packageDir;
    const version = manifest.version ?? '0.0.0';
    const release = await lastReleaseCommit(root, packageDir);
    if (!release) continue;
    const before = await bundleSpecAt(root, release, relative(root, target.spec));
    if (!before) continue;
    const changes = diffSpecs(before, await bundleSpec(target.spec));
    const needed = impliedBump(version, changes);
    const pending = bumps.get(pkg);
    if (needed && !covers(pending, needed))
      uncovered.push({
        pkg,
        version,
        needed,
        pending,
        changes: changes.filter((c) => c.kind !== 'documentation'),
      });
  }
  return { uncovered };
}

export function formatUncovered(u: UncoveredChange): string {
  const has = u.pending
    ? `its pending changesets give only ${u.pending}`
    : 'it has no pending changeset';
  return [
    `${u.pkg} ${u.version}: the API changed since the last release and needs at least a ${u.needed} bump, but ${has}:`,
    ...u.changes.map((c) => `    ${formatChange(c)}`),
    `  Fix: run \`${CHANGESET_COMMAND}\`, pick ${u.pkg} and ${u.needed} (or more), describe the change, commit the .changeset file.`,
  ].join('\n');
}
