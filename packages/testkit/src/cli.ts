#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { describeSimulator } from './describe.js';
import { startSimulator } from './simulator.js';
import { type SimulatorOptions, VENDORS, type VendorName } from './types.js';

const USAGE = `Usage: npx -p @searchauth/testkit searchauth-sim [--port 4010] [--seed 42]
         [--vendors sparque,squirro,...] [--token-lifetime SECONDS]
         [--squirro-reuses-access-tokens] [--sparque-account-role 'Data Provider']
Starts the searchauth vendor simulators on 127.0.0.1 (host i on port+i) until Ctrl-C and prints,
per vendor, the client options that point at them.
Vendors: ${VENDORS.join(', ')}`;

async function main() {
  // `pnpm sim -- --port 5000` passes the `--` through; skip it.
  const argv = process.argv.slice(2);
  const { values } = parseArgs({
    args: argv[0] === '--' ? argv.slice(1) : argv,
    options: {
      port: { type: 'string', default: '4010' },
      seed: { type: 'string', default: '42' },
      vendors: { type: 'string' },
      'token-lifetime': { type: 'string' },
      'squirro-reuses-access-tokens': { type: 'boolean' },
      'sparque-account-role': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const seed = /^\d+$/.test(values.seed) ? Number(values.seed) : values.seed;
  const sim = await startSimulator({
    port: Number(values.port),
    seed,
    vendors: values.vendors?.split(',').map((v) => v.trim() as VendorName),
    tokenLifetimeSeconds: values['token-lifetime'] ? Number(values['token-lifetime']) : undefined,
    squirroReusesAccessTokens: values['squirro-reuses-access-tokens'],
    sparqueAccountRole: values['sparque-account-role'] as SimulatorOptions['sparqueAccountRole'],
  });
  console.log(`searchauth simulator (seed ${seed}) on 127.0.0.1. Ctrl-C stops it.\n`);
  console.log(describeSimulator(sim));
  const shutdown = () => {
    sim.stop().then(
      () => {
        console.log('simulator stopped');
        process.exit(0);
      },
      () => process.exit(1),
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(`searchauth-sim: ${error instanceof Error ? error.message : String(error)}`);
  console.error(USAGE);
  process.exit(1);
});
