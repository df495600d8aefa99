import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { historyProblem } from '../src/release/git.ts';
import { lastReleaseCommit } from '../src/release/last-release.ts';

const exec = promisify(execFile);

// A throwaway repository whose history is written by each test.
describe('lastReleaseCommit', () => {
  let root: string;
  const git = async (...args: string[]) => (await exec('git', args, { cwd: root })).stdout.trim();
  const commit = async (subject: string, files: Record<string, string>) => {
    for (const [file, text] of Object.entries(files)) {
      await mkdir(join(root, file, '..'), { recursive: true });
      await writeFile(join(root, file), text);
    }
    await git('add', '-A');
    await git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qm', subject);
    return git('rev-parse', 'HEAD');
  };
  const manifest = (version: string, extra = '') =>
    `{ "name": "@x/a", "version": "${version}"${extra} }\n`;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'codegen-history-'));
    await git('init', '-q');
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('is undefined for a package never released', async () => {
    await commit('Add a', { 'packages/a/package.json': manifest('0.0.0') });
    await commit('Tweak a', { 'packages/a/package.json': manifest('0.0.0', ', "x": 1') });
    expect(await lastReleaseCommit(root, 'packages/a')).toBeUndefined();
  });

  it('finds the newest Version Packages commit that changed the version', async () => {
    await commit('Add a', { 'packages/a/package.json': manifest('0.0.0') });
    const first = await commit('Version Packages', {
      'packages/a/package.json': manifest('0.1.0'),
    });
    expect(await lastReleaseCommit(root, 'packages/a')).toBe(first);
    const second = await commit('Version Packages (#12)', {
      'packages/a/package.json': manifest('0.2.0'),
    });
    // A later edit that is no release, and a Version Packages commit that left the version alone.
    await commit('Edit a', { 'packages/a/package.json': manifest('0.2.0', ', "x": 1') });
    await commit('Version Packages', { 'packages/a/package.json': manifest('0.2.0', ', "x": 2') });
    expect(await lastReleaseCommit(root, 'packages/a')).toBe(second);
  });

  it('ignores a version change outside a Version Packages commit', async () => {
    await commit('Add a', { 'packages/a/package.json': manifest('0.0.0') });
    await commit('Bump by hand', { 'packages/a/package.json': manifest('1.0.0') });
    expect(await lastReleaseCommit(root, 'packages/a')).toBeUndefined();
  });

  it('says why a missing or shallow history cannot answer', async () => {
    const plain = await mkdtemp(join(tmpdir(), 'codegen-nogit-'));
    try {
      expect(await historyProblem(plain)).toBe('not a git checkout');
    } finally {
      await rm(plain, { recursive: true, force: true });
    }
    await commit('One', { 'a.txt': '1' });
    await commit('Two', { 'a.txt': '2' });
    expect(await historyProblem(root)).toBeUndefined();
    const shallow = `${root}-shallow`;
    await exec('git', ['clone', '-q', '--depth', '1', `file://${root}`, shallow]);
    try {
      expect(await historyProblem(shallow)).toMatch(/shallow.*git fetch --unshallow/);
    } finally {
      await rm(shallow, { recursive: true, force: true });
    }
  });
});
