// Runs in every runtime of the matrix (Node, Bun, Deno) from a consumer project that installed the
// packed packages: core scenarios and one search per vendor against the testkit simulator, started
// in-process. Plain JavaScript, so no runtime needs a compile step. Prints one JSON line per check.
import { startSimulator } from '@searchauth/testkit';
import { coreChecks } from './core-checks.mjs';
import { vendorChecks } from './vendor-checks.mjs';

const LIFETIME_SECONDS = 3;
const sim = await startSimulator({ tokenLifetimeSeconds: { oauth2: LIFETIME_SECONDS } });
const checks = { ...coreChecks(sim, LIFETIME_SECONDS), ...vendorChecks(sim) };
const report = (check, ok, detail) => console.log(JSON.stringify({ check, ok, detail }));

try {
  for (const [name, run] of Object.entries(checks)) {
    try {
      report(name, true, await run());
    } catch (error) {
      report(name, false, String(error?.message ?? error).slice(0, 200));
    }
  }
} finally {
  await sim.stop();
}
