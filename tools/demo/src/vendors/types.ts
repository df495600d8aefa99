import type { Simulator } from '@searchauth/testkit';

/** One search's result as the demo prints it. */
export interface SearchSummary {
  total: number;
  hits: Array<{ title: string; score: number }>;
  /** A line about what else the vendor call showed (e.g. vector size). */
  note?: string;
}

/** How the demo talks to one vendor: the simulator, or the real service from environment variables. */
export interface VendorDemo {
  name: string;
  /** Environment variables that switch this vendor to its real service (all required ones set). */
  env: { required: string[]; optional: string[] };
  run(target: Target, query: string): Promise<SearchSummary>;
}

export type Target =
  | { kind: 'simulator'; sim: Simulator }
  | { kind: 'real'; env: Record<string, string> };

/** The variables of `env.required` and `env.optional` that are set, or undefined if a required one is not. */
export function readEnv(
  vendor: VendorDemo,
  source: NodeJS.ProcessEnv,
): Record<string, string> | undefined {
  const values: Record<string, string> = {};
  for (const name of [...vendor.env.required, ...vendor.env.optional]) {
    const value = source[name];
    if (value) values[name] = value;
  }
  return vendor.env.required.every((name) => values[name]) ? values : undefined;
}
