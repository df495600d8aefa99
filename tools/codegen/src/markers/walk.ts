import { escapePointer, isObject, type Json } from '../diff/json.ts';

// Values under these keys are data (examples, defaults), not schemas or operations.
const DATA_KEYS = new Set(['example', 'examples', 'default', 'const', 'enum']);

const NAME_MAPS = new Set([
  'properties',
  'patternProperties',
  'schemas',
  'paths',
  'responses',
  'parameters',
]);

/** Calls `visit` for every object node of a spec with its JSON pointer (`#/paths/~1pets/get`). */
export function walkObjects(
  node: Json,
  visit: (node: { [key: string]: Json }, pointer: string, segments: string[]) => void,
  segments: string[] = [],
) {
  if (Array.isArray(node)) {
    for (const [i, item] of node.entries()) walkObjects(item, visit, [...segments, String(i)]);
    return;
  }
  if (!isObject(node)) return;
  visit(node, toPointer(segments), segments);
  // Under a name map (properties, schemas...) a key is a name, so `default` may be a property.
  const names = NAME_MAPS.has(segments.at(-1) ?? '');
  for (const [key, value] of Object.entries(node)) {
    if (!names && (DATA_KEYS.has(key) || key.startsWith('x-'))) continue;
    walkObjects(value, visit, [...segments, key]);
  }
}

export const toPointer = (segments: string[]) => `#/${segments.map(escapePointer).join('/')}`;
