import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { END, START } from '../src/markers/readme.ts';
import { run } from '../src/run.ts';

const fixtures = join(import.meta.dirname, 'fixtures');

describe('run (generate in-process)', () => {
  let root: string;
  const read = (file: string) => readFile(join(root, file), 'utf8');
  const edit = async (file: string, find: string, replace: string) =>
    writeFile(join(root, file), (await read(file)).replace(find, replace));

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'codegen-run-'));
    await cp(fixtures, root, { recursive: true });
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('is up to date on the committed fixture', async () => {
    expect(await run(root, { check: true })).toMatchObject({ problems: [], changed: [] });
  });

  it.each([
    ['the spec', { file: 'specs/pets.yaml', find: 'type: integer', replace: 'type: string' }],
    ['a $ref-shared file', { file: 'specs/common/pet.yaml', find: '[id, name]', replace: '[id]' }],
  ])(
    'reports the stale file and leaves it alone in check mode after editing %s',
    async (_name, e) => {
      await edit(e.file, e.find, e.replace);
      const before = await read('packages/pets/src/generated/api.ts');
      expect((await run(root, { check: true })).changed).toEqual([
        'packages/pets/src/generated/api.ts',
      ]);
      expect(await read('packages/pets/src/generated/api.ts')).toBe(before);
    },
  );

  it('regenerates a stale file so that --check passes again', async () => {
    await edit('specs/pets.yaml', 'name: { type: string }', 'x: 1');
    await edit('specs/common/pet.yaml', '[id, name]', '[id]');
    expect((await run(root, { check: false })).changed).toEqual([
      'packages/pets/src/generated/api.ts',
    ]);
    expect(await read('packages/pets/src/generated/api.ts')).toContain('name?: string');
    expect((await run(root, { check: true })).changed).toEqual([]);
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
  ])('fails on %s with the file and JSON path', async (_name, { find, replace, want }) => {
    await edit('specs/pets.yaml', find, replace);
    const { problems } = await run(root, { check: false });
    expect(problems).toEqual([expect.objectContaining({ file: 'specs/pets.yaml', pointer: want })]);
  });

  it('marker problems are warnings, or errors with strictMarkers', async () => {
    await edit(
      'specs/common/pet.yaml',
      'type: object',
      'type: object\n  x-searchauth-assumption: true',
    );
    const relaxed = await run(root, { check: true });
    expect(relaxed.problems).toEqual([]);
    expect(relaxed.warnings.map((w) => `${w.file} ${w.pointer}`)).toEqual([
      'specs/common/pet.yaml #/Pet/x-searchauth-assumption',
    ]);
    const strict = await run(root, { check: true, strictMarkers: true });
    expect(strict.problems.map((w) => w.pointer)).toEqual(['#/Pet/x-searchauth-assumption']);
  });

  describe('README Assumptions tables', () => {
    const readme = `# pets\n\n## Assumptions\n\n${START}\n${END}\n`;
    const marker =
      '      x-searchauth-assumption:\n        assumed: Pets are listed at /pets\n        why: The vendor page shows no URL\n        override: petsPath option\n';

    it('writes the table from the markers, and --check names the stale README', async () => {
      await writeFile(join(root, 'packages/pets/README.md'), readme);
      await edit(
        'specs/pets.yaml',
        '      operationId: listPets\n',
        `      operationId: listPets\n${marker}`,
      );
      await run(root, { check: false });
      // Markers do not change the generated types, only the README.
      const stale = await run(root, { check: true });
      expect(stale.changed).toEqual([]);
      const table = await read('packages/pets/README.md');
      expect(table).toContain(
        '| `GET /pets` | Pets are listed at /pets | The vendor page shows no URL | petsPath option |',
      );

      await edit('specs/pets.yaml', 'Pets are listed at /pets', 'Pets live at /pets');
      expect((await run(root, { check: true })).changed).toEqual(['packages/pets/README.md']);
    });

    it('leaves a README without the markers alone', async () => {
      await writeFile(join(root, 'packages/pets/README.md'), '# pets\n');
      await edit(
        'specs/pets.yaml',
        '      operationId: listPets\n',
        `      operationId: listPets\n${marker}`,
      );
      expect((await run(root, { check: false })).changed).toEqual([]);
      expect(await read('packages/pets/README.md')).toBe('# pets\n');
    });

    it('lists every vendor in the testkit README', async () => {
      await cp(join(root, 'packages/pets'), join(root, 'packages/testkit'), { recursive: true });
      await writeFile(join(root, 'packages/testkit/README.md'), readme);
      await edit(
        'specs/pets.yaml',
        '      operationId: listPets\n',
        `      operationId: listPets\n${marker}`,
      );
      await run(root, { check: false });
      expect(await read('packages/testkit/README.md')).toContain(
        '- `GET /pets`: Pets are listed at /pets _Why a guess:_ The vendor page shows no URL _Override:_ petsPath option',
      );
    });
  });
});
