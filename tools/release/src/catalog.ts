import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** A version from the pnpm catalog in pnpm-workspace.yaml (the workspace's one list of versions). */
export function catalogVersion(root: string, name: string): string {
  const workspace = parse(readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8')) as {
    catalog?: Record<string, string>;
  };
  const version = workspace.catalog?.[name];
  if (!version) throw new Error(`${name} is not in the pnpm catalog`);
  return version;
}
