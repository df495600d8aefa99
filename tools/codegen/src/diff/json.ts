/** A parsed (bundled) OpenAPI document or any node inside it. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Follows a local `$ref` (`#/components/...`) in `doc`; returns the node and the ref's last segment. */
export function deref(
  doc: JsonObject,
  node: Json | undefined,
): { node: Json | undefined; name?: string } {
  let current = node;
  let name: string | undefined;
  for (let hops = 0; isObject(current) && typeof current.$ref === 'string' && hops < 32; hops++) {
    const ref: string = current.$ref;
    if (!ref.startsWith('#/')) return { node: current, name };
    const segments = ref.slice(2).split('/').map(unescapePointer);
    name = segments.at(-1);
    let target: Json | undefined = doc;
    for (const segment of segments) target = isObject(target) ? target[segment] : undefined;
    current = target;
  }
  return { node: current, name };
}

export const unescapePointer = (segment: string) =>
  segment.replaceAll('~1', '/').replaceAll('~0', '~');
export const escapePointer = (segment: string) =>
  segment.replaceAll('~', '~0').replaceAll('/', '~1');

/** A schema's types as a sorted list (`type: [string, 'null']` and `nullable` alike). */
export function schemaTypes(schema: JsonObject): string[] {
  const type = schema.type;
  const types = Array.isArray(type) ? type.map(String) : typeof type === 'string' ? [type] : [];
  if (schema.nullable === true && !types.includes('null')) types.push('null');
  return types.sort();
}
