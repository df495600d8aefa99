import { existsSync, mkdirSync, realpathSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { PackedPackage } from '../tarball.js';

/**
 * A consumer's node_modules without a network: each packed (unpacked) package as the user would get
 * it from npm, and its third-party dependencies linked to the copies the workspace installed.
 */
export function linkConsumerModules(dir: string, packed: PackedPackage[], extra: string[]): void {
  const modules = join(dir, 'node_modules');
  const linked = new Set<string>();
  const link = (name: string, target: string) => {
    if (linked.has(name)) return;
    linked.add(name);
    mkdirSync(dirname(join(modules, name)), { recursive: true });
    symlinkSync(target, join(modules, name), 'dir');
  };
  for (const p of packed) link(p.pkg.name, p.unpacked);
  for (const p of packed) {
    // Peer dependencies too: a user installs them beside the package (store-redis: ioredis).
    const deps = {
      ...(p.manifest.dependencies as Record<string, string> | undefined),
      ...(p.manifest.peerDependencies as Record<string, string> | undefined),
    };
    for (const dep of Object.keys(deps)) {
      if (!dep.startsWith('@searchauth/')) link(dep, packageRoot(p.pkg.dir, dep));
    }
  }
  for (const name of extra) link(name, packageRoot(import.meta.dirname, name));
}

/** Node's lookup of a package folder (not its entry, which `exports` may hide): node_modules upwards. */
function packageRoot(from: string, name: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return realpathSync(candidate);
    if (dirname(dir) === dir) throw new Error(`cannot find ${name} from ${from}`);
  }
}
