// How every bench script reports: its summary rows, each a measure against its baseline from the
// same run, printed as a table under the script's heading; and when `npm run bench` runs the
// script (BENCH_ROWS names a file), appended there for the one table of the whole run.
import { appendFileSync } from 'node:fs';

/**
 * @typedef {object} Row
 * @property {string} measure  what was measured
 * @property {string} ours     its figure
 * @property {string} against  the baseline's name
 * @property {string} baseline the baseline's figure
 * @property {string} ratio    ours ÷ baseline, e.g. "1.08×" (empty where no ratio applies)
 * @property {string} goal     what to reach (empty where none is set)
 */

export const COLUMNS = ['measure', 'ours', 'against', 'baseline', 'ratio', 'goal'];

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

export const ratio = (ours, baseline) => `${(ours / baseline).toFixed(2)}×`;
export const ms = (value, digits = 0) => `${value.toFixed(digits)} ms`;
export const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
export const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Rows as a Markdown table: readable in a terminal, and rendered where the results are kept. */
export function markdownTable(rows, columns = COLUMNS) {
  const cells = rows.map((row) => columns.map((column) => String(row[column] ?? '').replaceAll('|', '\\|')));
  const widths = columns.map((column, index) => Math.max(column.length, ...cells.map((row) => row[index].length)));
  const line = (values) => `| ${values.map((value, index) => value.padEnd(widths[index])).join(' | ')} |`;
  const rule = `|${widths.map((width, index) => (index === 0 ? '-'.repeat(width + 2) : `${'-'.repeat(width + 1)}:`)).join('|')}|`;
  return [line(columns), rule, ...cells.map(line)].join('\n');
}

/** Prints `rows` under `part`, and hands them to `npm run bench` when it is the one running. */
export function report(part, rows) {
  console.log(`\n${part}\n${markdownTable(rows)}`);
  if (process.env.BENCH_ROWS) appendFileSync(process.env.BENCH_ROWS, `${JSON.stringify({ part, rows })}\n`);
}
