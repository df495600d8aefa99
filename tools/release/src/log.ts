/** Progress lines for the release scripts: `[release] step ... done in 1.2s`. */
export async function step<T>(title: string, action: () => Promise<T>): Promise<T> {
  const started = performance.now();
  console.log(`[release] ${title} ...`);
  try {
    const result = await action();
    console.log(`[release] ${title}: done in ${seconds(started)}`);
    return result;
  } catch (error) {
    console.log(`[release] ${title}: FAILED after ${seconds(started)}`);
    throw error;
  }
}

export function seconds(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(1)}s`;
}

/** Renders rows as an aligned plain-text table with a header rule. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((cell, i) =>
    Math.max(cell.length, ...rows.map((r) => (r[i] ?? '').length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
