import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { mapLimit } from './concurrency.js';
import { run, runOrThrow } from './exec.js';
import type { PublishedPackage } from './workspace.js';

export interface PackedPackage {
  pkg: PublishedPackage;
  tarball: string;
  /** The package.json inside the tarball, after pnpm rewrote workspace: ranges. */
  manifest: Record<string, unknown>;
  /** Where the tarball was unpacked (its `package/` folder). */
  unpacked: string;
}

/** `pnpm pack` into `dest` (rewrites workspace:^ to real ranges) and unpacks the result next to it. */
export async function packPackage(pkg: PublishedPackage, dest: string): Promise<PackedPackage> {
  const output = await runOrThrow('pnpm', ['pack', '--pack-destination', dest, '--json'], {
    cwd: pkg.dir,
  });
  const { filename } = JSON.parse(output.slice(output.indexOf('{'))) as { filename: string };
  const unpackDir = join(dest, `${pkg.relDir.replaceAll('/', '_')}`);
  mkdirSync(unpackDir, { recursive: true });
  await runOrThrow('tar', ['-xzf', filename, '-C', unpackDir], { cwd: dest });
  const unpacked = join(unpackDir, 'package');
  const manifest = JSON.parse(readFileSync(join(unpacked, 'package.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  return { pkg, tarball: filename, manifest, unpacked };
}

/** publint --strict on the tarball: every warning is an error. */
export async function publintTarball(packed: PackedPackage): Promise<string[]> {
  const data = readFileSync(packed.tarball);
  const tarball = data.buffer.slice(
    data.byteOffset,
    data.byteOffset + data.byteLength,
  ) as ArrayBuffer;
  const { messages, pkg } = await publint({ pack: { tarball }, strict: true, level: 'suggestion' });
  return messages.map(
    (m) => `publint ${m.type}: ${formatMessage(m, pkg, { color: false }) ?? m.code}`,
  );
}

/**
 * @arethetypeswrong/cli on the tarball. The one rule we ignore is cjs-resolves-to-esm: these packages
 * are ESM-only and Node >= 20.19 loads them with require() (require(esm)); the consumer test proves
 * that with a real require().
 */
export async function attwTarball(packed: PackedPackage, attwBin: string): Promise<string[]> {
  const { code, output } = await run(
    process.execPath,
    [
      attwBin,
      packed.tarball,
      '--ignore-rules',
      'cjs-resolves-to-esm',
      '--format',
      'table-flipped',
      '--no-color',
      '--no-emoji',
    ],
    { cwd: dirname(packed.tarball) },
  );
  return code === 0 ? [] : [`attw failed:\n${output}`];
}

/**
 * What tsc must have produced and the files allowlist must have kept: a declaration map next to
 * every .d.ts whose sources are inside the tarball (so "go to definition" lands in src/), and no
 * workspace: range left in the packed manifest.
 */
export function checkPackedContents(packed: PackedPackage): string[] {
  const problems: string[] = [];
  for (const file of listFiles(packed.unpacked)) {
    if (!file.endsWith('.d.ts')) continue;
    const mapFile = join(packed.unpacked, `${file}.map`);
    if (!existsSync(mapFile)) {
      problems.push(`${file}: no declaration map (${file}.map); set declarationMap in tsconfig`);
      continue;
    }
    const { sources = [] } = JSON.parse(readFileSync(mapFile, 'utf8')) as { sources?: string[] };
    for (const source of sources) {
      const target = resolve(dirname(mapFile), source);
      if (!existsSync(target)) {
        problems.push(
          `${file}.map points at ${relative(packed.unpacked, target)}, which is not packed`,
        );
      }
    }
  }
  const text = JSON.stringify(packed.manifest);
  if (text.includes('workspace:'))
    problems.push('packed package.json still has a workspace: range');
  if (text.includes('catalog:')) problems.push('packed package.json still has a catalog: range');
  return problems;
}

function listFiles(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    return entry.isDirectory() ? listFiles(full, base) : [relative(base, full)];
  });
}

const attwBin = fileURLToPath(import.meta.resolve('@arethetypeswrong/cli/package.json')).replace(
  /package\.json$/,
  'dist/index.js',
);

/** Every tarball check; throws one error listing each package's problems. */
export async function checkTarballs(packed: PackedPackage[]): Promise<void> {
  const problems = await mapLimit(packed, 2, async (p) => {
    const found = [
      ...(await publintTarball(p)),
      ...(await attwTarball(p, attwBin)),
      ...checkPackedContents(p),
    ];
    return found.map((line) => `  ${p.pkg.name}: ${line}`);
  });
  const all = problems.flat();
  if (all.length > 0) throw new Error(`tarball checks failed:\n${all.join('\n')}`);
}
