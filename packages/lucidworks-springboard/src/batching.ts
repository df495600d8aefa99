import { SearchAuthError } from './deps.js';
import { VENDOR } from './options.js';

export interface Batch<T> {
  /** Position of the batch's first item in the caller's input. */
  start: number;
  items: T[];
  /** Bytes of the JSON array body `[item,item,...]`, UTF-8. */
  bytes: number;
}

export interface BatchLimits {
  maxItems: number;
  maxBytes: number;
}

const encoder = new TextEncoder();

/**
 * Splits items, in order, into JSON-array request bodies that respect both limits. Greedy: a batch
 * closes when the next item would pass either limit. An item that alone exceeds the byte limit can
 * never be sent, so nothing is planned and ERR_LIMIT_EXCEEDED names it (`describe`, default
 * `item <index>`).
 */
export function planBatches<T>(
  items: readonly T[],
  { maxItems, maxBytes }: BatchLimits,
  describe = (_item: T, index: number) => `item ${index}`,
): Batch<T>[] {
  const batches: Batch<T>[] = [];
  let current: Batch<T> | undefined;
  items.forEach((item, start) => {
    const size = encoder.encode(JSON.stringify(item)).byteLength;
    if (size + 2 > maxBytes) {
      throw new SearchAuthError(
        'ERR_LIMIT_EXCEEDED',
        `${describe(item, start)} is ${size} bytes as JSON; a request may carry at most ${maxBytes}`,
        { vendor: VENDOR },
      );
    }
    // `[` + `]` around the first item, one comma before every further item.
    if (current && current.items.length < maxItems && current.bytes + 1 + size <= maxBytes) {
      current.items.push(item);
      current.bytes += 1 + size;
    } else {
      current = { start, items: [item], bytes: size + 2 };
      batches.push(current);
    }
  });
  return batches;
}
