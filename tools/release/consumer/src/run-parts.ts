import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** What a part file exports as `part`. */
interface AnyPart {
  packageName: string;
  needsSimulator: boolean;
  run(sdk: unknown, sim: unknown): Promise<string>;
}

interface TestkitModule {
  startSimulator(): Promise<{ stop(): Promise<void> }>;
}

const partsDir = fileURLToPath(new URL('./parts/', import.meta.url));

/**
 * Runs every part; `load` is the only way a package gets loaded, so the ESM entry proves import()
 * and the CommonJS entry proves require() for each package, testkit included.
 */
export async function runParts(
  load: (name: string) => Promise<unknown>,
  how: string,
): Promise<void> {
  const files = readdirSync(partsDir)
    .filter((file) => file.endsWith('.js'))
    .sort();
  const parts: AnyPart[] = [];
  for (const file of files) {
    const mod = (await import(pathToFileURL(`${partsDir}${file}`).href)) as { part: AnyPart };
    parts.push(mod.part);
  }
  if (parts.length === 0) throw new Error('no parts to run');

  const sim = parts.some((p) => p.needsSimulator)
    ? await ((await load('@searchauth/testkit')) as TestkitModule).startSimulator()
    : undefined;
  try {
    for (const part of parts) {
      const line = await part.run(await load(part.packageName), sim);
      console.log(`[consumer:${how}] ${part.packageName}: ${line}`);
    }
  } finally {
    await sim?.stop();
  }
}
