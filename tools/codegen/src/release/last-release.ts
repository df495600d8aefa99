import { git } from './git.ts';

const RELEASE_SUBJECT = /^Version Packages\b/;

const versionAt = async (root: string, commit: string, manifest: string) => {
  const text = await git(root, ['show', `${commit}:${manifest}`]);
  if (text === undefined) return undefined;
  try {
    return (JSON.parse(text) as { version?: string }).version;
  } catch {
    return undefined;
  }
};

/**
 * The last commit that released the package in `packageDir` (e.g. `packages/squirro`): the newest
 * "Version Packages" commit (what changesets/action commits) that changed its package.json version.
 * Undefined when it was never released.
 */
export async function lastReleaseCommit(
  root: string,
  packageDir: string,
): Promise<string | undefined> {
  const manifest = `${packageDir}/package.json`;
  const log = await git(root, ['log', '--format=%H%x09%s', '--', manifest]);
  for (const line of (log ?? '').split('\n')) {
    const [commit, subject = ''] = line.split('\t');
    if (!commit || !RELEASE_SUBJECT.test(subject)) continue;
    const now = await versionAt(root, commit, manifest);
    const before = await versionAt(root, `${commit}^`, manifest);
    if (now !== undefined && now !== before) return commit;
  }
  return undefined;
}
