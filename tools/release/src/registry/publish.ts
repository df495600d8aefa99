import { mapLimit } from '../concurrency.js';
import { runOrThrow } from '../exec.js';
import { table } from '../log.js';
import { formatBytes, type SizeReport } from '../size.js';
import type { PublishedPackage } from '../workspace.js';
import type { Registry } from './verdaccio.js';

/**
 * `pnpm publish` of each package to the local registry: the same command `changeset publish` runs,
 * so workspace:^ ranges are rewritten exactly as in a real release. It runs per package rather than
 * `pnpm -r publish` because only the single-package form passes --provenance=false on to npm, and
 * npm 11 lets that flag beat publishConfig.provenance (which needs GitHub's OIDC token). An npm that
 * does not fails loudly with "Automatic provenance generation not supported".
 */
export async function publishAll(packages: PublishedPackage[], registry: Registry): Promise<void> {
  const env = { ...process.env, NPM_CONFIG_USERCONFIG: registry.npmrc };
  await mapLimit(packages, 3, (pkg) =>
    runOrThrow(
      'pnpm',
      [
        'publish',
        '--registry',
        registry.url,
        '--no-git-checks',
        '--provenance=false',
        '--tag',
        'latest',
      ],
      { cwd: pkg.dir, env },
    ),
  );
}

export interface PublishedVersion {
  name: string;
  version: string;
  /** Runtime dependencies as the registry serves them (workspace:^ must be gone). */
  dependencies: Record<string, string>;
}

/** What the registry now serves as `latest` for each package. */
export async function readPublished(
  packages: PublishedPackage[],
  registryUrl: string,
): Promise<PublishedVersion[]> {
  return Promise.all(
    packages.map(async (pkg) => {
      const response = await fetch(new URL(pkg.name.replace('/', '%2f'), registryUrl));
      if (!response.ok)
        throw new Error(`${pkg.name} is not on the registry: HTTP ${response.status}`);
      const doc = (await response.json()) as {
        'dist-tags': { latest: string };
        versions: Record<string, { dependencies?: Record<string, string> }>;
      };
      const version = doc['dist-tags'].latest;
      return { name: pkg.name, version, dependencies: doc.versions[version]?.dependencies ?? {} };
    }),
  );
}

/** Versions, sizes and the rewritten internal ranges, one row per published package. */
export function summaryTable(published: PublishedVersion[], sizes: SizeReport[]): string {
  return table(
    ['package', 'version', 'min+gzip', 'target', '@searchauth deps'],
    published.map((p) => {
      const size = sizes.find((s) => s.name === p.name);
      const internal = Object.entries(p.dependencies)
        .filter(([name]) => name.startsWith('@searchauth/'))
        .map(([name, range]) => `${name.slice('@searchauth/'.length)}@${range}`);
      return [
        p.name,
        p.version,
        size ? formatBytes(size.gzip) : '?',
        size?.budget ? formatBytes(size.budget.target) : '-',
        internal.join(' ') || '-',
      ];
    }),
  );
}
