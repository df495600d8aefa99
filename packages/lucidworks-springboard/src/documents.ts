import { SearchAuthError } from './core.js';
import type { components } from './generated/api.js';
import { VENDOR } from './options.js';

export type PushDocument = components['schemas']['PushDocument'];
export type PushDeleteDocument = components['schemas']['PushDeleteDocument'];

/** Checks the fields the Push API requires of every saved document, before anything is sent. */
export function validateDocuments(documents: readonly unknown[]): PushDocument[] {
  if (!Array.isArray(documents)) throw badRequest('documents must be an array');
  documents.forEach((doc, index) => {
    const { type, object, document } = (doc ?? {}) as Record<string, { [k: string]: unknown }>;
    const problem =
      typeof doc !== 'object' || !doc || Array.isArray(doc)
        ? 'must be an object'
        : type !== ('content' as unknown)
          ? 'type must be "content" (the only supported value)'
          : !nonEmpty(object?.externalId)
            ? 'object.externalId must be a non-empty string'
            : !nonEmpty(document?.title) && 'document.title must be a non-empty string';
    if (problem) throw badRequest(`${describe(doc, index)}: ${problem}`);
  });
  return documents as PushDocument[];
}

/** Turns external ids (or delete items) into delete items, checking each has an external id. */
export function toDeleteItems(
  items: readonly (string | PushDeleteDocument)[],
): PushDeleteDocument[] {
  if (!Array.isArray(items)) throw badRequest('externalIds must be an array');
  return items.map((item, index) => {
    const externalId = typeof item === 'string' ? item : item?.object?.externalId;
    if (!nonEmpty(externalId)) {
      throw badRequest(`item ${index}: object.externalId must be a non-empty string`);
    }
    return typeof item === 'string' ? { type: 'content', object: { externalId } } : item;
  });
}

type WithId = { object?: { externalId?: unknown } } | null;

export const externalIdOf = (doc: unknown): string => String((doc as WithId)?.object?.externalId);

/** `document 3 (externalId "a-1")`, the id cut to 100 characters; without one, `document 3`. */
export function describe(doc: unknown, index: number): string {
  const id = (doc as WithId)?.object?.externalId;
  return `document ${index}${nonEmpty(id) ? ` (externalId ${JSON.stringify(id.slice(0, 100))})` : ''}`;
}

const nonEmpty = (value: unknown): value is string => typeof value === 'string' && value !== '';

const badRequest = (message: string) =>
  new SearchAuthError('ERR_BAD_REQUEST', message, { vendor: VENDOR });
