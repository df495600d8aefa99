import { deref, isObject, type Json, type JsonObject } from '../diff/json.ts';

const METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace']);

/** The schema part of a location: `.field`, `[]` for items, `[key]` for additional properties. */
function schemaPath(rest: string[]): string {
  let out = '';
  for (let i = 0; i < rest.length; i++) {
    const segment = rest[i];
    if (segment === 'properties' && rest[i + 1] !== undefined) out += `.${rest[++i]}`;
    else if (segment === 'items') out += '[]';
    else if (segment === 'additionalProperties') out += '[key]';
  }
  return out;
}

/**
 * A location a reader recognises, from a JSON pointer's segments in a bundled spec:
 * `POST /push/{collection}`, `GET /items query parameter limit`, `POST /token → 400 .error`,
 * `TokenResponse.expires_in`, `API (info)`, `server https://…`.
 */
export function describeLocation(doc: JsonObject, segments: string[]): string {
  const [top, a, b, ...rest] = segments;
  if (top === 'paths' && a !== undefined) {
    if (b === undefined || !METHODS.has(b))
      return `${a}${b ? ` ${segments.slice(2).join(' ')}` : ''}`;
    const op = `${b.toUpperCase()} ${a}`;
    const [part, key, ...inner] = rest;
    if (part === 'parameters' && key !== undefined) {
      const pathItem = isObject(doc.paths) ? (doc.paths as JsonObject)[a] : undefined;
      const operation = isObject(pathItem) ? pathItem[b] : undefined;
      const list =
        isObject(operation) && Array.isArray(operation.parameters) ? operation.parameters : [];
      const p = deref(doc, list[Number(key)] as Json).node;
      const name = isObject(p) ? `${p.in} parameter ${p.name}` : `parameter ${key}`;
      return `${op} ${name}${schemaPath(inner)}`;
    }
    if (part === 'requestBody')
      return `${op} request body${suffix(schemaPath([key ?? '', ...inner]))}`;
    if (part === 'responses' && key !== undefined)
      return `${op} → ${key}${suffix(schemaPath(inner))}`;
    return op;
  }
  if (top === 'components' && b !== undefined) {
    if (a === 'schemas') return `${b}${schemaPath(rest)}`;
    if (a === 'responses') {
      const used = responseUsages(doc, b);
      return `${used.length > 0 ? used.join(', ') : `${b} response`}${suffix(schemaPath(rest))}`;
    }
    if (a === 'securitySchemes') return `security scheme ${b}`;
    return `${b} (${a})${schemaPath(rest)}`;
  }
  if (top === 'info') return 'API (info)';
  if (top === 'servers') {
    const server = Array.isArray(doc.servers) ? doc.servers[Number(a)] : undefined;
    return isObject(server) && typeof server.url === 'string' ? `server ${server.url}` : 'servers';
  }
  return segments.join(' › ') || 'API';
}

const suffix = (text: string) => (text ? ` ${text}` : '');

/** Where a shared response component is answered: `POST /token → 429`, one per operation and status. */
function responseUsages(doc: JsonObject, name: string): string[] {
  const ref = `#/components/responses/${name.replaceAll('~', '~0').replaceAll('/', '~1')}`;
  const used: string[] = [];
  for (const [path, item] of Object.entries(isObject(doc.paths) ? doc.paths : {})) {
    if (!isObject(item)) continue;
    for (const [method, operation] of Object.entries(item)) {
      if (!METHODS.has(method) || !isObject(operation) || !isObject(operation.responses)) continue;
      for (const [status, response] of Object.entries(operation.responses)) {
        if (isObject(response) && response.$ref === ref)
          used.push(`${method.toUpperCase()} ${path} → ${status}`);
      }
    }
  }
  return used;
}
