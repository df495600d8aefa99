import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parseYaml } from '@redocly/openapi-core';
import type { Json } from '../diff/json.ts';

/** Every YAML file under specs/ (top-level specs and shared parts), parsed, with its relative path. */
export async function readSpecFiles(root: string): Promise<Array<{ file: string; doc: Json }>> {
  const entries = await readdir(join(root, 'specs'), { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
    .map((e) => relative(root, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort();
  return Promise.all(
    files.map(async (file) => ({
      file,
      doc: parseYaml(await readFile(join(root, file), 'utf8')) as Json,
    })),
  );
}
