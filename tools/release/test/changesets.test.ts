import { describe, expect, it } from 'vitest';
import { versionInSandbox } from '../src/changeset-sandbox.js';
import { isUnreleased, pendingChangesetPackages } from '../src/pending-changesets.js';
import { publishedPackages, repoRoot } from '../src/workspace.js';

const root = repoRoot();
const packages = publishedPackages(root);

/** Names of the published packages that list `name` as a runtime dependency. */
const dependantsOf = (name: string) =>
  packages
    .filter((p) =>
      ['dependencies', 'peerDependencies', 'optionalDependencies'].some(
        (kind) => (p.manifest[kind] as Record<string, string> | undefined)?.[name] !== undefined,
      ),
    )
    .map((p) => p.name);

const leaves = packages.filter((p) => dependantsOf(p.name).length === 0);

describe('changeset version keeps versions independent', () => {
  it.each(leaves.map((p) => [p.name, p] as const))(
    'a changeset for %s changes only that package',
    async (name, p) => {
      const result = await versionInSandbox(root, { [name]: 'minor' });
      expect(Object.keys(result.bumped)).toEqual([name]);
      expect(result.changedFiles).toEqual([
        '.changeset/sandbox-check.md',
        `${p.relDir}/CHANGELOG.md`,
        `${p.relDir}/package.json`,
      ]);
    },
  );

  it('a changeset for @searchauth/core also releases exactly its runtime dependants', async () => {
    // While they are on 0.0.x, ^0.0.x ranges cannot take a new core, so every dependant must
    // be republished with the rewritten range; packages that do not depend on core stay put.
    const result = await versionInSandbox(root, { '@searchauth/core': 'minor' });
    expect(Object.keys(result.bumped).sort()).toEqual(
      ['@searchauth/core', ...dependantsOf('@searchauth/core')].sort(),
    );
    expect(result.bumped['@searchauth/core']?.[1]).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe('initial changesets', () => {
  const pending = pendingChangesetPackages(root);
  const unreleased = packages.filter((p) => isUnreleased(p.dir, p.version));

  it.each(unreleased.map((p) => [p.name] as const))(
    '%s, not released yet, has a pending changeset (.changeset/initial-<folder>.md)',
    (name) => {
      expect(pending.has(name)).toBe(true);
    },
  );
});
