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

/** One row per contender with the headline figure of each scenario, for the README. */
export function summaryTable(tables: Table[], contenders: string[]): string {
  const find = (id: string) => tables.find((t) => t.id === id);
  const cell = (id: string, name: string, key: string, digits = 0) => {
    const row = find(id)?.rows.find((r) => r.contender === name);
    return row === undefined ? '–' : format(row[key] ?? '–', digits);
  };
  const outage = (name: string) => {
    const rates = (find('outage')?.rows ?? [])
      .filter((r) => r.library === name)
      .map((r) => r.perSecond as number);
    return rates.length ? format(Math.max(...rates), 1) : 'n/a';
  };
  const header = [
    'contender',
    'token requests, 10,000 cold callers',
    'client CPU/request vs static: own CPU added (end to end)',
    'expiry (1 s tokens): failures / 401s',
    'revoke-on-mint, 4 instances: failures (shared store)',
    'outage: worst token requests/s',
    'heap, 100,000 tenants (MB)',
  ];
  const rows = contenders.map((name) => [
    name,
    cell('stampede-10000', name, 'tokens'),
    `${cell('steady', name, 'ownRatio', 3)} (${cell('steady', name, 'cpuRatio', 3)})`,
    `${cell('expiry', name, 'failures')} / ${cell('expiry', name, 'unauthorized')}`,
    `${cell('revocation', name, 'failures')} (${cell('revocation', name, 'sharedFailures')})`,
    outage(name),
    cell('memory', name, 'atTenants', 1),
  ]);
  return [
    '### Summary',
    '',
    `| ${header.join(' | ')} |`,
    `| ${header.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}
