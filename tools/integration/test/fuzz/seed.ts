import fc from 'fast-check';

/**
 * One fixed seed for every fuzz property, printed with any failure together with the path that
 * replays it: `FUZZ_SEED=<seed> pnpm --filter @searchauth/integration test fuzz`. FUZZ_RUNS scales the
 * number of generated cases (default per property below).
 */
export const SEED = Number(process.env.FUZZ_SEED ?? 20_261_203);

export const runs = (standard: number) => Number(process.env.FUZZ_RUNS ?? standard);

fc.configureGlobal({ seed: SEED, endOnFailure: true });

/** Unhandled rejections seen while a property ran (vitest would only report them at the end). */
export function watchUnhandled(): { take(): unknown[] } {
  const seen: unknown[] = [];
  process.on('unhandledRejection', (reason) => seen.push(reason));
  return { take: () => seen.splice(0) };
}
