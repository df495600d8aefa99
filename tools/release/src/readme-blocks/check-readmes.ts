import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mapLimit } from '../concurrency.js';
import { packPackage } from '../tarball.js';
import { publishedPackages, repoRoot } from '../workspace.js';
import { linkConsumerModules } from './consumer-tree.js';
import { extractBlocks, type ReadmeBlock } from './extract.js';
import { writeBlockFiles } from './program.js';
import { typecheckBlocks } from './typecheck.js';

/** The READMEs a user reads: the root one and each published package's. */
export function readmeBlocks(root = repoRoot()): ReadmeBlock[] {
  const readmes = ['README.md', ...publishedPackages(root).map((p) => `${p.relDir}/README.md`)];
  return readmes.flatMap((readme) =>
    extractBlocks(readFileSync(join(root, readme), 'utf8'), readme),
  );
}

export interface ReadmeCheck {
  blocks: number;
  problems: string[];
}

/**
 * Packs every published package once, lays them out as a consumer's node_modules, and typechecks
 * every README block against them under nodenext and bundler resolution. Needs built packages.
 * `extra` blocks (tests) are compiled in the same program.
 */
export async function checkReadmeBlocks(
  root = repoRoot(),
  extra: ReadmeBlock[] = [],
): Promise<ReadmeCheck> {
  const dir = mkdtempSync(join(tmpdir(), 'searchauth-readme-'));
  try {
    const packed = await mapLimit(publishedPackages(root), 2, (p) => packPackage(p, dir));
    // A user's ESM project with Node's types, and vitest for the testkit's "In your tests" example.
    writeFileSync(join(dir, 'package.json'), '{ "private": true, "type": "module" }\n');
    linkConsumerModules(dir, packed, ['@types/node', 'vitest']);
    const blocks = [...readmeBlocks(root), ...extra];
    const files = writeBlockFiles(dir, blocks);
    return { blocks: blocks.length, problems: typecheckBlocks(dir, files) };
  } finally {
    if (!process.env.SEARCHAUTH_RELEASE_KEEP) rmSync(dir, { recursive: true, force: true });
  }
}
