import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bundle, createConfig } from '@redocly/openapi-core';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { VendorName } from '../../src/index.js';

export const SPECS_DIR = fileURLToPath(new URL('../../../../specs/', import.meta.url));

/**
 * The specs the simulator is held to, by name, with the vendor whose routes each describes. A vendor
 * may have several: its operations are looked up in each, in this order.
 */
export const SPECS = {
  sparque: { vendor: 'sparque', file: `${SPECS_DIR}sparque.yaml` },
  'lucidworks-springboard': {
    vendor: 'lucidworks-springboard',
    file: `${SPECS_DIR}lucidworks-springboard.yaml`,
  },
  'lucidworks-ai': { vendor: 'lucidworks-ai', file: `${SPECS_DIR}lucidworks-ai.yaml` },
  squirro: { vendor: 'squirro', file: `${SPECS_DIR}squirro.yaml` },
  oauth2: { vendor: 'oauth2', file: `${SPECS_DIR}oauth2-client-credentials.yaml` },
  // The OAuth2 spec covers the token endpoint; the API behind it is the user's own. The oauth2
  // package's bring-your-own-spec example describes the simulator's GET /v1/search, so users who
  // follow its README against the simulator get what the spec promises.
  'oauth2-example': {
    vendor: 'oauth2',
    file: fileURLToPath(new URL('../../../oauth2/examples/search-api.yaml', import.meta.url)),
  },
} as const satisfies Record<string, { vendor: VendorName; file: string }>;

export type SpecName = keyof typeof SPECS;

export const SPEC_NAMES = Object.keys(SPECS) as SpecName[];

/** The names of the specs describing a vendor's routes. */
export function specsOf(vendor: VendorName): SpecName[] {
  return SPEC_NAMES.filter((name) => SPECS[name].vendor === vendor);
}

type Json = Record<string, unknown>;

export interface Operation {
  method: string;
  /** Template as written in the spec, e.g. `/query/search`. */
  template: string;
  pattern: RegExp;
  operationId?: string;
  /** JSON pointer of the operation's `responses` object in the bundled document. */
  responsesPointer: string;
}

export interface LoadedSpec {
  name: SpecName;
  /** `$id` under which the bundled document is registered with Ajv. */
  id: string;
  doc: Json;
  operations: Operation[];
}

export interface ResponseUnderTest {
  method: string;
  path: string;
  status: number;
  contentType: string | null;
  /** Parsed JSON, or the raw text for other media types; undefined for an empty body. */
  body: unknown;
  /** Validate against this operation instead of finding one by path (SPARQUE's long paths). */
  operationId?: string;
  /**
   * For a 2xx, validate the body against this component schema instead of the operation's own
   * (still checking that the status and media type are declared). Used where the operation's
   * schema is a union that cannot tell the variants apart.
   */
  component?: string;
}

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
const compiled = new Map<string, ValidateFunction>();
const loaded = new Map<SpecName, Promise<LoadedSpec | undefined>>();

/** Bundles the named spec; undefined while that spec does not exist yet. */
export function loadSpec(name: SpecName): Promise<LoadedSpec | undefined> {
  let promise = loaded.get(name);
  if (!promise) {
    promise = existsSync(SPECS[name].file) ? readSpec(name) : Promise.resolve(undefined);
    loaded.set(name, promise);
  }
  return promise;
}

/** The loaded specs of a vendor, in `SPECS` order (those that exist). */
export async function loadSpecsOf(vendor: VendorName): Promise<LoadedSpec[]> {
  const specs = await Promise.all(specsOf(vendor).map(loadSpec));
  return specs.filter((spec) => spec !== undefined);
}

// Bundled, not dereferenced: schemas may be recursive (Squirro's aggregation buckets), so the whole
// document is registered with Ajv once and each response schema is compiled as a $ref into it.
async function readSpec(name: SpecName): Promise<LoadedSpec> {
  const config = await createConfig({});
  const result = await bundle({ ref: SPECS[name].file, config });
  const doc = result.bundle.parsed as Json;
  const id = `https://specs.searchauth.local/${name}.yaml`;
  ajv.addSchema({ ...doc, $id: id }, undefined, undefined, false);
  const operations: Operation[] = [];
  for (const [template, raw] of Object.entries((doc.paths ?? {}) as Record<string, Json>)) {
    const [itemPointer, item] = follow(doc, `#/paths/${pointerEscape(template)}`, raw);
    for (const method of ['get', 'post', 'put', 'delete', 'patch']) {
      const op = item[method] as Json | undefined;
      if (!op) continue;
      operations.push({
        method: method.toUpperCase(),
        template,
        pattern: templateToRegExp(template),
        operationId: op.operationId as string | undefined,
        responsesPointer: `${itemPointer}/${method}/responses`,
      });
    }
  }
  return { name, id, doc, operations };
}

const pointerEscape = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

function resolvePointer(doc: Json, pointer: string): Json | undefined {
  let node: unknown = doc;
  for (const part of pointer.replace(/^#\/?/, '').split('/').filter(Boolean)) {
    const key = decodeURIComponent(part).replace(/~1/g, '/').replace(/~0/g, '~');
    node = (node as Json | undefined)?.[key];
  }
  return node as Json | undefined;
}

/** Follows `$ref`s of non-schema objects (path items, responses) to where they point. */
function follow(doc: Json, pointer: string, node: Json | undefined): [string, Json] {
  let here = pointer;
  let value = node;
  for (let hops = 0; value && typeof value.$ref === 'string' && hops < 10; hops++) {
    here = value.$ref as string;
    value = resolvePointer(doc, here);
  }
  return [here, value ?? {}];
}

function templateToRegExp(template: string): RegExp {
  const source = template
    .split(/(\{[^}]+\})/)
    .map((part) => (part.startsWith('{') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`);
}

export function findOperation(
  spec: LoadedSpec,
  method: string,
  path: string,
  operationId?: string,
) {
  return spec.operations.find((op) =>
    operationId ? op.operationId === operationId : op.method === method && op.pattern.test(path),
  );
}

/**
 * Checks one response against the vendor's specs: an operation must exist in one of them, must
 * declare the status, the media type must be declared, and the body must match its schema. Returns
 * the problems found (empty = conforms), or undefined when the vendor has no spec yet.
 */
export async function validateResponse(
  vendor: VendorName,
  response: ResponseUnderTest,
): Promise<string[] | undefined> {
  const specs = await loadSpecsOf(vendor);
  if (specs.length === 0) return undefined;
  const where = `${response.method} ${response.path} -> ${response.status}`;
  const found = specs
    .map((spec) => ({
      spec,
      op: findOperation(spec, response.method, response.path, response.operationId),
    }))
    .find((candidate) => candidate.op !== undefined);
  if (!found?.op) {
    return [`${where}: no operation in ${specs.map((spec) => spec.name).join(' or ')}`];
  }
  const { spec, op } = found;
  const responses = resolvePointer(spec.doc, op.responsesPointer) ?? {};
  const key = [String(response.status), `${String(response.status)[0]}XX`, 'default'].find(
    (k) => responses[k] !== undefined,
  );
  if (!key) return [`${where}: status not declared by ${op.operationId ?? op.template}`];
  const [declaredPointer, declared] = follow(
    spec.doc,
    `${op.responsesPointer}/${key}`,
    responses[key] as Json,
  );
  const content = declared.content as Record<string, Json> | undefined;
  if (!content) {
    return response.body === undefined ? [] : [`${where}: spec declares no body, got one`];
  }
  const mediaType = (response.contentType ?? '').split(';')[0]?.trim() ?? '';
  const media = content[mediaType];
  if (!media)
    return [
      `${where}: media type "${mediaType}" not declared (${Object.keys(content).join(', ')})`,
    ];
  if (!media.schema) return [];
  const ok = response.status >= 200 && response.status < 300 && mediaType.endsWith('json');
  const pointer =
    ok && response.component
      ? `#/components/schemas/${response.component}`
      : `${declaredPointer}/content/${pointerEscape(mediaType)}/schema`;
  if (!resolvePointer(spec.doc, pointer)) return [`${where}: nothing at ${pointer}`];
  const ref = `${spec.id}${pointer}`;
  let validate = compiled.get(ref);
  if (!validate) {
    validate = ajv.compile({ $ref: ref });
    compiled.set(ref, validate);
  }
  if (validate(response.body)) return [];
  return (validate.errors ?? []).map((e) => `${where}: ${e.instancePath || '(body)'} ${e.message}`);
}
