import { ApiReportResult } from './graphql';
import { ComparableRow } from './raw-sql';

export function comparable(result: ApiReportResult): ComparableRow[] {
  return result.rows.map((row) => ({
    values: row.dimensionValues.map((d) => d.value),
    labels: row.dimensionValues.map((d) => d.label),
    measures: row.measureValues,
  }));
}

/**
 * Where two results of the same report differ, as short readable lines (none: equal). Rows are
 * matched by their dimension values, whatever their order; averages may differ by float rounding
 * (MariaDB's AVG is a DECIMAL, the server divides a SUM in floating point).
 */
export function differences(expected: ComparableRow[], actual: ComparableRow[], limit = 5): string[] {
  const key = (row: ComparableRow) => JSON.stringify(row.values);
  const wanted = new Map(expected.map((row) => [key(row), row]));
  const found = new Map(actual.map((row) => [key(row), row]));
  const problems: string[] = [];
  if (wanted.size !== expected.length) problems.push(`the baseline has ${expected.length - wanted.size} duplicate group(s)`);
  if (found.size !== actual.length) problems.push(`the result has ${actual.length - found.size} duplicate group(s)`);
  for (const [k, row] of wanted) {
    const other = found.get(k);
    if (!other) {
      problems.push(`group ${k} missing (expected ${JSON.stringify(row.measures)})`);
      continue;
    }
    if (JSON.stringify(row.labels) !== JSON.stringify(other.labels)) problems.push(`group ${k}: label ${JSON.stringify(other.labels)}, expected ${JSON.stringify(row.labels)}`);
    if (!row.measures.every((m, i) => close(m, other.measures[i]))) problems.push(`group ${k}: ${JSON.stringify(other.measures)}, expected ${JSON.stringify(row.measures)}`);
  }
  for (const [k, row] of found) if (!wanted.has(k)) problems.push(`unexpected group ${k} = ${JSON.stringify(row.measures)}`);
  return problems.length > limit ? [...problems.slice(0, limit), `… and ${problems.length - limit} more`] : problems;
}

function close(a: number | null | undefined, b: number | null | undefined): boolean {
  if (a === null || a === undefined || b === null || b === undefined) return (a ?? null) === (b ?? null);
  return Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a));
}
