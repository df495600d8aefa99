import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiChange, ChangeKind } from '../src/diff/change.ts';
import { pendingBumps } from '../src/release/pending-bumps.ts';
import { type Bump, covers, impliedBump } from '../src/release/semver.ts';

const changes = (...kinds: ChangeKind[]): ApiChange[] =>
  kinds.map((kind) => ({ kind, where: 'X', message: 'm' }));

describe('impliedBump', () => {
  it.each<[string, { given: [string, ApiChange[]]; want: Bump | undefined }]>([
    ['breaking from 1.0', { given: ['1.2.3', changes('additive', 'breaking')], want: 'major' }],
    ['breaking while 0.x', { given: ['0.4.0', changes('breaking')], want: 'minor' }],
    [
      'additive from 1.0',
      { given: ['2.0.0', changes('additive', 'documentation')], want: 'minor' },
    ],
    ['additive while 0.x', { given: ['0.1.0', changes('additive')], want: 'patch' }],
    ['documentation only', { given: ['1.0.0', changes('documentation')], want: undefined }],
    ['nothing', { given: ['1.0.0', []], want: undefined }],
  ])('%s', (_name, { given, want }) => {
    expect(impliedBump(...given)).toBe(want);
  });
});

describe('covers', () => {
  it.each<[string, { given: [Bump | undefined, Bump | undefined]; want: boolean }]>([
    ['nothing needed', { given: [undefined, undefined], want: true }],
    ['no changeset', { given: [undefined, 'patch'], want: false }],
    ['smaller changeset', { given: ['minor', 'major'], want: false }],
    ['equal changeset', { given: ['minor', 'minor'], want: true }],
    ['bigger changeset', { given: ['major', 'patch'], want: true }],
  ])('%s', (_name, { given, want }) => {
    expect(covers(...given)).toBe(want);
  });
});

describe('pendingBumps', () => {
  it('takes the largest bump per package over every pending changeset', async () => {
    const root = await mkdtemp(join(tmpdir(), 'codegen-bumps-'));
    try {
      await mkdir(join(root, '.changeset'));
      await writeFile(join(root, '.changeset', 'README.md'), '---\n"@x/ignored": major\n---\n');
      await writeFile(
        join(root, '.changeset', 'a.md'),
        '---\n"@x/a": patch\n\'@x/b\': minor\n---\n\nText.\n',
      );
      await writeFile(
        join(root, '.changeset', 'b.md'),
        '---\n"@x/a": minor\n"@x/b": patch\n---\n\nMore.\n',
      );
      expect(Object.fromEntries(pendingBumps(root))).toEqual({ '@x/a': 'minor', '@x/b': 'minor' });
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
