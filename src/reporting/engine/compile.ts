import { assertNever, invariant } from '../../errors';
import { SqlFragment } from '../filters';
import { ConversationProperty } from '../properties';
import { rangeInstants, TimeBucket } from '../time';
import { Measure, measureScope } from './measures';
import { BoundSpec, Dimension, isOtherDate, ReportSpec, TimeAxis } from './spec';
import { and, fragment, join } from './sql';

/**
 * Report spec → one parameterised SQL query over `conversations c`. Everything here is plain SQL
 * that MariaDB and SQLite both run the same way; values are only ever bound parameters, and
 * column names come from the property catalog.
 */

/** The conversations a report looks at: its account, channel, date range and filters. */
export function scopeOf(spec: ReportSpec): SqlFragment {
  const parts = [fragment('c.account_id = ?', spec.accountId)];
  if (spec.channel) parts.push(fragment('c.channel = ?', spec.channel));
  if (spec.range) {
    const { start, end } = rangeInstants(spec.range, spec.timezone);
    parts.push(fragment(`${spec.dateColumn} >= ? AND ${spec.dateColumn} < ?`, start, end));
  } else {
    // All time still selects by the date property: a report by closedAt sees closed conversations only.
    parts.push(fragment(`${spec.dateColumn} IS NOT NULL`));
  }
  parts.push(spec.filters);
  return and(parts);
}

/**
 * Scope plus: the instant of a time dimension on the date property lies inside its buckets (for all
 * time, a conversation written after the buckets were bound waits for the next run). A time
 * dimension on another date property never narrows the selection: it only groups.
 */
function boundScope(spec: BoundSpec): SqlFragment {
  const parts = [scopeOf(spec)];
  spec.dimensions.forEach((dimension, i) => {
    if (dimension.kind !== 'time' || isOtherDate(spec, dimension)) return;
    const { buckets } = axisOf(spec, i);
    const column = columnOf(dimension.property);
    parts.push(fragment(`${column} >= ? AND ${column} < ?`, buckets[0].start, buckets[buckets.length - 1].end));
  });
  return and(parts);
}

function axisOf(spec: BoundSpec, index: number): TimeAxis {
  const axis = spec.axes[index];
  invariant(axis && (axis.buckets.length > 0 || isOtherDate(spec, spec.dimensions[index])), 'a time dimension on the date property is bound to at least one bucket');
  return axis;
}

function columnOf(property: ConversationProperty): string {
  invariant(property.column, `property ${property.key} has a column`);
  return property.column;
}

/** Custom properties are joined once per dimension that groups by one. */
function customJoin(property: ConversationProperty, alias: string): SqlFragment {
  return fragment(
    `LEFT JOIN conversation_properties ${alias} ON ${alias}.account_id = c.account_id AND ${alias}.conversation_id = c.external_id AND ${alias}.name = ?`,
    property.customName,
  );
}

/**
 * The grouping expression of a dimension. A time dimension gives the 0-based bucket index, or null
 * for a conversation without that date (an open one has no closedAt): the no-value group.
 */
function dimensionExpression(spec: BoundSpec, dimension: Dimension, index: number): SqlFragment {
  if (dimension.kind === 'time') {
    const { buckets } = axisOf(spec, index);
    const column = columnOf(dimension.property);
    if (!isOtherDate(spec, dimension)) return bucketIndex(column, buckets.map((b) => b.start), 0, buckets.length);
    if (buckets.length === 0) return fragment('NULL');
    const found = bucketIndex(column, buckets.map((b) => b.start), 0, buckets.length);
    return fragment(`CASE WHEN ${column} IS NULL THEN NULL ELSE ${found.sql} END`, ...found.params);
  }
  if (dimension.property.customName !== undefined) return fragment(`p${index}.value_text`);
  return fragment(columnOf(dimension.property));
}

/**
 * A nested CASE that finds an instant's bucket by binary search over the bucket starts: each row
 * makes log2(buckets) comparisons, not one per bucket. Edges are UTC instants computed in
 * TypeScript, so DST is already in them and no timezone tables are needed.
 */
export function bucketIndex(column: string, starts: readonly Date[], lo: number, hi: number): SqlFragment {
  if (hi - lo === 1) return fragment(String(lo));
  const mid = (lo + hi) >> 1;
  const below = bucketIndex(column, starts, lo, mid);
  const above = bucketIndex(column, starts, mid, hi);
  return fragment(`CASE WHEN ${column} < ? THEN ${below.sql} ELSE ${above.sql} END`, starts[mid], ...below.params, ...above.params);
}

function fromClause(spec: BoundSpec): SqlFragment {
  const joins = spec.dimensions.flatMap((d, i) => (d.kind === 'property' && d.property.customName !== undefined ? [customJoin(d.property, `p${i}`)] : []));
  // The covering index leads with the channel: without one, or for all time, the planner chooses.
  const hint = spec.range && spec.channel ? (spec.indexHint ?? '') : '';
  return join([fragment(`FROM conversations c${hint}`), ...joins], ' ');
}

/** Aggregate columns of a measure: `m<i>` for counts, `s<i>`/`k<i>` (sum, count) for averages. */
function measureColumns(measure: Measure, index: number): SqlFragment | null {
  switch (measure.kind) {
    case 'count':
      return measure.status
        ? fragment(`SUM(CASE WHEN c.status = ? THEN 1 ELSE 0 END) AS m${index}`, measure.status)
        : fragment(`COUNT(*) AS m${index}`);
    case 'average':
      return fragment(`SUM(${measure.column}) AS s${index}, COUNT(${measure.column}) AS k${index}`);
    case 'percentile':
      return null; // a query of its own: see compilePercentile
    default:
      return assertNever(measure);
  }
}

/** One row per group: `d<i>` dimension values, then the measure columns. */
export function compileAggregate(spec: BoundSpec): SqlFragment {
  const dimensions = spec.dimensions.map((d, i) => dimensionExpression(spec, d, i));
  const measures = spec.measures.flatMap((m, i) => measureColumns(m, i) ?? []);
  const select = join([...dimensions.map((d, i) => fragment(`${d.sql} AS d${i}`, ...d.params)), ...measures], ', ');
  const groupBy = dimensions.length > 0 ? ` GROUP BY ${dimensions.map((_, i) => `d${i}`).join(', ')}` : '';
  const from = fromClause(spec);
  const where = boundScope(spec);
  return join([fragment(`SELECT ${select.sql || 'COUNT(*) AS m_none'}`, ...select.params), from, fragment(`WHERE ${where.sql}${groupBy}`, ...where.params)], ' ');
}

/**
 * The rows around a percentile's position in each group, for linear interpolation in TypeScript
 * (as PERCENTILE_CONT does): window functions number the values per group. MariaDB has
 * PERCENTILE_CONT only as a window function and SQLite's differs by build, so both use this.
 * Rows with `rn` within one of `(n - 1) * fraction + 1` come back; TypeScript picks and interpolates,
 * so the float rounding of the bound is never decisive.
 */
export function compilePercentile(spec: BoundSpec, measure: Measure): SqlFragment {
  invariant(measure.kind === 'percentile' && measure.fraction !== undefined, 'a percentile measure');
  const dimensions = spec.dimensions.map((d, i) => dimensionExpression(spec, d, i));
  const names = dimensions.map((_, i) => `d${i}`);
  const partition = names.length > 0 ? `PARTITION BY ${names.join(', ')} ` : '';
  const select = join([...dimensions.map((d, i) => fragment(`${d.sql} AS d${i}`, ...d.params)), fragment(`${measure.column} AS v`)], ', ');
  const where = and([boundScope(spec), fragment(`${measure.column} IS NOT NULL`)]);
  const inner = join([fragment(`SELECT ${select.sql}`, ...select.params), fromClause(spec), fragment(`WHERE ${where.sql}`, ...where.params)], ' ');
  const columns = [...names, 'v'].join(', ');
  return fragment(
    `SELECT ${columns}, rn, n FROM (SELECT ${columns}, ROW_NUMBER() OVER (${partition}ORDER BY v) AS rn, COUNT(*) OVER (${partition.trim()}) AS n FROM (${inner.sql}) t) ranked` +
      ' WHERE rn >= (n - 1) * ? AND rn <= (n - 1) * ? + 2',
    ...inner.params,
    measure.fraction,
    measure.fraction,
  );
}

/**
 * The earliest and latest instant of each column within the scope (`first<i>`, `last<i>`): the
 * span the buckets of a time dimension must cover. Only the scope's date column narrows the rows.
 */
export function compileSpans(spec: ReportSpec, columns: readonly string[]): SqlFragment {
  const where = scopeOf(spec);
  const select = columns.map((column, i) => `MIN(${column}) AS first${i}, MAX(${column}) AS last${i}`).join(', ');
  return fragment(`SELECT ${select} FROM conversations c WHERE ${where.sql}`, ...where.params);
}

/**
 * The conversations behind one data point: the report's scope, each dimension equal to the point's
 * value (null: no value; a time bucket: its span, which `bucketOf` finds), and the measure's own scope.
 */
export function compilePoint(spec: ReportSpec, point: readonly (string | null)[], measure: Measure, bucketOf: (value: string, dimension: number) => TimeBucket): SqlFragment {
  const parts = [scopeOf(spec), measureScope(measure)];
  spec.dimensions.forEach((dimension, i) => {
    const value = point[i];
    if (dimension.kind === 'time') {
      const column = columnOf(dimension.property);
      if (value === null) {
        parts.push(fragment(`${column} IS NULL`));
        return;
      }
      const bucket = bucketOf(value, i);
      parts.push(fragment(`${column} >= ? AND ${column} < ?`, bucket.start, bucket.end));
    } else if (dimension.property.customName !== undefined) {
      const exists = 'EXISTS (SELECT 1 FROM conversation_properties p WHERE p.account_id = c.account_id AND p.conversation_id = c.external_id AND p.name = ?';
      parts.push(value === null ? fragment(`NOT ${exists})`, dimension.property.customName) : fragment(`${exists} AND p.value_text = ?)`, dimension.property.customName, value));
    } else {
      const column = columnOf(dimension.property);
      parts.push(value === null ? fragment(`${column} IS NULL`) : fragment(`${column} = ?`, value));
    }
  });
  return and(parts);
}
