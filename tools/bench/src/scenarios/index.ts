import type { Scenario } from '../scenario.js';
import { expiry } from './expiry.js';
import { memory } from './memory.js';
import { outage } from './outage.js';
import { revocation } from './revocation.js';
import { stampede } from './stampede.js';
import { steady } from './steady.js';

/**
 * Every scenario `pnpm bench` runs, in order; `--only id,id` picks some. Add one by writing a file
 * that exports a Scenario and listing it here (store-redis's fleet scenarios live in fleet*.ts).
 */
// Each runs in a process of its own (scenario-process.ts), so the order is only the report's.
export const SCENARIOS: Scenario[] = [memory, stampede, steady, expiry, revocation, outage];
