import { ReportResult } from './run';

export interface CsvOptions {
  /**
   * Give each dimension two columns, its value (the external id, URL, enum value or bucket's first
   * day; empty for no value) and its label, so BI tools can join on ids while people read names.
   */
  ids?: boolean;
}

/** The rows of a report as CSV (RFC 4180): one column per dimension label, then per measure. */
export function reportCsv(result: ReportResult, options: CsvOptions = {}): string {
  const header = [
    ...result.dimensions.flatMap((d) => (options.ids ? [`${d.label} id`, d.label] : [d.label])),
    ...result.measures.map((m) => (m.unit === 'SECONDS' ? `${m.label} (seconds)` : m.label)),
  ];
  const rows = result.rows.map((row) => [
    ...row.dimensionValues.flatMap((v) => (options.ids ? [v.value ?? '', v.label] : [v.label])),
    ...row.measureValues.map((v) => (v === null ? '' : String(toMilliseconds(v)))),
  ]);
  return [header, ...rows].map((cells) => cells.map(cell).join(',')).join('\r\n') + '\r\n';
}

/**
 * Measures are sums, counts and seconds computed in floating point: an average may come out as
 * 341.90590999999995. Durations are stored to the millisecond, so three decimals lose nothing.
 */
export function toMilliseconds(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function cell(value: string): string {
  // Quote what would break the row, and neutralise spreadsheet formulas in text from imports.
  const safe = /^[=+\-@\t\r]/.test(value) && Number.isNaN(Number(value)) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
