import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const exec = promisify(execFile);
const cli = join(import.meta.dirname, '..', 'src', 'cli.ts');
const fixtures = join(import.meta.dirname, 'fixtures');

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

describe('codegen CLI', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'codegen-'));
    await cp(fixtures, root, { recursive: true });
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('passes --check when the committed generated file matches its spec', async () => {
    const result = await codegen(root, '--check');
    expect(result).toMatchObject({ code: 0 });
    expect(result.output).toContain('up to date');
  });

  it.each([
    ['the spec', { file: 'specs/pets.yaml', find: 'type: integer', replace: 'type: string' }],
    ['a $ref-shared file', { file: 'specs/common/pet.yaml', find: '[id, name]', replace: '[id]' }],
  ])(
    'fails --check naming the stale file and the fix command after editing %s',
    async (_name, edit) => {
      const spec = join(root, edit.file);
      await writeFile(spec, (await readFile(spec, 'utf8')).replace(edit.find, edit.replace));
      const generated = join(root, 'packages/pets/src/generated/api.ts');
      const before = await readFile(generated, 'utf8');

      const result = await codegen(root, '--check');

      expect(result.code).toBe(1);
      expect(result.output).toContain('packages/pets/src/generated/api.ts');
      expect(result.output).toContain('pnpm generate');
      expect(await readFile(generated, 'utf8')).toBe(before);
    },
  );

  it('regenerates a stale file so that --check passes again', async () => {
    const spec = join(root, 'specs', 'pets.yaml');
    await writeFile(spec, (await readFile(spec, 'utf8')).replace('name: { type: string }', 'x: 1'));
    await writeFile(
      join(root, 'specs/common/pet.yaml'),
      (await readFile(join(root, 'specs/common/pet.yaml'), 'utf8')).replace('[id, name]', '[id]'),
    );
    expect((await codegen(root)).code).toBe(0);
    expect(await readFile(join(root, 'packages/pets/src/generated/api.ts'), 'utf8')).toContain(
      'name?: string',
    );
    expect((await codegen(root, '--check')).code).toBe(0);
  });

  it.each([
    [
      'a wrong type in the spec',
      {
        find: 'minimum: 1',
        replace: 'minimum: one',
        want: '#/paths/~1pets/get/parameters/0/schema/minimum',
      },
    ],
    [
      'an unresolved $ref',
      {
        find: './common/pet.yaml#/Pet',
        replace: './common/pet.yaml#/Dog',
        want: '#/paths/~1pets/get/responses/200/content/application~1json/schema/items',
      },
    ],
  ])('fails generate on %s with the file and JSON path', async (_name, { find, replace, want }) => {
    const spec = join(root, 'specs', 'pets.yaml');
    await writeFile(spec, (await readFile(spec, 'utf8')).replace(find, replace));

    const result = await codegen(root);

    expect(result.code).toBe(1);
    expect(result.output).toContain('specs/pets.yaml');
    expect(result.output).toContain(want);
  });
});
