import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';

/** One spec and the generated file it owns. */
export interface Target {
  /** Absolute path of the spec. */
  spec: string;
  /** Absolute path of the generated TypeScript file. */
  output: string;
  /** Absolute path of the package folder the spec belongs to. */
  packageDir: string;
}

// A top-level spec may name its package with `x-searchauth-package`; otherwise the file's base name
// is the package folder. Specs in subfolders (specs/common/) are shared parts, never generated alone.
const PACKAGE_FIELD = /^x-searchauth-package:\s*["']?([a-z0-9-]+)["']?\s*$/m;

export async function findTargets(root: string): Promise<Target[]> {
  const specsDir = join(root, 'specs');
  const names = (await readdir(specsDir)).filter((name) => /\.ya?ml$/.test(name)).sort();
  return Promise.all(
    names.map(async (name) => {
      const spec = join(specsDir, name);
      const text = await readFile(spec, 'utf8');
      const pkg = PACKAGE_FIELD.exec(text)?.[1] ?? basename(name).replace(/\.ya?ml$/, '');
      const packageDir = join(root, 'packages', pkg);
      return { spec, packageDir, output: join(packageDir, 'src', 'generated', 'api.ts') };
    }),
  );
}
