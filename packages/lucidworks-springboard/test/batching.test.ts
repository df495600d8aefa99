import { describe, expect, it } from 'vitest';
import { planBatches } from '../src/index.js';

const describeItem = (_: unknown, index: number) => `item ${index}`;
const bodyBytes = (items: unknown[]) => new TextEncoder().encode(JSON.stringify(items)).byteLength;

describe('planBatches', () => {
  it.each([
    ['empty input', { given: { count: 0, size: 10, maxItems: 200, maxBytes: 1024 }, want: [] }],
    [
      'under both limits',
      { given: { count: 5, size: 10, maxItems: 200, maxBytes: 1024 }, want: [5] },
    ],
    [
      'item limit',
      { given: { count: 450, size: 10, maxItems: 200, maxBytes: 1 << 20 }, want: [200, 200, 50] },
    ],
    // Each item is a 100-character JSON string (102 bytes with quotes): 4 fit in 2+4*102+3 = 413.
    [
      'byte limit',
      { given: { count: 9, size: 100, maxItems: 200, maxBytes: 413 }, want: [4, 4, 1] },
    ],
    [
      'one byte short',
      { given: { count: 9, size: 100, maxItems: 200, maxBytes: 412 }, want: [3, 3, 3] },
    ],
  ])('%s', (_name, { given, want }) => {
    const items = Array.from({ length: given.count }, (_, i) => String(i % 10).repeat(given.size));
    const batches = planBatches(items, given, describeItem);
    expect(batches.map((b) => b.items.length)).toEqual(want);
    for (const batch of batches) {
      expect(batch.bytes).toBe(bodyBytes(batch.items));
      expect(batch.bytes).toBeLessThanOrEqual(given.maxBytes);
    }
    expect(batches.flatMap((b) => b.items)).toEqual(items);
    expect(batches.map((b) => b.start)).toEqual(
      want.map((_, i) => want.slice(0, i).reduce((a, n) => a + n, 0)),
    );
  });

  it('counts UTF-8 bytes, not characters', () => {
    const items = ['é'.repeat(100), 'é'.repeat(100)]; // 202 bytes each as JSON
    expect(planBatches(items, { maxItems: 10, maxBytes: 300 }, describeItem)).toHaveLength(2);
    expect(planBatches(items, { maxItems: 10, maxBytes: 407 }, describeItem)).toHaveLength(1);
  });

  it('refuses an item that alone is over the byte limit', () => {
    expect(() =>
      planBatches(['x'.repeat(100)], { maxItems: 10, maxBytes: 50 }, describeItem),
    ).toThrow(
      expect.objectContaining({
        code: 'ERR_LIMIT_EXCEEDED',
        message: expect.stringContaining('item 0'),
      }),
    );
  });
});
