import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { bundle, createConfig } from '@redocly/openapi-core';
import type { JsonObject } from './diff/json.ts';
import { git } from './release/git.ts';

let configPromise: ReturnType<typeof createConfig> | undefined;
const config = () => (configPromise ??= createConfig({ extends: ['minimal'] }));

/** One spec with its external `$ref`s (specs/common/) pulled in; internal refs stay refs. */
export async function bundleSpec(spec: string): Promise<JsonObject> {
  const result = await bundle({ ref: spec, config: await config() });
  return result.bundle.parsed as JsonObject;
}

/**
 * The bundled spec `specRel` (e.g. `specs/squirro.yaml`) as it was at `commit`, read from git into a
 * throwaway folder with the rest of specs/ so shared parts resolve. Undefined when it did not exist.
 */
export async function bundleSpecAt(
  root: string,
  commit: string,
  specRel: string,
): Promise<JsonObject | undefined> {
  const listing = await git(root, ['ls-tree', '-r', '--name-only', commit, '--', 'specs']);
  const files = (listing ?? '').split('\n').filter(Boolean);
  if (!files.includes(specRel)) return undefined;
  const dir = await mkdtemp(join(tmpdir(), 'codegen-release-'));
  try {
    for (const file of files) {
      const text = await git(root, ['show', `${commit}:${file}`]);
      await mkdir(dirname(join(dir, file)), { recursive: true });
      await writeFile(join(dir, file), text ?? '');
    }
    return await bundleSpec(join(dir, specRel));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
