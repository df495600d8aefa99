import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runOrThrow, userEnv } from '../exec.js';
import { step } from '../log.js';
import { type ConsumerPart, TESTKIT } from './parts.js';

export const fixtureDir = fileURLToPath(new URL('../../consumer', import.meta.url));

export interface ConsumerOptions {
  /** A fresh folder outside the workspace. */
  dir: string;
  registryUrl: string;
  /** npm user config holding the registry (and nothing from the developer's ~/.npmrc). */
  npmrc: string;
  parts: ConsumerPart[];
  /** Exact published version of every @searchauth package. */
  versions: Map<string, string>;
  /** Versions the consumer installs for typechecking: the workspace's typescript and @types/node. */
  toolchain: { typescript: string; typesNode: string };
}

/**
 * A user's project: installs the published packages from the registry with npm, typechecks one
 * file per package under nodenext and bundler resolution, then searches the testkit simulator from an
 * ESM script (import) and a CommonJS script (require()).
 */
export async function runConsumer(options: ConsumerOptions): Promise<void> {
  const { dir, parts } = options;
  copyFixture(dir, parts);
  const packages = new Set(parts.map((p) => p.packageName));
  if (parts.some((p) => p.needsSimulator)) packages.add(TESTKIT);
  writeFileSync(join(dir, 'package.json'), manifest(packages, options));

  const env = userEnv({
    NPM_CONFIG_USERCONFIG: options.npmrc,
    NPM_CONFIG_UPDATE_NOTIFIER: 'false',
  });
  await step(`consumer: npm install ${[...packages].join(' ')} from the local registry`, () =>
    runOrThrow('npm', ['install', '--no-audit', '--no-fund', '--registry', options.registryUrl], {
      cwd: dir,
      env,
    }),
  );
  const tsc = join(dir, 'node_modules/typescript/bin/tsc');
  // Two cores: the two typechecks run side by side.
  await step('consumer: typecheck under moduleResolution nodenext (+ compile) and bundler', () =>
    Promise.all(
      ['tsconfig.nodenext.json', 'tsconfig.bundler.json'].map((config) =>
        runOrThrow(process.execPath, [tsc, '-p', config], { cwd: dir, env }),
      ),
    ),
  );
  for (const [script, label] of [
    ['esm.mjs', 'ESM import'],
    ['require.cjs', 'CommonJS require()'],
  ] as const) {
    await step(`consumer: ${label} (node ${script})`, async () => {
      const output = await runOrThrow(process.execPath, [script], {
        cwd: dir,
        env,
        timeoutMs: 60_000,
      });
      process.stdout.write(output);
      for (const part of parts) {
        if (!output.includes(`${part.packageName}: `)) {
          throw new Error(`${script} printed no result for ${part.packageName}`);
        }
      }
    });
  }
}

function copyFixture(dir: string, parts: ConsumerPart[]): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const keep = new Set(parts.map((p) => p.file));
  cpSync(fixtureDir, dir, {
    recursive: true,
    filter: (source) => {
      const rel = source.slice(fixtureDir.length + 1);
      if (rel.startsWith('node_modules') || rel.startsWith('dist')) return false;
      // Parts for packages that are not published in this run stay behind; so does part.ts
      // (the shared simulator type) when no part searches the simulator.
      const part = /^src\/parts\/(.+\.ts)$/.exec(rel);
      if (part?.[1]) return keep.has(part[1]);
      if (rel === 'src/part.ts') return parts.some((p) => p.needsSimulator);
      return true;
    },
  });
}

function manifest(packages: Set<string>, options: ConsumerOptions): string {
  const dependencies = Object.fromEntries(
    [...packages].sort().map((name) => {
      const version = options.versions.get(name);
      if (!version) throw new Error(`${name} was not published`);
      return [name, version];
    }),
  );
  return `${JSON.stringify(
    {
      name: 'searchauth-consumer',
      private: true,
      type: 'module',
      dependencies,
      devDependencies: {
        '@types/node': options.toolchain.typesNode,
        typescript: options.toolchain.typescript,
      },
    },
    null,
    2,
  )}\n`;
}
