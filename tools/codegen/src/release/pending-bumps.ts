import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUMP_RANK, type Bump } from './semver.ts';

/** The largest bump each package gets from the pending `.changeset/*.md` files. */
export function pendingBumps(root: string): Map<string, Bump> {
  const dir = join(root, '.changeset');
  const bumps = new Map<string, Bump>();
  if (!existsSync(dir)) return bumps;
  for (const file of readdirSync(dir)) {
    if (!file.endsWith('.md') || file === 'README.md') continue;
    const text = readFileSync(join(dir, file), 'utf8').replaceAll('\r\n', '\n');
    const frontMatter = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
    for (const m of frontMatter.matchAll(
      /^\s*["']?([^"':\s]+)["']?\s*:\s*["']?(patch|minor|major)["']?\s*$/gm,
    )) {
      const [, name, bump] = m as unknown as [string, string, Bump];
      const before = bumps.get(name);
      if (!before || BUMP_RANK[bump] > BUMP_RANK[before]) bumps.set(name, bump);
    }
  }
  return bumps;
}
