import type { ApiChange, ChangeKind, Direction } from './change.ts';
import { deref, isObject, type Json, type JsonObject, schemaTypes } from './json.ts';

/** What one schema comparison needs: both documents (for $refs), the direction, and a sink. */
export interface DiffContext {
  before: JsonObject;
  after: JsonObject;
  direction: Direction;
  push(change: ApiChange): void;
  /** Named schema pairs already compared in this direction: stops recursion and repeats. */
  seen: Set<string>;
}

// Keywords that constrain values but not the generated TypeScript type.
const CONSTRAINTS = [
  'format',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
  'pattern',
  'minItems',
  'maxItems',
  'default',
] as const;
const COMPOSITIONS = ['oneOf', 'anyOf', 'allOf'] as const;

const show = (value: Json | undefined) => JSON.stringify(value);
const request = (ctx: DiffContext) => ctx.direction === 'request';

/** An open object: openapi-typescript gives it `[key: string]: unknown`. */
export function isOpen(additional: Json | undefined): boolean {
  if (additional === true) return true;
  if (!isObject(additional)) return false;
  return Object.keys(additional).every(
    (k) => k === 'description' || k === 'title' || k.startsWith('x-'),
  );
}

export function diffSchema(
  ctx: DiffContext,
  where: string,
  a: Json | undefined,
  b: Json | undefined,
) {
  const left = deref(ctx.before, a);
  const right = deref(ctx.after, b);
  let label = where;
  if (left.name !== undefined && left.name === right.name) {
    label = left.name;
    const key = `${ctx.direction}:${left.name}`;
    if (ctx.seen.has(key)) return;
    ctx.seen.add(key);
  }
  const x = left.node;
  const y = right.node;
  if (!isObject(x) || !isObject(y)) {
    if (show(x) !== show(y))
      ctx.push({ kind: 'breaking', where: label, message: 'schema replaced' });
    return;
  }
  diffTypes(ctx, label, x, y);
  diffEnum(ctx, label, x, y);
  diffProperties(ctx, label, x, y);
  diffOpenness(ctx, label, x, y);
  if (x.items !== undefined || y.items !== undefined)
    diffSchema(ctx, `${label}[]`, x.items, y.items);
  for (const keyword of COMPOSITIONS) diffComposition(ctx, label, keyword, x[keyword], y[keyword]);
  for (const keyword of CONSTRAINTS) {
    if (show(x[keyword]) !== show(y[keyword])) {
      const message = `\`${keyword}\` changed from ${show(x[keyword])} to ${show(y[keyword])}`;
      ctx.push({ kind: 'documentation', where: label, message });
    }
  }
  if (x.description !== y.description)
    ctx.push({ kind: 'documentation', where: label, message: 'description changed' });
}

function diffTypes(ctx: DiffContext, where: string, x: JsonObject, y: JsonObject) {
  const a = schemaTypes(x);
  const b = schemaTypes(y);
  if (a.length === 0 || b.length === 0 || a.join() === b.join()) return;
  const widened = a.every((t) => b.includes(t));
  const narrowed = b.every((t) => a.includes(t));
  // A wider type is more a request accepts and more a response reader must handle.
  let kind: ChangeKind = 'breaking';
  if (widened) kind = request(ctx) ? 'additive' : 'breaking';
  else if (narrowed) kind = request(ctx) ? 'breaking' : 'additive';
  ctx.push({ kind, where, message: `type changed from ${a.join(' | ')} to ${b.join(' | ')}` });
}

function enumValues(schema: JsonObject): Json[] | undefined {
  if (Array.isArray(schema.enum)) return schema.enum;
  return 'const' in schema ? [schema.const as Json] : undefined;
}

function diffEnum(ctx: DiffContext, where: string, x: JsonObject, y: JsonObject) {
  const a = enumValues(x);
  const b = enumValues(y);
  if (!a || !b) {
    if (a && !b)
      ctx.push({
        kind: request(ctx) ? 'additive' : 'breaking',
        where,
        message: 'enum removed (any value)',
      });
    if (!a && b)
      ctx.push({
        kind: request(ctx) ? 'breaking' : 'additive',
        where,
        message: `restricted to ${show(b)}`,
      });
    return;
  }
  const removed = a.filter((v) => !b.some((w) => show(w) === show(v)));
  const added = b.filter((v) => !a.some((w) => show(w) === show(v)));
  // A removed literal no longer compares; an added response literal breaks exhaustive switches.
  if (removed.length > 0)
    ctx.push({
      kind: 'breaking',
      where,
      message: `enum value(s) removed: ${removed.map(show).join(', ')}`,
    });
  if (added.length > 0) {
    const kind = request(ctx) ? 'additive' : 'breaking';
    ctx.push({ kind, where, message: `enum value(s) added: ${added.map(show).join(', ')}` });
  }
}

function diffProperties(ctx: DiffContext, where: string, x: JsonObject, y: JsonObject) {
  const a = isObject(x.properties) ? x.properties : {};
  const b = isObject(y.properties) ? y.properties : {};
  const requiredA = new Set(Array.isArray(x.required) ? x.required.map(String) : []);
  const requiredB = new Set(Array.isArray(y.required) ? y.required.map(String) : []);
  const side = request(ctx) ? 'request' : 'response';
  for (const name of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const at = `${where}.${name}`;
    const was = requiredA.has(name) ? 'required' : 'optional';
    const now = requiredB.has(name) ? 'required' : 'optional';
    if (!(name in b)) {
      ctx.push({ kind: 'breaking', where: at, message: `${was} ${side} field removed` });
    } else if (!(name in a)) {
      const kind = request(ctx) && now === 'required' ? 'breaking' : 'additive';
      ctx.push({ kind, where: at, message: `${now} ${side} field added` });
    } else {
      if (was !== now) {
        // A reader loses a guarantee when a field becomes optional; a caller gains a duty when it becomes required.
        const breaking = request(ctx) ? now === 'required' : now === 'optional';
        ctx.push({
          kind: breaking ? 'breaking' : 'additive',
          where: at,
          message: `${side} field made ${now}`,
        });
      }
      diffSchema(ctx, at, a[name], b[name]);
    }
  }
}

function diffOpenness(ctx: DiffContext, where: string, x: JsonObject, y: JsonObject) {
  const a = isOpen(x.additionalProperties);
  const b = isOpen(y.additionalProperties);
  if (a && !b)
    ctx.push({
      kind: 'breaking',
      where,
      message: 'closed: no longer accepts unknown fields ([key: string] removed)',
    });
  if (!a && b)
    ctx.push({
      kind: 'additive',
      where,
      message: 'opened: accepts unknown fields ([key: string]: unknown)',
    });
  if (!a && !b && (isObject(x.additionalProperties) || isObject(y.additionalProperties)))
    diffSchema(ctx, `${where}[key]`, x.additionalProperties, y.additionalProperties);
}

function diffComposition(
  ctx: DiffContext,
  where: string,
  keyword: string,
  a: Json | undefined,
  b: Json | undefined,
) {
  const x = Array.isArray(a) ? a : [];
  const y = Array.isArray(b) ? b : [];
  if (x.length === 0 && y.length === 0) return;
  if (x.length !== y.length) {
    ctx.push({
      kind: 'breaking',
      where,
      message: `${keyword} changed from ${x.length} to ${y.length} alternative(s)`,
    });
    return;
  }
  for (const [i, item] of x.entries()) diffSchema(ctx, `${where}(${keyword} ${i + 1})`, item, y[i]);
}
