/** Readable, colour-aware output for the demo; colour only on a terminal and never with NO_COLOR. */
export interface Printer {
  heading(text: string): void;
  line(text?: string): void;
  result(ok: boolean, text: string): void;
  table(rows: ReadonlyArray<ReadonlyArray<string>>, header: ReadonlyArray<string>): void;
}

export function createPrinter(
  write: (text: string) => void = (text) => process.stdout.write(text),
  colour = process.stdout.isTTY === true && !process.env.NO_COLOR,
): Printer {
  const paint = (code: number, text: string) => (colour ? `\x1b[${code}m${text}\x1b[0m` : text);
  return {
    heading: (text) => write(`\n${paint(1, text)}\n`),
    line: (text = '') => write(`${text}\n`),
    result: (ok, text) => write(`  ${ok ? paint(32, 'ok  ') : paint(31, 'FAIL')} ${text}\n`),
    table(rows, header) {
      const widths = header.map((h, i) =>
        Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)),
      );
      const format = (cells: ReadonlyArray<string>) =>
        `    ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ')}`.trimEnd();
      write(`${paint(2, format(header))}\n`);
      for (const row of rows) write(`${format(row)}\n`);
    },
  };
}

/** Cuts long titles so the table stays within 100 columns. */
export function clip(text: string, max = 48): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
