import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkReleases, formatUncovered } from '../src/release/release-check.ts';
import { findTargets } from '../src/targets.ts';

const exec = promisify(execFile);
const fixtures = join(import.meta.dirname, 'fixtures');

// The fixture workspace as a git repository whose @x/pets was released at 1.0.0.
describe('checkReleases', () => {
  let root: string;
  const git = (...args: string[]) =>
    exec('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: root });
  const edit = async (file: string, find: string, replace: string) => {
    const text = await readFile(join(root, file), 'utf8');
    await writeFile(join(root, file), text.replace(find, replace));
  };
  const check = async () => checkReleases(root, await findTargets(root));

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'codegen-release-'));
    await cp(fixtures, root, { recursive: true });
    await mkdir(join(root, '.changeset'));
    const manifest = (version: string) => `{ "name": "@x/pets", "version": "${version}" }\n`;
    await writeFile(join(root, 'packages/pets/package.json'), manifest('0.0.0'));
    await git('init', '-q');
    await git('add', '-A');
    await git('commit', '-qm', 'Add pets');
    await writeFile(join(root, 'packages/pets/package.json'), manifest('1.0.0'));
    await git('commit', '-qam', 'Version Packages');
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('passes when the spec is as released', async () => {
    expect(await check()).toEqual({ uncovered: [] });
  });

  it('fails a breaking change without a changeset, naming package, changes and fix', async () => {
    await edit('specs/common/pet.yaml', 'name: { type: string }', 'title: { type: string }');
    const { uncovered } = await check();
    expect(uncovered).toHaveLength(1);
    const message = uncovered.map(formatUncovered).join('\n');
    expect(message).toContain('@x/pets 1.0.0');
    expect(message).toContain('needs at least a major bump, but it has no pending changeset');
    expect(message).toContain('Pet.name: required response field removed');
    expect(message).toContain('pnpm changeset');
  });

  it.each<[string, { changeset: string; want: number }]>([
    ['a too small changeset', { changeset: '"@x/pets": minor', want: 1 }],
    ['a major changeset', { changeset: '"@x/pets": major', want: 0 }],
  ])('a breaking change with %s', async (_name, { changeset, want }) => {
    await edit('specs/common/pet.yaml', '[id, name]', '[id]');
    await writeFile(
      join(root, '.changeset', 'pets.md'),
      `---\n${changeset}\n---\n\nPet.name optional.\n`,
    );
    expect((await check()).uncovered).toHaveLength(want);
  });

  it('needs a minor for an added optional parameter from 1.0', async () => {
    await edit(
      'specs/pets.yaml',
      '      responses:',
      '        - { name: q, in: query, schema: { type: string } }\n      responses:',
    );
    const { uncovered } = await check();
    expect(uncovered.map((u) => [u.needed, u.changes.map((c) => c.message)])).toEqual([
      ['minor', ['optional query parameter `q` added']],
    ]);
  });

  it('skips with a reason outside a git checkout', async () => {
    await rm(join(root, '.git'), { recursive: true, force: true });
    expect(await check()).toEqual({ skipped: 'not a git checkout', uncovered: [] });
  });
});
