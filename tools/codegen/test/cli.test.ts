import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const exec = promisify(execFile);
const cli = join(import.meta.dirname, '..', 'src', 'cli.ts');
const fixtures = join(import.meta.dirname, 'fixtures');
// Each test starts node + tsx; on a loaded 2-core machine that alone can take tens of seconds.
const SPAWN_TIMEOUT = 120_000;

async function codegen(root: string, ...flags: string[]) {
  try {
    const { stdout, stderr } = await exec(
      process.execPath,
      ['--import', 'tsx', cli, '--root', root, ...flags],
      {
        cwd: join(import.meta.dirname, '..'),
      },
    );
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, output: e.stdout + e.stderr };
  }
}

// The command line itself: exit codes and messages. Behaviour is tested in-process in run.test.ts.
describe('codegen CLI', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'codegen-'));
    await cp(fixtures, root, { recursive: true });
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it(
    'passes --check when the committed generated file matches its spec',
    async () => {
      const result = await codegen(root, '--check');
      expect(result).toMatchObject({ code: 0 });
      expect(result.output).toContain('up to date');
      expect(result.output).toContain(
        "semver check skipped: cannot find each package's last release because not a git checkout",
      );
    },
    SPAWN_TIMEOUT,
  );

  it(
    'fails --check naming the stale file and the fix command; generate names the file it wrote',
    async () => {
      const spec = join(root, 'specs/pets.yaml');
      await writeFile(
        spec,
        (await readFile(spec, 'utf8')).replace('type: integer', 'type: string'),
      );

      const check = await codegen(root, '--check');
      expect(check.code).toBe(1);
      expect(check.output).toContain('packages/pets/src/generated/api.ts');
      expect(check.output).toContain('pnpm generate');

      const write = await codegen(root);
      expect(write.code).toBe(0);
      expect(write.output).toContain('codegen: wrote packages/pets/src/generated/api.ts');
    },
    SPAWN_TIMEOUT,
  );

  it(
    'fails on a marker problem only with --strict-markers',
    async () => {
      const pet = join(root, 'specs/common/pet.yaml');
      await writeFile(pet, `${await readFile(pet, 'utf8')}  additionalProperties: true\n`);
      const relaxed = await codegen(root);
      expect(relaxed.code).toBe(0);
      expect(relaxed.output).toContain(
        'codegen: warning: specs/common/pet.yaml #/Pet: open object',
      );
      const strict = await codegen(root, '--strict-markers');
      expect(strict.code).toBe(1);
      expect(strict.output).toContain('specs/common/pet.yaml #/Pet: open object');
    },
    SPAWN_TIMEOUT,
  );
});
