import { DateTime } from 'luxon';
import { assertNever, BadInput } from '../../errors';
import { addDays, LocalDateRange } from '../../calendar/time';
import { ReportResult, ReportRow } from './run';
import { ReportSpec } from './spec';

export const COMPARE_TO = ['PREVIOUS_PERIOD', 'PREVIOUS_YEAR'] as const;
export type CompareTo = (typeof COMPARE_TO)[number];

/** One row's comparison: per measure, the value in the comparison range and the change to it. */
export interface RowComparison {
  comparisonValues: (number | null)[];
  /** value − comparison value; null when either is null. */
  changes: (number | null)[];
  /** The change in percent of the comparison value; null when that is 0 or null. */
  changePercents: (number | null)[];
}

export interface ComparedResult extends ReportResult {
  comparisonRange: LocalDateRange;
  rows: (ReportRow & RowComparison)[];
}

/**
 * The range a run is compared with: the same number of days just before it (PREVIOUS_PERIOD:
 * March 2026, 31 days, is compared with 29 January to 28 February), or the same local dates a year
 * earlier (PREVIOUS_YEAR: 29 February becomes 28 February).
 */
export function comparisonRange(range: LocalDateRange, compareTo: CompareTo): LocalDateRange {
  switch (compareTo) {
    case 'PREVIOUS_PERIOD': {
      const days = DateTime.fromISO(range.to, { zone: 'UTC' }).diff(DateTime.fromISO(range.from, { zone: 'UTC' }), 'days').days + 1;
      return { from: addDays(range.from, -days), to: addDays(range.from, -1) };
    }
    case 'PREVIOUS_YEAR': {
      const yearBefore = (day: string) => DateTime.fromISO(day, { zone: 'UTC' }).minus({ years: 1 }).toISODate() as string;
      return { from: yearBefore(range.from), to: yearBefore(range.to) };
    }
    default:
      return assertNever(compareTo);
  }
}

/** The spec of the comparison run: the same report over the comparison range. */
export function comparisonSpec(spec: ReportSpec, compareTo: CompareTo): ReportSpec {
  if (!spec.range) throw new BadInput('compareTo', 'needs a date range to compare with (all time has no previous period)');
  return { ...spec, range: comparisonRange(spec.range, compareTo) };
}

/**
 * Each row of `current` with the row of `previous` for the same group. Groups match by their values,
 * except time buckets, which match by position: the first bucket of the run with the first of the
 * comparison (week 1 with week 1), whatever their dates. A row without a counterpart compares with
 * nothing: its comparison values are null, or 0 for counts, as an empty group of the comparison
 * range would show.
 */
export function compareResults(spec: ReportSpec, current: ReportResult, previous: ReportResult, range: LocalDateRange): ComparedResult {
  const keyOf = positionKeys(spec, previous);
  const before = new Map(previous.rows.map((row) => [keyOf(row), row]));
  const currentKey = positionKeys(spec, current);
  const bucketCounts = spec.dimensions.map((_, i) => new Set(previous.rows.map((r) => r.dimensionValues[i].value).filter((v) => v !== null)).size);
  const rows = current.rows.map((row) => {
    const key = currentKey(row);
    const match = before.get(key);
    // A bucket past the comparison's last one (a range of 31 days has more weeks than one of 28) has no counterpart at all.
    const beyond = (JSON.parse(key) as (string | null)[]).some((v, i) => spec.dimensions[i].kind === 'time' && v !== null && Number(v.slice(1)) >= bucketCounts[i]);
    const comparisonValues = row.measureValues.map((_, i) => (match ? match.measureValues[i] : !beyond && current.measures[i].unit === 'COUNT' ? 0 : null));
    const changes = row.measureValues.map((value, i) => (value === null || comparisonValues[i] === null ? null : value - (comparisonValues[i] as number)));
    const changePercents = changes.map((change, i) => (change === null || !comparisonValues[i] ? null : (change / Math.abs(comparisonValues[i] as number)) * 100));
    return { ...row, comparisonValues, changes, changePercents };
  });
  return { ...current, rows, comparisonRange: range };
}

/** A row's group as text, with each time bucket replaced by its position among the result's buckets. */
function positionKeys(spec: ReportSpec, result: ReportResult): (row: ReportRow) => string {
  const positions = spec.dimensions.map((dimension, i) => {
    if (dimension.kind !== 'time') return null;
    const buckets = [...new Set(result.rows.map((r) => r.dimensionValues[i].value).filter((v): v is string => v !== null))].sort();
    return new Map(buckets.map((value, position) => [value, position]));
  });
  return (row) => JSON.stringify(row.dimensionValues.map((v, i) => (positions[i] && v.value !== null ? `#${positions[i]?.get(v.value)}` : v.value)));
}
