import type { Cell, Table, Target } from './scenario.js';

function format(value: Cell, digits = 0): string {
  if (typeof value === 'string') return value;
  if (!Number.isFinite(value)) return '–';
  return value.toLocaleString('en', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

/** One table as GitHub markdown, its title as a heading and its description under it. */
export function markdownTable(table: Table): string {
  const header = ['contender', ...table.columns.map((c) => c.label)];
  const lines = [
    `### ${table.title}`,
    '',
    table.description,
    '',
    `| ${header.join(' | ')} |`,
    `| ${header.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`,
    ...table.rows.map(
      (row) =>
        `| ${[row.contender, ...table.columns.map((c) => format(row[c.key] ?? '', c.digits))].join(' | ')} |`,
    ),
  ];
  return lines.join('\n');
}

/** The targets as a markdown table with PASS / FAIL. */
export function targetTable(targets: Target[]): string {
  return [
    '### Targets (searchauth)',
    '',
    '| result | scenario | claim | measured |',
    '| --- | --- | --- | --- |',
    ...targets.map(
      (t) => `| ${t.pass ? 'PASS' : 'FAIL'} | ${t.scenario} | ${t.claim} | ${t.measured} |`,
    ),
  ].join('\n');
}
