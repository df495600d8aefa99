import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoRoot } from '../src/workspace.js';

interface Job {
  permissions?: Record<string, string>;
  steps: Array<{ uses?: string; run?: string; with?: Record<string, unknown> }>;
}

const text = readFileSync(join(repoRoot(), '.github/workflows/release.yml'), 'utf8');
const workflow = parse(text) as { permissions: unknown; jobs: Record<string, Job> };
const jobs = Object.entries(workflow.jobs);

describe('.github/workflows/release.yml', () => {
  it('grants nothing at the top level', () => {
    expect(workflow.permissions).toEqual({});
  });

  it('grants id-token: write to the publishing job only', () => {
    const withIdToken = jobs.filter(([, job]) => job.permissions?.['id-token'] === 'write');
    expect(withIdToken.map(([name]) => name)).toEqual(['publish']);
    const publish = workflow.jobs.publish;
    expect(publish?.steps.some((s) => s.uses?.startsWith('changesets/action@'))).toBe(true);
  });

  it('pins every action to a full commit SHA and names its tag in a comment', () => {
    const uses = text.split('\n').filter((line) => /^\s*-?\s*uses:/.test(line));
    expect(uses.length).toBeGreaterThan(0);
    for (const line of uses) {
      expect(line).toMatch(/uses: [\w.-]+\/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
    }
  });

  it('runs on Node 20 with the pnpm version from packageManager', () => {
    const rootManifest = JSON.parse(readFileSync(join(repoRoot(), 'package.json'), 'utf8'));
    expect(rootManifest.packageManager).toBe('pnpm@10.34.9');
    for (const [, job] of jobs) {
      const node = job.steps.find((s) => s.uses?.startsWith('actions/setup-node@'));
      expect(node?.with?.['node-version']).toBe(20);
      const pnpm = job.steps.find((s) => s.uses?.startsWith('pnpm/action-setup@'));
      // A `version:` input next to packageManager makes pnpm/action-setup fail on a mismatch.
      expect(pnpm?.with?.version).toBeUndefined();
    }
  });

  it('publishes with `pnpm release` and versions with `pnpm version-packages`', () => {
    const step = workflow.jobs.publish?.steps.find((s) => s.uses?.startsWith('changesets/action@'));
    expect(step?.with).toMatchObject({ publish: 'pnpm release', version: 'pnpm version-packages' });
  });
});
