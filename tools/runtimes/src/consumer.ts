import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogVersion } from '../../release/src/catalog.js';
import { mapLimit } from '../../release/src/concurrency.js';
import { runOrThrow, userEnv } from '../../release/src/exec.js';
import { packPackage } from '../../release/src/tarball.js';
import { publishedPackages, repoRoot } from '../../release/src/workspace.js';

/**
 * A user's project in `dir`: every published package packed exactly as `pnpm publish` would (the
 * release tool's pack step: workspace ranges rewritten) and installed with npm from the tarballs;
 * their other dependencies come from the registry. Returns the package names.
 */
export async function prepareConsumer(dir: string, fixture: string): Promise<string[]> {
  const root = repoRoot();
  rmSync(dir, { recursive: true, force: true });
  const tarballs = join(dir, 'tarballs');
  mkdirSync(tarballs, { recursive: true });
  const packed = await mapLimit(publishedPackages(root), 3, (p) => packPackage(p, tarballs));
  const local = Object.fromEntries(packed.map((p) => [p.pkg.name, `file:${p.tarball}`]));
  const app = join(dir, 'app');
  cpSync(fixture, app, { recursive: true });
  const manifest = {
    name: 'searchauth-runtime-consumer',
    private: true,
    type: 'module',
    dependencies: local,
    // The packages depend on each other by version range: the tarballs answer those too.
    overrides: Object.fromEntries(Object.keys(local).map((name) => [name, `$${name}`])),
    devDependencies: {
      '@types/node': catalogVersion(root, '@types/node'),
      esbuild: catalogVersion(root, 'esbuild'),
      typescript: catalogVersion(root, 'typescript'),
    },
  };
  writeFileSync(join(app, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  await runOrThrow('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: app,
    env: userEnv({ NPM_CONFIG_UPDATE_NOTIFIER: 'false' }),
    timeoutMs: 300_000,
  });
  return Object.keys(local);
}
