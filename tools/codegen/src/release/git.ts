import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const exec = promisify(execFile);

/** Runs git in `root`; stdout, or undefined when git fails (not a repository, unknown object...). */
export async function git(root: string, args: string[]): Promise<string | undefined> {
  try {
    const { stdout } = await exec('git', args, { cwd: root, maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } catch {
    return undefined;
  }
}

/** Why the history cannot answer "when was this released", or undefined when it can. */
export async function historyProblem(root: string): Promise<string | undefined> {
  const inside = await git(root, ['rev-parse', '--is-inside-work-tree']);
  if (inside?.trim() !== 'true') return 'not a git checkout';
  const shallow = await git(root, ['rev-parse', '--is-shallow-repository']);
  if (shallow?.trim() === 'true')
    return 'the clone is shallow (fetch the history: `git fetch --unshallow`)';
  return undefined;
}
