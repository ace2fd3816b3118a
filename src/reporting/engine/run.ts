import { findDirectoryEntries } from '../../conversations/directory';
import { Database, ReportReader } from '../../db/database';
import { Column, column, RowOf, selectReport } from '../../db/rows';
import { assertNever, BadInput, invariant } from '../../errors';
import { ConversationProperty } from '../../conversations/query/properties';
import { bucketStart, LocalDateRange, localDateOf, OffsetTable, offsetTable, rangeInstants, timeBuckets, wholeBuckets } from '../../calendar/time';
import { aggregateShape, AggregateShape, compilePercentile, compileSpans, DimensionShape, GroupValue, percentileShape } from './compile';
import { Measure, MeasureUnit } from './measures';
import { aggregateQuery, rollupsEnabled } from './rollup/plan';
import { BoundSpec, Dimension, isOtherDate, ReportSpec, TimeAxis } from './spec';

type TimeDimension = Extract<Dimension, { kind: 'time' }>;

export interface DimensionValue {
  /** The external id, URL, enum value or bucket's first day; null for no value. */
  value: string | null;
  label: string;
}

export interface ReportRow {
  dimensionValues: DimensionValue[];
  /** One per measure, in order; null for an average or percentile over nothing. */
  measureValues: (number | null)[];
}

export interface ReportResult {
  dimensions: { key: string; label: string }[];
  measures: { key: string; label: string; unit: MeasureUnit }[];
  rows: ReportRow[];
}

/**
 * Where an answer came from: the report cache, the rollup tables, or SQL over the conversations
 * (reported per run in `extensions.threadline.source`).
 */
export type AnswerSource = 'CACHE' | 'ROLLUP' | 'RAW';

/** A report's result and where it came from. */
export interface ReportAnswer {
  result: ReportResult;
  source: AnswerSource;
}

export interface RunSpecOptions {
  /** Whether the aggregate may come from the rollup when the planner proves it equal; default: env THREADLINE_ROLLUPS is not `off`. */
  rollups?: boolean;
}

/** Runs a report: at most one aggregate query, one per percentile measure, and one per directory for labels. */
export async function runSpec(db: ReportReader, spec: ReportSpec, options: RunSpecOptions = {}): Promise<ReportResult> {
  return (await computeReport(db, spec, options)).result;
}

/** What runSpec computes, and whether its aggregate was read from the rollup or the conversations. */
export async function computeReport(db: ReportReader, spec: ReportSpec, options: RunSpecOptions = {}): Promise<ReportAnswer> {
  const bound = await bindBuckets(db, spec);
  const header = {
    dimensions: spec.dimensions.map((d) => ({ key: d.property.key, label: d.property.label })),
    measures: spec.measures.map((m) => ({ key: m.key, label: m.label, unit: m.unit })),
  };
  // All time over nothing: a time series by the date property has no bucket to show.
  if (bound.axes.some((axis, i) => axis?.buckets.length === 0 && !isOtherDate(spec, spec.dimensions[i]))) return { result: { ...header, rows: [] }, source: 'RAW' };

  const groups = new Map<string, Group>();
  const groupOf = (raw: GroupValue[]) => {
    const key = JSON.stringify(raw);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { raw, values: spec.measures.map(emptyValue) }));
    return group;
  };
  const aggregate = aggregateQuery(bound, options.rollups ?? rollupsEnabled());
  const source: AnswerSource = aggregate.fromRollup ? 'ROLLUP' : 'RAW';
  for (const row of await selectReport(db, aggregate.query, aggregateShape(spec))) {
    const group = groupOf(groupValues(spec, row));
    spec.measures.forEach((measure, i) => {
      if (measure.kind !== 'percentile') group.values[i] = measureValue(measure, String(i), row);
    });
  }
  for (const [i, measure] of spec.measures.entries()) {
    if (measure.kind !== 'percentile') continue;
    await percentiles(db, bound, measure, (raw, value) => {
      groupOf(raw).values[i] = value;
    });
  }
  // Groups are the conversations the report selects; a group may show 0 for a count of CLOSED or
  // null for an average (docs/metrics.md), and time buckets without data show as well.
  fillEmptyBuckets(bound, [...groups.values()].map((g) => g.raw), groupOf);
  const rows = await labelRows(db, bound, [...groups.values()]);
  return { result: { ...header, rows: sortRows(bound, rows) }, source };
}

/**
 * Time dimensions need buckets. On the date property the report selects by they follow from the
 * date range; for all time they span the first to the last local day that has data, so "all time"
 * still lists every bucket in between. On another date property they cover the range too, and
 * stretch to the first and last local day any selected conversation has there (one query finds
 * both spans), so that every selected conversation lands in a bucket of its own date.
 */
export async function bindBuckets(db: ReportReader, spec: ReportSpec): Promise<BoundSpec> {
  const times = spec.dimensions.flatMap((d) => (d.kind === 'time' ? [d] : []));
  const locals = spec.dimensions.flatMap((d) => (d.kind === 'local' ? [d] : []));
  // A local hour or weekday needs the zone's offsets over the instants it may see: the range's when
  // it is of the date the report selects by, else those of the data.
  const columns = [
    ...new Set([
      ...times.filter((d) => !spec.range || isOtherDate(spec, d)).map((d) => d.property.column as string),
      ...locals.filter((d) => !spec.range || d.date !== spec.dateColumn).map((d) => d.date as string),
    ]),
  ];
  const spans = new Map<string, LocalDateRange>();
  const instants = new Map<string, { first: Date; last: Date }>();
  if (columns.length > 0) {
    const shape: Record<string, Column<Date | null>> = {};
    columns.forEach((_, i) => {
      shape[`first${i}`] = column.nullableInstant;
      shape[`last${i}`] = column.nullableInstant;
    });
    const [row] = await selectReport(db, compileSpans(spec, columns), shape);
    columns.forEach((date, i) => {
      const first = row?.[`first${i}`] ?? null;
      const last = row?.[`last${i}`] ?? null;
      if (first && last) {
        spans.set(date, { from: localDateOf(first, spec.timezone), to: localDateOf(last, spec.timezone) });
        instants.set(date, { first, last });
      }
    });
  }
  const offsets = spec.dimensions.map((d): OffsetTable | null => {
    if (d.kind !== 'local') return null;
    const span = spec.range && d.date === spec.dateColumn ? rangeInstants(spec.range, spec.timezone) : instants.get(d.date);
    const start = span && 'start' in span ? span.start : (span?.first ?? new Date());
    const end = span && 'end' in span ? span.end : (span?.last ?? start);
    return offsetTable(spec.timezone, start, end);
  });
  const axes = spec.dimensions.map((d): TimeAxis | null => {
    if (d.kind !== 'time') return null;
    const span = spans.get(d.property.column as string) ?? null;
    if (isOtherDate(spec, d)) return otherDateAxis(spec, d, span);
    const range = spec.range ?? span;
    const buckets = range ? timeBuckets(range, d.granularity, spec.timezone) : [];
    return { buckets, filled: [0, buckets.length] };
  });
  // A replica's reader has no dialect of its own: it is the primary's, which built the spec.
  const dialect = spec.dialect ?? (db as Partial<Database>).dialect;
  invariant(dialect, 'a spec built by buildSpec or a database knows its SQL dialect');
  return { ...spec, axes, offsets, dialect };
}

/**
 * Whole buckets from the first to the last date of the range and of the data together. Listed even
 * when empty: the range's buckets, or for all time every one between the data's first and last date.
 */
function otherDateAxis(spec: ReportSpec, dimension: TimeDimension, span: LocalDateRange | null): TimeAxis {
  const listed = spec.range ?? span;
  if (!listed) return { buckets: [], filled: [0, 0] };
  const extent = span ? { from: listed.from < span.from ? listed.from : span.from, to: listed.to > span.to ? listed.to : span.to } : listed;
  const buckets = wholeBuckets(extent, dimension.granularity, spec.timezone, `the selected conversations' ${dimension.property.key} spans them; choose a coarser granularity`);
  const indexOf = (day: string) => buckets.findIndex((b) => b.value === bucketStart(day, dimension.granularity));
  return { buckets, filled: [indexOf(listed.from), indexOf(listed.to) + 1] };
}

async function percentiles(db: ReportReader, spec: BoundSpec, measure: Measure, set: (raw: GroupValue[], value: number) => void): Promise<void> {
  const query = compilePercentile(spec, measure);
  invariant(measure.kind === 'percentile', 'a percentile measure');
  const { fraction, value } = measure;
  const byGroup = new Map<string, { raw: GroupValue[]; n: number; ranked: Map<number, number> }>();
  for (const row of await selectReport(db, query, percentileShape(spec))) {
    const raw = groupValues(spec, row);
    const key = JSON.stringify(raw);
    const group = byGroup.get(key) ?? { raw, n: row.n, ranked: new Map() };
    group.ranked.set(row.rn, row.v);
    byGroup.set(key, group);
  }
  for (const { raw, n, ranked } of byGroup.values()) {
    // PERCENTILE_CONT: position (n - 1) * fraction, 0-based, interpolated between its neighbours.
    const position = (n - 1) * fraction;
    const lower = ranked.get(Math.floor(position) + 1);
    const upper = ranked.get(Math.ceil(position) + 1);
    if (lower === undefined || upper === undefined) throw new Error(`percentile rows missing around ${position} of ${n}`);
    set(raw, (lower + (position - Math.floor(position)) * (upper - lower)) / value.scale);
  }
}

/**
 * A measure's value from the aggregate row (the columns measureColumns names, read as
 * aggregateShape says): a count is 0 over nothing; a sum, average, minimum or maximum over no
 * values is null; a ratio is null when its denominator is 0 or null (a share of nothing), and × 100
 * in unit PERCENT.
 */
export function measureValue(measure: Measure, name: string, row: RowOf<AggregateShape>): number | null {
  switch (measure.kind) {
    case 'count':
      return row[`m${name}`] ?? 0;
    case 'sum':
    case 'avg': {
      const count = row[`k${name}`];
      if (count === 0) return null;
      const sum = row[`s${name}`] as number;
      return (measure.kind === 'avg' ? sum / count : sum) / measure.value.scale;
    }
    case 'min':
    case 'max': {
      const value = row[`m${name}`];
      return value === null ? null : value / measure.value.scale;
    }
    case 'ratio': {
      const numerator = measureValue(measure.numerator, `${name}n`, row);
      const denominator = measureValue(measure.denominator, `${name}d`, row);
      if (numerator === null || denominator === null || denominator === 0) return null;
      return (numerator / denominator) * (measure.unit === 'PERCENT' ? 100 : 1);
    }
    case 'percentile':
      throw new Error('percentiles are read by percentiles()');
    default:
      return assertNever(measure);
  }
}

function emptyValue(measure: Measure): number | null {
  return measure.kind === 'count' ? 0 : null;
}

/** A group's dimension values, in order, from a row of the aggregate or a percentile query. */
function groupValues(spec: ReportSpec, row: RowOf<DimensionShape>): GroupValue[] {
  return spec.dimensions.map((_, i) => row[`d${i}`]);
}

interface Group {
  raw: GroupValue[];
  values: (number | null)[];
}

/**
 * Every listed bucket of the first time dimension for every combination of the other dimensions
 * that has data (with a single dimension, every listed bucket even without data). Buckets outside
 * the listed ones (another date property's, beyond the range) show only where they have data.
 */
function fillEmptyBuckets(spec: BoundSpec, seen: GroupValue[][], groupOf: (raw: GroupValue[]) => unknown): void {
  // Without time buckets, every hour, weekday or range of the first such dimension is listed instead.
  const listed = spec.dimensions.findIndex((d) => d.kind === 'local' || d.kind === 'range');
  const timeAt = spec.axes.some((axis) => axis !== null) ? spec.axes.findIndex((axis) => axis !== null) : listed;
  if (timeAt < 0) return;
  const others = new Map<string, GroupValue[]>();
  for (const raw of seen) {
    const rest = raw.filter((_, i) => i !== timeAt);
    others.set(JSON.stringify(rest), rest);
  }
  if (others.size === 0) {
    if (spec.dimensions.length > 1) return; // a break-down with no data has no series to fill
    others.set('[]', []);
  }
  const [from, to] = spec.axes[timeAt]?.filled ?? [0, valueCount(spec.dimensions[timeAt])];
  for (const rest of others.values()) {
    for (let bucket = from; bucket < to; bucket++) {
      const raw = [...rest];
      raw.splice(timeAt, 0, bucket);
      groupOf(raw);
    }
  }
}

async function labelRows(db: ReportReader, spec: BoundSpec, groups: Group[]): Promise<ReportRow[]> {
  const names = await Promise.all(
    spec.dimensions.map(async (d, i) => {
      if (d.kind !== 'property' || !d.property.directory) return null;
      const ids = [...new Set(groups.map((g) => g.raw[i]).filter((v): v is string => typeof v === 'string'))];
      return findDirectoryEntries(db, spec.accountId, d.property.directory, ids);
    }),
  );
  return groups.map((group) => ({
    dimensionValues: spec.dimensions.map((d, i): DimensionValue => {
      const raw = group.raw[i];
      if (raw === null) return { value: null, label: noValueLabel(d.property) };
      if (d.kind === 'time') {
        const bucket = spec.axes[i]?.buckets[Number(raw)];
        if (!bucket) throw new Error(`bucket ${String(raw)} out of range`);
        return { value: bucket.value, label: bucket.value };
      }
      if (d.kind === 'range') {
        const range = d.ranges[Number(raw)];
        if (!range) throw new Error(`range ${String(raw)} out of range`);
        return { value: range.value, label: range.label };
      }
      const value = d.kind === 'local' ? (d.property.enumValues?.[Number(raw)] ?? String(raw)) : String(raw);
      return { value, label: names[i]?.get(value)?.name ?? d.property.enumLabels?.[value] ?? value };
    }),
    measureValues: group.values,
  }));
}

export function noValueLabel(property: ConversationProperty): string {
  return property.key === 'assignee' ? 'Unassigned' : '(No value)';
}

/**
 * Time in time order and an enum in its own order, no value last; any other dimension by its share
 * of the leading measure, largest first, ties by label: a bar chart of "volume by team member"
 * reads top-down, and a break-down by day keeps every series whole and in time order. A value's
 * share at dimension i is the total over the rows that agree with it on dimensions 0..i.
 */
function sortRows(spec: BoundSpec, rows: ReportRow[]): ReportRow[] {
  const prefix = (row: ReportRow, i: number) => JSON.stringify(row.dimensionValues.slice(0, i + 1).map((v) => v.value));
  const totals = new Map<string, number>();
  for (const row of rows) {
    for (let i = 0; i < spec.dimensions.length; i++) {
      const key = prefix(row, i);
      const value = row.measureValues[0];
      // A group with no value at all (an average over nothing) sorts after every group with one.
      if (value !== null) totals.set(key, (totals.get(key) ?? 0) + value);
    }
  }
  const compareAt = (a: ReportRow, b: ReportRow, i: number): number => {
    const dimension = spec.dimensions[i];
    const [x, y] = [a.dimensionValues[i], b.dimensionValues[i]];
    if (dimension.kind === 'time') return x.value === null || y.value === null ? Number(x.value === null) - Number(y.value === null) : compareText(x.value, y.value);
    const order = dimension.kind === 'range' ? dimension.ranges.map((r) => r.value) : dimension.property.enumValues;
    if (order) return rank(order, x.value) - rank(order, y.value);
    const [ta, tb] = [totals.get(prefix(a, i)) ?? -Infinity, totals.get(prefix(b, i)) ?? -Infinity];
    return (ta === tb ? 0 : tb > ta ? 1 : -1) || compareText(x.label, y.label) || compareText(x.value ?? '', y.value ?? '');
  };
  return rows.sort((a, b) => {
    for (let i = 0; i < spec.dimensions.length; i++) {
      const difference = compareAt(a, b, i);
      if (difference !== 0) return difference;
    }
    return 0;
  });
}

/** How many values a local or range dimension lists. */
function valueCount(dimension: Dimension): number {
  return dimension.kind === 'range' ? dimension.ranges.length : (dimension.property.enumValues?.length ?? 0);
}

/** An enum value's place; no value goes last. */
function rank(order: readonly string[], value: string | null): number {
  const index = value === null ? -1 : order.indexOf(value);
  return index < 0 ? order.length : index;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function assertPointArity(spec: ReportSpec, point: readonly unknown[]): void {
  if (point.length !== spec.dimensions.length) {
    throw new BadInput('point', `must hold one value per dimension (${spec.dimensions.map((d) => d.property.key).join(', ') || 'none'}): expected ${spec.dimensions.length}, got ${point.length}`);
  }
}
