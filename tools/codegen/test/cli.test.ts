import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../src/main.ts';

const exec = promisify(execFile);
const cli = join(import.meta.dirname, '..', 'src', 'cli.ts');
const fixtures = join(import.meta.dirname, 'fixtures');
// Starting node + tsx + the OpenAPI tooling took over a minute on a loaded 2-core machine.
const SPAWN_TIMEOUT = 180_000;

/** The command in-process: exit code and everything it printed. */
async function codegen(root: string, ...flags: string[]) {
  const lines: string[] = [];
  const out = {
    log: (l: string) => lines.push(l),
    warn: (l: string) => lines.push(l),
    error: (l: string) => lines.push(l),
  };
  const code = await main(['--root', root, ...flags], out);
  return { code, output: lines.join('\n') };
}

describe('codegen CLI', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'codegen-'));
    await cp(fixtures, root, { recursive: true });
  });
  afterEach(() => rm(root, { recursive: true, force: true }));
  const edit = async (file: string, find: string, replace: string) =>
    writeFile(join(root, file), (await readFile(join(root, file), 'utf8')).replace(find, replace));

  // The one test that needs a real process: the bin's exit code and streams.
  it(
    'runs as a process: --check passes and exits 0 when the generated file matches its spec',
    async () => {
      const { stdout, stderr } = await exec(
        process.execPath,
        ['--import', 'tsx', cli, '--root', root, '--check'],
        {
          cwd: join(import.meta.dirname, '..'),
        },
      );
      expect(stdout).toContain('up to date');
      expect(stderr).toContain(
        "semver check skipped: cannot find each package's last release because not a git checkout",
      );
    },
    SPAWN_TIMEOUT,
  );

  it('fails --check naming the stale file and the fix command', async () => {
    await edit('specs/pets.yaml', 'type: integer', 'type: string');
    const result = await codegen(root, '--check');
    expect(result.code).toBe(1);
    expect(result.output).toContain('packages/pets/src/generated/api.ts');
    expect(result.output).toContain('Fix: run `pnpm generate`');
  });

  it('names each file it wrote', async () => {
    await edit('specs/pets.yaml', 'type: integer', 'type: string');
    const result = await codegen(root);
    expect(result.code).toBe(0);
    expect(result.output).toContain('codegen: wrote packages/pets/src/generated/api.ts');
    expect(result.output).toContain('written: 1 changed');
  });

  it('warns about a marker problem, which --strict-markers makes an error', async () => {
    const pet = join(root, 'specs/common/pet.yaml');
    await writeFile(pet, `${await readFile(pet, 'utf8')}  additionalProperties: true\n`);
    const relaxed = await codegen(root);
    expect(relaxed.code).toBe(0);
    expect(relaxed.output).toContain('codegen: warning: specs/common/pet.yaml #/Pet: open object');
    const quiet = await codegen(root, '--check');
    expect(quiet.output).not.toContain('#/Pet');
    expect(quiet.output).toContain('1 marker warning(s) (`pnpm generate` lists them)');
    const strict = await codegen(root, '--check', '--strict-markers');
    expect(strict.code).toBe(1);
    expect(strict.output).toContain(
      'spec error(s); nothing was generated:\n  specs/common/pet.yaml #/Pet: open object',
    );
  });
});
