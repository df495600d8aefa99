import { checkPackageDir, formatProblems } from '../conventions.js';
import type { PublishedPackage } from '../workspace.js';
import { selectPackages } from '../workspace.js';

/** Throws one error listing every package and field that breaks a convention. */
export function assertConventions(packages: PublishedPackage[]): void {
  const problems = packages.flatMap((p) => checkPackageDir(p.dir, p.relDir, p.manifest));
  if (problems.length > 0) {
    throw new Error(`package conventions broken:\n${formatProblems(problems)}`);
  }
  console.log(`[release] conventions ok: ${packages.map((p) => p.name).join(', ')}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    assertConventions(selectPackages(process.argv.slice(2)));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
