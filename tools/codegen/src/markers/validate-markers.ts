import type { Json } from '../diff/json.ts';
import { isOpen } from '../diff/schema-diff.ts';
import type { SpecProblem } from '../validate.ts';
import { ASSUMPTION, assumptionProblem, OPEN } from './marker.ts';
import { walkObjects } from './walk.ts';

export const OPEN_OBJECT = `open object without a reason: add \`${OPEN}: <reason>\` or an ${ASSUMPTION} marker, or close it`;

/** Printed once under the warnings: why an open object needs a reason. */
export const OPEN_OBJECT_WHY = `An open object (additionalProperties: true) makes openapi-typescript add \`[key: string]: unknown\`, so a renamed or removed field still compiles for consumers. Keep it open only where the vendor documents extra fields.`;

/**
 * The searchauth rules on top of OpenAPI validity, for one parsed spec file: every assumption
 * marker has the agreed shape, and every open object (openapi-typescript gives it
 * `[key: string]: unknown`, which hides a renamed field from consumers) says why it is open.
 */
export function validateMarkers(doc: Json, file: string): SpecProblem[] {
  const problems: SpecProblem[] = [];
  walkObjects(doc, (node, pointer) => {
    if (ASSUMPTION in node) {
      const problem = assumptionProblem(node[ASSUMPTION]);
      if (problem) problems.push({ file, pointer: `${pointer}/${ASSUMPTION}`, message: problem });
    }
    if (OPEN in node && (typeof node[OPEN] !== 'string' || node[OPEN].trim() === '')) {
      problems.push({
        file,
        pointer: `${pointer}/${OPEN}`,
        message: `must be the reason the object is open (a non-empty string)`,
      });
    }
    if (isOpen(node.additionalProperties) && !(ASSUMPTION in node) && !(OPEN in node)) {
      problems.push({
        file,
        pointer,
        message: OPEN_OBJECT,
      });
    }
  });
  return problems;
}
