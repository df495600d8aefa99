import { isSearchAuthError } from '@searchauth/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SEARCH_CALLS, vendorFetch } from './search-clients.js';
import { type SearchReply, searchReply, searchResponse } from './search-replies.js';
import { runs, SEED, watchUnhandled } from './seed.js';

// 5 clients × 2,000: 10,000 generated search replies in all.
const RUNS = runs(2_000);
const unhandled = watchUnhandled();

/** No call may throw anything but a SearchAuthError: every gap the fuzzing found is closed. */
const KNOWN_GAPS: Record<string, string[]> = {};

describe.each(SEARCH_CALLS.map((c) => [c.name, c] as const))(
  'fuzzed search replies: %s',
  (name, searchCall) => {
    it(`${RUNS} replies that do not match the spec end in data or an error the caller can branch on (seed ${SEED})`, async () => {
      let reply: SearchReply | undefined;
      const client = searchCall.create(vendorFetch(() => searchResponse(reply as SearchReply)));
      const outcomes = new Map<string, number>();
      try {
        await fc.assert(
          fc.asyncProperty(searchReply, async (generated) => {
            reply = generated;
            let kind: string;
            try {
              const result = (await client.call()) as {
                data?: unknown;
                error?: unknown;
                response?: Response;
              };
              if (searchCall.surface === 'typed') {
                // openapi-fetch's contract: `error` for a non-2xx answer, `data` otherwise.
                expect(result.response?.status).toBe(generated.status);
                expect(result.error !== undefined).toBe(generated.status >= 300);
                kind = result.error === undefined ? 'data' : 'error';
              } else {
                expect(generated.status, 'a helper resolved on a non-2xx answer').toBeLessThan(300);
                kind = 'data';
              }
            } catch (error) {
              if (isSearchAuthError(error)) {
                kind = error.code;
                if (generated.status < 300) expect(error.code).toBe('ERR_HTTP');
              } else {
                kind = (error as Error)?.name;
                expect(KNOWN_GAPS[name] ?? [], `${name} threw ${String(error)}`).toContain(kind);
              }
            }
            outcomes.set(kind, (outcomes.get(kind) ?? 0) + 1);
          }),
          { numRuns: RUNS },
        );
      } finally {
        client.dispose();
      }
      await new Promise((resolve) => setImmediate(resolve));
      expect(unhandled.take()).toEqual([]);
      expect(outcomes.size).toBeGreaterThan(2);
    }, 120_000);
  },
);
