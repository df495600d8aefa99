import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from '../src/retry.js';
import { T0 } from './support.js';

describe('parseRetryAfter', () => {
  it.each<[string, { given: string | null; want: number | undefined }]>([
    ['delta-seconds', { given: '120', want: 120_000 }],
    ['zero', { given: '0', want: 0 }],
    ['padded', { given: ' 3 ', want: 3000 }],
    ['an HTTP-date 90 s ahead', { given: new Date(T0 + 90_000).toUTCString(), want: 90_000 }],
    ['an HTTP-date in the past', { given: new Date(T0 - 5000).toUTCString(), want: 0 }],
    ['a negative number', { given: '-5', want: undefined }],
    ['a fraction', { given: '1.5', want: undefined }],
    ['garbage', { given: 'soon', want: undefined }],
    ['empty', { given: '', want: undefined }],
    ['absent', { given: null, want: undefined }],
  ])('%s', (_name, { given, want }) => {
    expect(parseRetryAfter(given, T0)).toBe(want);
  });
});
