import type { Simulator } from '@searchauth/testkit';

export type { Simulator };

/** One package used the way its README shows, against the testkit simulator. */
export interface Part<Sdk> {
  packageName: string;
  needsSimulator: true;
  /** Returns one line for the log; throws when the package misbehaves. */
  run(sdk: Sdk, sim: Simulator): Promise<string>;
}

/** Throws unless `condition` holds: the parts run as plain node scripts, without a test runner. */
export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}
