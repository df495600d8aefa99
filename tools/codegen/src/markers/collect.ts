import type { JsonObject } from '../diff/json.ts';
import { ASSUMPTION, type Assumption, toAssumption } from './marker.ts';
import { walkObjects } from './walk.ts';
import { describeLocation } from './where.ts';

/** One assumption marker with the place it concerns. */
export interface LocatedAssumption extends Assumption {
  where: string;
}

/** Every valid assumption marker of a (bundled) spec, in document order. */
export function collectAssumptions(doc: JsonObject): LocatedAssumption[] {
  const found: LocatedAssumption[] = [];
  walkObjects(doc, (node, _pointer, segments) => {
    const assumption = toAssumption(node[ASSUMPTION]);
    if (assumption) found.push({ where: describeLocation(doc, segments), ...assumption });
  });
  return found;
}
