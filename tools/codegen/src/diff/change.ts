/**
 * How a consumer of the generated types feels a change: `breaking` can fail their typecheck or their
 * requests, `additive` only adds, `documentation` changes no type.
 */
export type ChangeKind = 'breaking' | 'additive' | 'documentation';

/** One API change, located the way a reader finds it: `GET /pets` or `Pet.name`. */
export interface ApiChange {
  kind: ChangeKind;
  where: string;
  message: string;
}

export type Direction = 'request' | 'response';

const ORDER: Record<ChangeKind, number> = { breaking: 0, additive: 1, documentation: 2 };

/** Sorted (breaking first) and without duplicates (one schema reached from several operations). */
export function normalizeChanges(changes: ApiChange[]): ApiChange[] {
  const seen = new Set<string>();
  return changes
    .filter((c) => {
      const key = `${c.kind}\u0000${c.where}\u0000${c.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => ORDER[a.kind] - ORDER[b.kind] || a.where.localeCompare(b.where));
}

export function formatChange(change: ApiChange): string {
  return `${change.kind.padEnd(13)} ${change.where}: ${change.message}`;
}
