// `pnpm test:release`: build, check and pack every published package, publish them all to a
// throwaway verdaccio on 127.0.0.1, then install them into a fresh consumer project outside the
// workspace and use them from TypeScript (nodenext + bundler), ESM and CommonJS.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { catalogVersion } from '../catalog.js';
import { mapLimit } from '../concurrency.js';
import { fixtureDir, runConsumer } from '../consumer/consumer.js';
import { consumerParts, runnableParts } from '../consumer/parts.js';
import { runOrThrow } from '../exec.js';
import { seconds, step } from '../log.js';
import { publishAll, readPublished, summaryTable } from '../registry/publish.js';
import { type Registry, startRegistry } from '../registry/verdaccio.js';
import { checkTarballs, packPackage } from '../tarball.js';
import { repoRoot, selectPackages } from '../workspace.js';
import { assertConventions } from './conventions.js';
import { buildDocs } from './docs.js';
import { budgetError, measureSizes } from './size.js';

const UPLINK = process.env.SEARCHAUTH_RELEASE_UPLINK ?? 'https://registry.npmjs.org/';
const KEEP = process.env.SEARCHAUTH_RELEASE_KEEP === '1';

async function main(): Promise<void> {
  const started = performance.now();
  const root = repoRoot();
  // Package names on the command line narrow the run (for debugging); none means every package.
  const packages = selectPackages(process.argv.slice(2), root);
  const work = mkdtempSync(join(tmpdir(), 'searchauth-release-'));
  let registry: Registry | undefined;

  const cleanup = async () => {
    if (registry) {
      await registry.stop();
      console.log(
        `[release] verdaccio (pid ${registry.pid}) stopped: ${isRunning(registry.pid) ? 'NO' : 'yes'}`,
      );
    }
    if (KEEP) console.log(`[release] kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
    console.log(`[release] total time ${seconds(started)}`);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.log(`[release] ${signal}: stopping`);
      void cleanup().finally(() => process.exit(130));
    });
  }

  try {
    console.log(
      `[release] ${packages.length} published packages: ${packages.map((p) => p.name).join(', ')}`,
    );
    await step('build (turbo run build)', () =>
      runOrThrow(
        'pnpm',
        [
          'exec',
          'turbo',
          'run',
          'build',
          '--output-logs=errors-only',
          ...packages.map((p) => `--filter=${p.name}`),
        ],
        { cwd: root, env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' } },
      ),
    );
    await step('package conventions', async () => assertConventions(packages));

    const tarballs = join(work, 'tarballs');
    mkdirSync(tarballs);
    const packed = await step('pnpm pack', () =>
      mapLimit(packages, 3, (p) => packPackage(p, tarballs)),
    );
    await step('publint --strict, attw, declaration maps on each tarball', () =>
      checkTarballs(packed),
    );
    // Over budget fails the run, but only at the end: the publish and consumer proof still runs.
    const sizes = await measureSizes(packages);
    // The API reference, with every "Defined in" link checked against the repository.
    await buildDocs(packages);

    registry = await step('start verdaccio on 127.0.0.1 (throwaway storage)', () =>
      startRegistry(join(work, 'registry'), UPLINK),
    );
    console.log(`[release] verdaccio pid ${registry.pid} at ${registry.url}`);
    const reg = registry;
    const npmVersion = execFileSync('npm', ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    await step(`publish ${packages.length} packages (pnpm publish, npm ${npmVersion})`, () =>
      publishAll(packages, reg),
    );
    const published = await readPublished(packages, registry.url);
    const leftovers = published.filter((p) =>
      JSON.stringify(p.dependencies).includes('workspace:'),
    );
    if (leftovers.length > 0) {
      throw new Error(
        `published with a workspace: range: ${leftovers.map((p) => p.name).join(', ')}`,
      );
    }

    const { runnable, skipped } = runnableParts(
      consumerParts(fixtureDir),
      new Set(published.map((p) => p.name)),
    );
    for (const part of skipped) {
      console.log(
        `[release] SKIPPED consumer part ${part.file}: ${part.packageName} is not published in this run`,
      );
    }
    await runConsumer({
      dir: join(work, 'consumer'),
      registryUrl: registry.url,
      npmrc: registry.npmrc,
      parts: runnable,
      versions: new Map(published.map((p) => [p.name, p.version])),
      toolchain: {
        typescript: catalogVersion(root, 'typescript'),
        typesNode: catalogVersion(root, '@types/node'),
      },
    });

    console.log('\n[release] published to the local registry and installed by the consumer:');
    console.log(summaryTable(published, sizes));
    const overBudget = budgetError(sizes);
    if (overBudget) throw overBudget;
    console.log(`[release] test:release passed in ${seconds(started)}`);
  } finally {
    await cleanup();
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

main().catch((error: unknown) => {
  console.error(
    `\n[release] test:release FAILED\n${error instanceof Error ? error.message : String(error)}`,
  );
  process.exitCode = 1;
});
