import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ReadmeBlock } from './extract.js';

/** A generated source file and which README lines its lines came from. */
export interface BlockFile {
  path: string;
  /** For each part of the file: its first line in the file, and the block it came from. */
  parts: Array<{ firstLine: number; block: ReadmeBlock }>;
}

/**
 * Writes one module per block under `dir/blocks/`: a full block alone, a fragment after the full
 * block it continues. Companion files are copied from the installed packages next to it.
 */
export function writeBlockFiles(dir: string, blocks: ReadmeBlock[]): BlockFile[] {
  const files: BlockFile[] = [];
  let context: ReadmeBlock | undefined;
  blocks.forEach((block, index) => {
    if (!block.fragment) context = block;
    else if (context?.readme !== block.readme) {
      throw new Error(
        `${block.readme}:${block.line}: a \`ts fragment\` block needs a full \`ts\` block above it to continue`,
      );
    }
    const parts = block.fragment && context ? [context, block] : [block];
    const folder = join(dir, 'blocks', `${block.readme.replace(/[^a-z0-9]+/gi, '-')}-${index}`);
    mkdirSync(folder, { recursive: true });
    let line = 1;
    const withLines = parts.map((part) => {
      const entry = { firstLine: line, block: part };
      line += part.code.split('\n').length;
      return entry;
    });
    // `export {}` makes each file a module, so top-level await works and names do not collide.
    const path = join(folder, 'index.ts');
    writeFileSync(path, `${parts.map((p) => p.code).join('\n')}\nexport {};\n`);
    for (const part of parts) {
      for (const companion of part.companions) {
        const target = join(folder, companion.path);
        mkdirSync(dirname(target), { recursive: true });
        copyFileSync(join(dir, 'node_modules', companion.from), target);
      }
    }
    files.push({ path, parts: withLines });
  });
  return files;
}

/** `README.md:LINE` for a line of a generated file. */
export function readmeLocation(file: BlockFile, line: number): string {
  const part = [...file.parts].reverse().find((p) => p.firstLine <= line) ?? file.parts[0];
  if (!part) return `${file.path}:${line}`;
  return `${part.block.readme}:${part.block.line + line - part.firstLine}`;
}
