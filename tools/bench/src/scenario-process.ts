// One scenario in a process of its own (main.ts forks this file once per scenario): what an earlier
// scenario leaves behind (a heap of 100,000 tenants, JIT feedback from other call shapes, timers) must
// not be measured as the cost of a later one.
import { CONTENDERS } from './contenders/index.js';
import { pooledFetch } from './pool.js';
import { PROFILES } from './profile.js';
import type { ScenarioOutput } from './scenario.js';
import { SCENARIOS } from './scenarios/index.js';
import { startVendor } from './vendor.js';

export interface ScenarioReply {
  output: ScenarioOutput;
  seconds: number;
}

const [id, profileName] = process.argv.slice(2);
const scenario = SCENARIOS.find((s) => s.id === id);
const profile = PROFILES[profileName as keyof typeof PROFILES];
if (!scenario || !profile)
  throw new Error(`scenario-process: unknown scenario or profile: ${id} ${profileName}`);
const nativeFetch = globalThis.fetch;
// Before any contender exists: every fetch-based library then goes through the same pool.
globalThis.fetch = pooledFetch(nativeFetch, 256);
const vendor = await startVendor(nativeFetch);
try {
  const started = performance.now();
  const output = await scenario.run({ vendor, profile, contenders: CONTENDERS });
  const reply: ScenarioReply = { output, seconds: (performance.now() - started) / 1000 };
  await new Promise<void>((resolve, reject) =>
    process.send?.(reply, (error: Error | null) => (error ? reject(error) : resolve())),
  );
} finally {
  vendor.close();
}
process.disconnect?.();
