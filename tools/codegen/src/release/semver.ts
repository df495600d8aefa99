import type { ApiChange } from '../diff/change.ts';

export type Bump = 'patch' | 'minor' | 'major';
export const BUMP_RANK: Record<Bump, number> = { patch: 1, minor: 2, major: 3 };

/**
 * The smallest bump the changes need. While 0.x, semver's minor is the breaking position, so
 * breaking → minor and additive → patch; from 1.0 breaking → major and additive → minor.
 * Documentation-only changes need none.
 */
export function impliedBump(version: string, changes: ApiChange[]): Bump | undefined {
  const preOne = /^0\./.test(version);
  if (changes.some((c) => c.kind === 'breaking')) return preOne ? 'minor' : 'major';
  if (changes.some((c) => c.kind === 'additive')) return preOne ? 'patch' : 'minor';
  return undefined;
}

/** True when `pending` (the largest pending changeset bump, if any) covers `needed`. */
export function covers(pending: Bump | undefined, needed: Bump | undefined): boolean {
  if (needed === undefined) return true;
  return pending !== undefined && BUMP_RANK[pending] >= BUMP_RANK[needed];
}
