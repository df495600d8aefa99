import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Package names named in the front matter of the pending `.changeset/*.md` files. */
export function pendingChangesetPackages(root: string): Set<string> {
  const dir = join(root, '.changeset');
  const names = new Set<string>();
  for (const file of readdirSync(dir)) {
    if (!file.endsWith('.md') || file === 'README.md') continue;
    const frontMatter =
      /^---\n([\s\S]*?)\n---/.exec(readFileSync(join(dir, file), 'utf8'))?.[1] ?? '';
    for (const match of frontMatter.matchAll(/^\s*["']?([^"':\s]+)["']?\s*:/gm)) {
      if (match[1]) names.add(match[1]);
    }
  }
  return names;
}

/** A package never released yet: still at 0.0.0 and without a CHANGELOG.md. */
export function isUnreleased(dir: string, version: string): boolean {
  return version === '0.0.0' && !existsSync(join(dir, 'CHANGELOG.md'));
}
