import { describe, expect, it } from 'vitest';
import { refreshWindow } from '../src/margin.js';

describe('refreshWindow', () => {
  it.each<
    [
      string,
      {
        lifetime?: number;
        margin?: number;
        jitter?: number;
        want: { refreshAt: number; mustRefreshAt: number };
      },
    ]
  >([
    [
      '1 h token: 300 s margin, callers wait only in the last 30 s',
      { lifetime: 3600, want: { refreshAt: 3_300_000, mustRefreshAt: 3_570_000 } },
    ],
    [
      '1 h token, full jitter: margin stretched by 20%',
      { lifetime: 3600, jitter: 1, want: { refreshAt: 3_240_000, mustRefreshAt: 3_570_000 } },
    ],
    [
      '60 s token: 25% of the lifetime, no refresh loop',
      { lifetime: 60, want: { refreshAt: 45_000, mustRefreshAt: 52_500 } },
    ],
    [
      '10 min token (Squirro default): 150 s',
      { lifetime: 600, want: { refreshAt: 450_000, mustRefreshAt: 570_000 } },
    ],
    [
      'configured 30 s on a 1 h token',
      { lifetime: 3600, margin: 30, want: { refreshAt: 3_570_000, mustRefreshAt: 3_585_000 } },
    ],
    [
      'configured 0: the 1 s floor',
      { lifetime: 3600, margin: 0, want: { refreshAt: 3_599_000, mustRefreshAt: 3_599_500 } },
    ],
    ['2 s token: floor of 1 s', { lifetime: 2, want: { refreshAt: 1000, mustRefreshAt: 1500 } }],
    [
      '1 s token: never more than half the lifetime',
      { lifetime: 1, jitter: 1, want: { refreshAt: 500, mustRefreshAt: 750 } },
    ],
    [
      'unknown expiry: never',
      { want: { refreshAt: Number.POSITIVE_INFINITY, mustRefreshAt: Number.POSITIVE_INFINITY } },
    ],
  ])('%s', (_name, { lifetime, margin, jitter = 0, want }) => {
    const token = {
      accessToken: 't',
      obtainedAt: 0,
      ...(lifetime === undefined ? {} : { expiresAt: lifetime * 1000 }),
    };
    expect(refreshWindow(token, margin, jitter)).toMatchObject(want);
  });
});
