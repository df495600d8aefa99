import { SearchAuthError } from './deps.js';
import type { components } from './generated/api.js';
import { VENDOR } from './options.js';

export type PushDocument = components['schemas']['PushDocument'];
export type PushDeleteDocument = components['schemas']['PushDeleteDocument'];

type Loose = { type?: unknown; object?: { externalId?: unknown }; document?: { title?: unknown } };

/**
 * Checks, before anything is sent, what the Push API requires of every item: a non-empty
 * `object.externalId` and, for a save, `type: "content"` and a non-empty `document.title`.
 * Delete takes external ids or delete items; ids become `{ type: 'content', object: { externalId } }`.
 */
export function checkDocuments<T>(items: readonly (T | string)[], save?: boolean): T[] {
  const bad = (what: string) => new SearchAuthError('ERR_BAD_REQUEST', what, { vendor: VENDOR });
  if (!Array.isArray(items)) throw bad('documents must be an array');
  return items.map((item, index) => {
    const doc = (
      typeof item === 'string' ? { type: 'content', object: { externalId: item } } : item
    ) as Loose | null;
    if (
      !nonEmpty(doc?.object?.externalId) ||
      (save && (doc.type !== 'content' || !nonEmpty(doc.document?.title)))
    ) {
      throw bad(
        `document ${index} needs a non-empty object.externalId${save ? ', type "content" and a non-empty document.title' : ''}`,
      );
    }
    return doc as T;
  });
}

const nonEmpty = (value: unknown): value is string => typeof value === 'string' && value !== '';
