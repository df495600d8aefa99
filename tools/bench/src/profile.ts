/** How much each scenario does: `full` for the README figures, `quick` for a look in about a minute. */
export interface Profile {
  name: 'full' | 'quick';
  /** Repeats of count-based scenarios; the table shows medians. */
  repeats: number;
  stampedeSizes: number[];
  steady: { rounds: number; roundMs: number; concurrency: number };
  expiry: { ms: number; concurrency: number };
  revocation: { ms: number; instances: number; concurrency: number };
  outage: { ms: number; callers: number[] };
  memory: { tenants: number; cap: number };
}

export const PROFILES: Record<Profile['name'], Profile> = {
  full: {
    name: 'full',
    repeats: 3,
    stampedeSizes: [1_000, 10_000],
    steady: { rounds: 10, roundMs: 400, concurrency: 16 },
    expiry: { ms: 3_000, concurrency: 50 },
    revocation: { ms: 4_000, instances: 4, concurrency: 10 },
    outage: { ms: 3_000, callers: [1, 10, 1_000] },
    memory: { tenants: 100_000, cap: 10_000 },
  },
  quick: {
    name: 'quick',
    repeats: 1,
    stampedeSizes: [1_000],
    steady: { rounds: 4, roundMs: 250, concurrency: 16 },
    expiry: { ms: 2_500, concurrency: 50 },
    revocation: { ms: 2_500, instances: 4, concurrency: 10 },
    outage: { ms: 2_000, callers: [1, 10, 1_000] },
    memory: { tenants: 100_000, cap: 10_000 },
  },
};
