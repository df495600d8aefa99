import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

/** One consumer fixture file under consumer/src/parts/, named after the package folder it uses. */
export interface ConsumerPart {
  file: string;
  packageName: string;
  needsSimulator: boolean;
}

export const TESTKIT = '@searchauth/testkit';

/** Every part of the fixture, read from its file name and its `needsSimulator` flag. */
export function consumerParts(fixtureDir: string): ConsumerPart[] {
  const dir = join(fixtureDir, 'src/parts');
  return readdirSync(dir)
    .filter((file) => file.endsWith('.ts'))
    .sort()
    .map((file) => ({
      file,
      packageName: `@searchauth/${basename(file, '.ts')}`,
      needsSimulator: /needsSimulator:\s*true/.test(readFileSync(join(dir, file), 'utf8')),
    }));
}

/** The parts whose packages (and testkit, when they search the simulator) are being published. */
export function runnableParts(parts: ConsumerPart[], published: Set<string>) {
  const runnable = parts.filter(
    (p) => published.has(p.packageName) && (!p.needsSimulator || published.has(TESTKIT)),
  );
  const skipped = parts.filter((p) => !runnable.includes(p));
  return { runnable, skipped };
}
