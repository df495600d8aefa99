import { step, table } from '../log.js';
import { formatBytes, measurePackage, type SizeReport } from '../size.js';
import { type PublishedPackage, selectPackages } from '../workspace.js';

/** Measures the packages and prints the size table, and what to look at for each one over budget. */
export async function measureSizes(packages: PublishedPackage[]): Promise<SizeReport[]> {
  const reports = await step(
    'size budgets (esbuild --minify, gzip -9, dependencies external)',
    () => Promise.all(packages.map(measurePackage)),
  );
  console.log(
    table(
      ['package', 'minified', 'min+gzip', 'target', 'ceiling', 'result'],
      reports.map((r) => [
        r.name,
        formatBytes(r.minified),
        formatBytes(r.gzip),
        r.budget === null ? '-' : formatBytes(r.budget.target),
        r.budget === null ? '-' : formatBytes(r.budget.ceiling),
        r.budget === null
          ? 'reported'
          : r.overBudget
            ? 'OVER CEILING'
            : r.overTarget
              ? 'over target'
              : 'ok',
      ]),
    ),
  );
  for (const r of reports.filter((report) => report.overTarget)) {
    const files = r.largest.map(([file, bytes]) => `${file} ${bytes} B`).join(', ');
    console.log(`${r.name} is over its target; largest minified files: ${files}`);
  }
  return reports;
}

/** The error to fail with when a package is over its budget; undefined when all fit. */
export function budgetError(reports: SizeReport[]): Error | undefined {
  const over = reports.filter((r) => r.overBudget);
  return over.length === 0
    ? undefined
    : new Error(`over the size ceiling: ${over.map((r) => r.name).join(', ')}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  measureSizes(selectPackages(process.argv.slice(2)))
    .then((reports) => {
      const error = budgetError(reports);
      if (error) throw error;
    })
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    });
}
