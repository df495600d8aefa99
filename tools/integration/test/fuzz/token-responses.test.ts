import { describe, expect, it } from 'vitest';
import { fuzzTokenReplies } from './fuzz-token-replies.js';
import { runs, SEED } from './seed.js';
import { FUZZ_SOURCES } from './token-sources.js';

// Two files share the work (two test workers); each source sees 2 × RUNS replies.
const RUNS = runs(5_000);

describe('fuzzed token replies, first half', () => {
  it(`${RUNS} replies × ${FUZZ_SOURCES.length} token sources: a token or a typed error, no leak (seed ${SEED})`, async () => {
    const outcomes = await fuzzTokenReplies(SEED, RUNS);
    // The generator reaches valid tokens as well as many kinds of failure, for every source.
    for (const source of FUZZ_SOURCES) {
      expect(outcomes.get(`${source.name} token`) ?? 0, source.name).toBeGreaterThan(RUNS / 50);
      const kinds = [...outcomes.keys()].filter((k) => k.startsWith(source.name));
      expect(kinds.length, source.name).toBeGreaterThan(4);
    }
  }, 240_000);
});
