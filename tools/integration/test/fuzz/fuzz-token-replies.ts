import { isSearchAuthError, type TokenEvent } from '@searchauth/core';
import fc from 'fast-check';
import { expect } from 'vitest';
import { findLeak, renderings } from '../support/leaks.js';
import { watchUnhandled } from './seed.js';
import { type TokenReply, tokenReply } from './token-replies.js';
import { toResponse } from './token-response.js';
import { CREDENTIALS, FUZZ_SOURCES, type FuzzSource } from './token-sources.js';

/** Real time one generated reply may take from token request to settled outcome. */
const BOUND_MS = 2_000;
const unhandled = watchUnhandled();

const timeout = (ms: number) =>
  new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), ms).unref());

/** One reply through one source: a token or a typed SearchAuthError, in time, leaking nothing. */
async function check(source: FuzzSource, reply: TokenReply, outcomes: Map<string, number>) {
  const events: TokenEvent[] = [];
  const tokens = source.create(
    async () => toResponse(reply),
    (event) => events.push(event),
  );
  const started = performance.now();
  const outcome = await Promise.race([
    tokens.getToken().then(
      (token) => ({ token }),
      (error: unknown) => ({ error }),
    ),
    timeout(BOUND_MS),
  ]);
  tokens.close();
  if (outcome === 'timeout') throw new Error(`${source.name}: no outcome within ${BOUND_MS} ms`);
  const secrets = [CREDENTIALS.clientSecret, CREDENTIALS.refreshToken, ...reply.secrets];
  let kind = 'token';
  if ('token' in outcome) {
    expect(outcome.token, source.name).toMatch(/^[\x21-\x7e]+$/);
  } else {
    const { error } = outcome;
    expect(
      isSearchAuthError(error),
      `${source.name}: not a SearchAuthError: ${String(error)}`,
    ).toBe(true);
    kind = (error as { code: string }).code;
    const leaked = findLeak(renderings(error), secrets);
    expect(
      leaked,
      `${source.name}: the error shows a secret: ${renderings(error)[0]}`,
    ).toBeUndefined();
  }
  const key = `${source.name} ${kind}`;
  outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
  expect(
    findLeak([JSON.stringify(events)], secrets),
    `${source.name}: an event shows a secret`,
  ).toBeUndefined();
  expect(performance.now() - started, source.name).toBeLessThan(BOUND_MS);
}

/**
 * `runs` generated token endpoint replies, each sent through every vendor's token source; fast-check
 * prints the seed and the shrunk reply of any failure. Returns how often each outcome occurred.
 */
export async function fuzzTokenReplies(seed: number, runs: number): Promise<Map<string, number>> {
  const outcomes = new Map<string, number>();
  await fc.assert(
    fc.asyncProperty(tokenReply, async (reply) => {
      for (const source of FUZZ_SOURCES) await check(source, reply, outcomes);
    }),
    { numRuns: runs, seed },
  );
  await new Promise((resolve) => setImmediate(resolve));
  expect(unhandled.take(), 'unhandled rejections').toEqual([]);
  return outcomes;
}
