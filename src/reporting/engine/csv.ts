import { ReportResult } from './run';

/** The rows of a report as CSV (RFC 4180): one column per dimension label, then per measure. */
export function reportCsv(result: ReportResult): string {
  const header = [...result.dimensions.map((d) => d.label), ...result.measures.map((m) => (m.unit === 'SECONDS' ? `${m.label} (seconds)` : m.label))];
  const rows = result.rows.map((row) => [...row.dimensionValues.map((v) => v.label), ...row.measureValues.map((v) => (v === null ? '' : String(v)))]);
  return [header, ...rows].map((cells) => cells.map(cell).join(',')).join('\r\n') + '\r\n';
}

function cell(value: string): string {
  // Quote what would break the row, and neutralise spreadsheet formulas in text from imports.
  const safe = /^[=+\-@\t\r]/.test(value) && Number.isNaN(Number(value)) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
