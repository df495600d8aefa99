import { startSimulator } from '@searchauth/testkit';
import { tokenEngineTour } from './engine.js';
import { fleetStep } from './fleet.js';
import { clip, createPrinter, type Printer } from './print.js';
import { lucidworksAI } from './vendors/lucidworks-ai.js';
import { oauth2 } from './vendors/oauth2.js';
import { sparque } from './vendors/sparque.js';
import { springboard } from './vendors/springboard.js';
import { squirro } from './vendors/squirro.js';
import { readEnv, type Target } from './vendors/types.js';

const VENDORS = [sparque, springboard, lucidworksAI, squirro, oauth2];

/** Runs the demo; resolves to true when every search and every token-engine step did what it shows. */
export async function runDemo(
  options: { print?: Printer; env?: NodeJS.ProcessEnv; query?: string } = {},
): Promise<boolean> {
  const print = options.print ?? createPrinter();
  const env = options.env ?? process.env;
  const query = options.query ?? env.SEARCHAUTH_DEMO_QUERY ?? 'tent';
  const started = performance.now();
  let allOk = true;

  const sim = await startSimulator();
  try {
    print.heading(`Searching "${query}" with each vendor's client`);
    for (const vendor of VENDORS) {
      const real = readEnv(vendor, env);
      const target: Target = real ? { kind: 'real', env: real } : { kind: 'simulator', sim };
      const where = real ? 'real service' : 'local simulator';
      try {
        const result = await vendor.run(target, query);
        print.result(true, `${vendor.name} (${where}): ${result.total} matches`);
        if (result.note) print.line(`       ${result.note}`);
        if (result.hits.length > 0) {
          print.table(
            result.hits.map((h, i) => [String(i + 1), clip(h.title), h.score.toFixed(3)]),
            ['#', 'title', 'score'],
          );
        }
      } catch (error) {
        allOk = false;
        print.result(false, `${vendor.name} (${where}): ${(error as Error).message}`);
      }
    }
  } finally {
    await sim.stop();
  }

  print.heading('The token engine at work (Lucidworks Springboard on the simulator)');
  await tokenEngineTour((step) => {
    allOk &&= step.ok;
    print.result(step.ok, step.title);
    for (const line of step.lines) print.line(`       ${line}`);
  });

  print.heading('One token per fleet (Lucidworks AI on the simulator, a shared Redis)');
  const fleet = await fleetStep();
  if (fleet) {
    allOk &&= fleet.ok;
    print.result(fleet.ok, fleet.title);
    for (const line of fleet.lines) print.line(`       ${line}`);
  } else {
    print.line('  skipped: redis-server is not on PATH (apt-get install -y redis-server)');
  }

  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  print.heading(
    allOk
      ? `Done in ${seconds} s: every step did what it shows.`
      : `Done in ${seconds} s with failures.`,
  );
  return allOk;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const ok = await runDemo();
  process.exitCode = ok ? 0 : 1;
}
