import { type ApiChange, type Direction, normalizeChanges } from './change.ts';
import { deref, isObject, type Json, type JsonObject } from './json.ts';
import { type DiffContext, diffSchema } from './schema-diff.ts';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'] as const;

/**
 * The API changes from one bundled spec to the next, each classified for a consumer of the
 * generated types. `before` undefined (never released) compares with nothing: every operation is added.
 */
export function diffSpecs(before: JsonObject | undefined, after: JsonObject): ApiChange[] {
  const changes: ApiChange[] = [];
  const seen = new Set<string>();
  const old: JsonObject = before ?? { paths: {} };
  const context = (direction: Direction): DiffContext => ({
    before: old,
    after,
    direction,
    seen,
    push: (c) => changes.push(c),
  });
  const pathsA = isObject(old.paths) ? old.paths : {};
  const pathsB = isObject(after.paths) ? after.paths : {};
  for (const path of new Set([...Object.keys(pathsA), ...Object.keys(pathsB)])) {
    const itemA = deref(old, pathsA[path]).node;
    const itemB = deref(after, pathsB[path]).node;
    for (const method of METHODS) {
      const opA = isObject(itemA) ? itemA[method] : undefined;
      const opB = isObject(itemB) ? itemB[method] : undefined;
      const where = `${method.toUpperCase()} ${path}`;
      if (!isObject(opA) && !isObject(opB)) continue;
      if (!isObject(opB)) changes.push({ kind: 'breaking', where, message: 'operation removed' });
      else if (!isObject(opA))
        changes.push({ kind: 'additive', where, message: 'operation added' });
      else {
        const operation = { where, context, push: (c: ApiChange) => changes.push(c) };
        diffParameters(operation, [itemA as JsonObject, opA], [itemB as JsonObject, opB]);
        diffRequestBody(operation, opA.requestBody, opB.requestBody);
        diffResponses(operation, opA.responses, opB.responses);
        for (const key of ['summary', 'description', 'deprecated'] as const) {
          if (JSON.stringify(opA[key]) !== JSON.stringify(opB[key]))
            changes.push({ kind: 'documentation', where, message: `${key} changed` });
        }
      }
    }
  }
  if (before && JSON.stringify(old.info) !== JSON.stringify(after.info))
    changes.push({
      kind: 'documentation',
      where: 'info',
      message: 'title, version or description changed',
    });
  if (before && JSON.stringify(old.servers) !== JSON.stringify(after.servers))
    changes.push({ kind: 'documentation', where: 'servers', message: 'servers changed' });
  return normalizeChanges(changes);
}

interface Operation {
  where: string;
  context: (direction: Direction) => DiffContext;
  push: (change: ApiChange) => void;
}

/** Path-level and operation-level parameters keyed `in name` (the operation's win). */
function parameters(doc: JsonObject, levels: JsonObject[]): Map<string, JsonObject> {
  const byKey = new Map<string, JsonObject>();
  for (const level of levels) {
    for (const raw of Array.isArray(level.parameters) ? level.parameters : []) {
      const p = deref(doc, raw).node;
      if (isObject(p)) byKey.set(`${p.in} parameter \`${p.name}\``, p);
    }
  }
  return byKey;
}

function diffParameters(op: Operation, levelsA: JsonObject[], levelsB: JsonObject[]) {
  const ctx = op.context('request');
  const a = parameters(ctx.before, levelsA);
  const b = parameters(ctx.after, levelsB);
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    const pa = a.get(key);
    const pb = b.get(key);
    const was = pa?.required === true ? 'required' : 'optional';
    const now = pb?.required === true ? 'required' : 'optional';
    if (!pb) op.push({ kind: 'breaking', where: op.where, message: `${was} ${key} removed` });
    else if (!pa)
      op.push({
        kind: now === 'required' ? 'breaking' : 'additive',
        where: op.where,
        message: `${now} ${key} added`,
      });
    else {
      if (was !== now)
        op.push({
          kind: now === 'required' ? 'breaking' : 'additive',
          where: op.where,
          message: `${key} made ${now}`,
        });
      diffSchema(ctx, `${op.where} ${key}`, pa.schema, pb.schema);
    }
  }
}

/** The JSON schema of a body: application/json, else any +json type, else the first one. */
function bodySchema(content: Json | undefined): Json | undefined {
  if (!isObject(content)) return undefined;
  const type =
    Object.keys(content).find((t) => t === 'application/json') ??
    Object.keys(content).find((t) => t.endsWith('+json')) ??
    Object.keys(content)[0];
  const media = type ? content[type] : undefined;
  return isObject(media) ? media.schema : undefined;
}

function diffRequestBody(op: Operation, rawA: Json | undefined, rawB: Json | undefined) {
  const ctx = op.context('request');
  const a = deref(ctx.before, rawA).node;
  const b = deref(ctx.after, rawB).node;
  const where = `${op.where} request body`;
  if (!isObject(a) && !isObject(b)) return;
  const required = (body: Json | undefined) =>
    isObject(body) && body.required === true ? 'required' : 'optional';
  if (!isObject(b)) return op.push({ kind: 'breaking', where, message: 'removed' });
  if (!isObject(a)) {
    const kind = required(b) === 'required' ? 'breaking' : 'additive';
    return op.push({ kind, where, message: `${required(b)} request body added` });
  }
  if (required(a) !== required(b))
    op.push({
      kind: required(b) === 'required' ? 'breaking' : 'additive',
      where,
      message: `made ${required(b)}`,
    });
  diffSchema(ctx, where, bodySchema(a.content), bodySchema(b.content));
}

function diffResponses(op: Operation, rawA: Json | undefined, rawB: Json | undefined) {
  const ctx = op.context('response');
  const a = isObject(rawA) ? rawA : {};
  const b = isObject(rawB) ? rawB : {};
  for (const status of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const where = `${op.where} → ${status}`;
    const ra = deref(ctx.before, a[status]).node;
    const rb = deref(ctx.after, b[status]).node;
    if (!isObject(rb)) op.push({ kind: 'breaking', where, message: 'response removed' });
    else if (!isObject(ra)) op.push({ kind: 'additive', where, message: 'response added' });
    else diffSchema(ctx, where, bodySchema(ra.content), bodySchema(rb.content));
  }
}
