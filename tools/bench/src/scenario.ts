import type { Contender } from './contenders/types.js';
import type { Profile } from './profile.js';
import type { Vendor } from './vendor.js';

/** One cell of a table: a number (formatted by its column) or text such as "n/a". */
export type Cell = number | string;

/** One table of the report: rows are contenders, columns metrics. */
export interface Table {
  /** Stable name for the summary: `stampede-10000`, `steady`, `expiry`, `revocation`, `outage`, `memory`. */
  id: string;
  title: string;
  /** What the scenario does, one or two sentences (printed under the title). */
  description: string;
  columns: { key: string; label: string; digits?: number }[];
  rows: Array<{ contender: string } & Record<string, Cell>>;
}

/** A claim checked against a measurement. */
export interface Target {
  scenario: string;
  claim: string;
  measured: string;
  pass: boolean;
}

export interface ScenarioOutput {
  tables: Table[];
  targets: Target[];
}

export interface Context {
  vendor: Vendor;
  profile: Profile;
  contenders: readonly Contender[];
}

/** One scenario; main.ts runs the list in SCENARIOS (scenarios/index.ts) in order. */
export interface Scenario {
  id: string;
  run(context: Context): Promise<ScenarioOutput>;
}
