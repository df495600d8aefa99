import { isObject, type Json } from '../diff/json.ts';

export const ASSUMPTION = 'x-searchauth-assumption';
export const OPEN = 'x-searchauth-open';

/** A guess about a vendor, as agreed for every spec: what is assumed, why, and what overrides it. */
export interface Assumption {
  assumed: string;
  why: string;
  override?: string;
}

export const MARKER_FORMAT = `${ASSUMPTION}: { assumed: <what is assumed, one sentence>, why: <why it is a guess>, override: <optional: the client option that overrides it> }`;

const text = (value: Json | undefined) => typeof value === 'string' && value.trim().length > 0;

/** Why `value` is not a valid assumption marker, or undefined when it is one. */
export function assumptionProblem(value: Json | undefined): string | undefined {
  if (value === true) return `a bare \`true\` says nothing; write ${MARKER_FORMAT}`;
  if (!isObject(value)) return `must be an object: ${MARKER_FORMAT}`;
  const missing = (['assumed', 'why'] as const).filter((k) => !text(value[k]));
  if (missing.length > 0) return `needs non-empty ${missing.join(' and ')}: ${MARKER_FORMAT}`;
  if ('override' in value && !text(value.override))
    return '`override` must be a non-empty string when present';
  const unknown = Object.keys(value).filter((k) => !['assumed', 'why', 'override'].includes(k));
  if (unknown.length > 0) return `unknown key(s) ${unknown.join(', ')}: ${MARKER_FORMAT}`;
  return undefined;
}

export function toAssumption(value: Json | undefined): Assumption | undefined {
  if (assumptionProblem(value) !== undefined || !isObject(value)) return undefined;
  const { assumed, why, override } = value as unknown as Assumption;
  return override === undefined ? { assumed, why } : { assumed, why, override };
}
