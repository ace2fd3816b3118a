import { assertNever, BadInput, invariant } from '../../errors';
import { ConversationProperty, LocalPart } from '../../conversations/query/properties';
import { OffsetTable, rangeInstants, TimeBucket } from '../../calendar/time';
import { customValueNames, Measure, measureScope, valueSql } from './measures';
import { BoundSpec, Dimension, isOtherDate, NumericRange, ReportSpec, TimeAxis } from './spec';
import { and, empty, identifier, identifiers, join, raw, Sql, sql } from '../../db/sql';
import { Column, column } from '../../db/rows';

/**
 * Report spec → one parameterised SQL query over `conversations c`. Everything here is plain SQL
 * that MariaDB and SQLite both run the same way; values are only ever bound parameters, and
 * column names come from the property catalog.
 */

/** The conversations a report looks at: its account, channel, date range and filters. */
export function scopeOf(spec: ReportSpec): Sql {
  const parts = [sql`c.account_id = ${spec.accountId}`];
  if (spec.channel) parts.push(sql`c.channel = ${spec.channel}`);
  const date = raw(spec.dateColumn);
  if (spec.range) {
    const { start, end } = rangeInstants(spec.range, spec.timezone);
    parts.push(sql`${date} >= ${start} AND ${date} < ${end}`);
  } else {
    // All time still selects by the date property: a report by closedAt sees closed conversations only.
    parts.push(sql`${date} IS NOT NULL`);
  }
  parts.push(spec.filters);
  return and(parts);
}

/**
 * Scope plus: the instant of a time dimension on the date property lies inside its buckets (for all
 * time, a conversation written after the buckets were bound waits for the next run). A time
 * dimension on another date property never narrows the selection: it only groups.
 */
function boundScope(spec: BoundSpec): Sql {
  const parts = [scopeOf(spec)];
  spec.dimensions.forEach((dimension, i) => {
    if (dimension.kind !== 'time' || isOtherDate(spec, dimension)) return;
    const { buckets } = axisOf(spec, i);
    const column = columnOf(dimension.property);
    parts.push(sql`${column} >= ${buckets[0].start} AND ${column} < ${buckets[buckets.length - 1].end}`);
  });
  return and(parts);
}

function axisOf(spec: BoundSpec, index: number): TimeAxis {
  const axis = spec.axes[index];
  invariant(axis && (axis.buckets.length > 0 || isOtherDate(spec, spec.dimensions[index])), 'a time dimension on the date property is bound to at least one bucket');
  return axis;
}

/** A property's column or fixed expression, from the property catalog. */
function columnOf(property: ConversationProperty): Sql {
  invariant(property.column, `property ${property.key} has a column`);
  return raw(property.column);
}

/** Custom properties are joined once per dimension that groups by one. */
function customJoin(property: ConversationProperty, name: string): Sql {
  const alias = identifier(name);
  return sql`LEFT JOIN conversation_properties ${alias} ON ${alias}.account_id = c.account_id AND ${alias}.conversation_id = c.external_id AND ${alias}.name = ${property.customName}`;
}

/**
 * The grouping expression of a dimension. A time dimension gives the 0-based bucket index, or null
 * for a conversation without that date (an open one has no closedAt): the no-value group.
 */
function dimensionExpression(spec: BoundSpec, dimension: Dimension, index: number): Sql {
  if (dimension.kind === 'time') {
    const { buckets } = axisOf(spec, index);
    const column = columnOf(dimension.property);
    if (!isOtherDate(spec, dimension)) return bucketIndex(column, buckets.map((b) => b.start), 0, buckets.length);
    if (buckets.length === 0) return raw('NULL');
    const found = bucketIndex(column, buckets.map((b) => b.start), 0, buckets.length);
    return sql`CASE WHEN ${column} IS NULL THEN NULL ELSE ${found} END`;
  }
  if (dimension.kind === 'local') return localExpression(spec, raw(dimension.date), dimension.part, offsetsOf(spec, index));
  if (dimension.kind === 'range') return rangeExpression(rangeValueSql(dimension, index), dimension);
  if (dimension.property.customName !== undefined) return raw(`p${index}.value_text`);
  return columnOf(dimension.property);
}

function offsetsOf(spec: BoundSpec, index: number): OffsetTable {
  const offsets = spec.offsets[index];
  invariant(offsets, 'a local dimension is bound to its offsets');
  return offsets;
}

/**
 * Seconds added before dividing, so every operand stays positive back to 1900 (both stores
 * truncate toward zero): 4000 weeks, a whole number of days and of weeks.
 */
const EPOCH_SHIFT = 4000 * 7 * 86_400;

/**
 * The local hour of day (0–23) or day of week (0 Monday – 6 Sunday) of an instant: its seconds
 * since 1970 plus the zone's offset at that instant, found by binary search over the offset changes
 * computed in TypeScript (no zone tables). Both hours 02:00–03:00 of a night that turns the clocks
 * back are local 02; 1970-01-01 was a Thursday (3).
 */
export function localExpression(spec: BoundSpec, column: Sql, part: LocalPart, offsets: OffsetTable): Sql {
  const starts = [new Date(-8.64e15), ...offsets.changes.map((c) => c.at)];
  const values = [offsets.initial, ...offsets.changes.map((c) => c.offset)];
  const offset = searchInstants(column, starts, 0, starts.length, (i) => raw(String(values[i])));
  const seconds = sql`(${spec.dialect.epochSeconds(column)} + ${offset} + ${raw(String(EPOCH_SHIFT))})`;
  const local = part === 'hourOfDay' ? spec.dialect.intDiv(sql`${seconds} % 86400`, raw('3600')) : sql`(${spec.dialect.intDiv(seconds, raw('86400'))} + 3) % 7`;
  return sql`CASE WHEN ${column} IS NULL THEN NULL ELSE ${local} END`;
}

/** The value a range dimension tests: a column, or the number of a custom property joined as `p<i>`. */
function rangeValueSql(dimension: Extract<Dimension, { kind: 'range' }>, index: number): Sql {
  return dimension.property.customName !== undefined ? raw(`p${index}.value_number`) : columnOf(dimension.property);
}

/** Durations are stored in milliseconds, ranges declared in seconds. */
function rangeScale(property: ConversationProperty): number {
  return property.type === 'DURATION' ? 1000 : 1;
}

/** The index of the range a value lies in, or null without a value. */
function rangeExpression(value: Sql, dimension: Extract<Dimension, { kind: 'range' }>): Sql {
  const scale = rangeScale(dimension.property);
  const bounded = dimension.ranges.flatMap((r, i) => (r.below === null ? [] : [{ i, below: r.below * scale }]));
  const cases = join(bounded.map(({ i, below }) => sql`WHEN ${value} < ${below} THEN ${raw(String(i))}`), ' ');
  return sql`CASE WHEN ${value} IS NULL THEN NULL ${cases} ELSE ${raw(String(dimension.ranges.length - 1))} END`;
}

/** The condition that a value lies in one range (over `value`, already non-null). */
function inRange(value: Sql, range: NumericRange, property: ConversationProperty): Sql {
  const scale = rangeScale(property);
  const parts = [...(range.from === null ? [] : [sql`${value} >= ${range.from * scale}`]), ...(range.below === null ? [] : [sql`${value} < ${range.below * scale}`])];
  return parts.length === 0 ? sql`${value} IS NOT NULL` : and(parts);
}

/**
 * A nested CASE that finds an instant's bucket by binary search over the bucket starts: each row
 * makes log2(buckets) comparisons, not one per bucket. Edges are UTC instants computed in
 * TypeScript, so DST is already in them and no timezone tables are needed.
 */
export function bucketIndex(column: Sql, starts: readonly Date[], lo: number, hi: number): Sql {
  return searchInstants(column, starts, lo, hi, (i) => raw(String(i)));
}

/** The binary search of bucketIndex, giving `leaf(i)` (SQL from code, never input) for the span i an instant lies in. */
function searchInstants(column: Sql, starts: readonly Date[], lo: number, hi: number, leaf: (i: number) => Sql): Sql {
  if (hi - lo === 1) return leaf(lo);
  const mid = (lo + hi) >> 1;
  const below = searchInstants(column, starts, lo, mid, leaf);
  const above = searchInstants(column, starts, mid, hi, leaf);
  return sql`CASE WHEN ${column} < ${starts[mid]} THEN ${below} ELSE ${above} END`;
}

/** The alias each custom property a measure reads is joined under: `v0`, `v1`... */
export function valueAliases(spec: ReportSpec): Map<string, string> {
  return new Map(customValueNames(spec.measures).map((name, i) => [name, `v${i}`]));
}

function fromClause(spec: BoundSpec): Sql {
  const joins = spec.dimensions.flatMap((d, i) => ((d.kind === 'property' || d.kind === 'range') && d.property.customName !== undefined ? [customJoin(d.property, `p${i}`)] : []));
  const values = [...valueAliases(spec)].map(([name, alias]) => customJoin({ key: name, label: name, type: 'NUMBER', customName: name, groupable: true }, alias));
  // The covering index leads with the channel: without one, or for all time, the planner chooses.
  const hint = spec.range && spec.channel ? (spec.indexHint ?? empty) : empty;
  return join([sql`FROM conversations c${hint}`, ...joins, ...values], ' ');
}

/**
 * Aggregate columns of a measure named `name` (its index; a ratio's parts add `n` and `d`): `m<name>`
 * for counts, minima and maxima, `s<name>`/`k<name>` (sum, count of values) for sums and averages.
 * Percentiles have a query of their own (see compilePercentile).
 */
export function measureColumns(measure: Measure, name: string, aliases: ReadonlyMap<string, string>): Sql[] {
  switch (measure.kind) {
    case 'count':
      return [measure.where ? sql`SUM(CASE WHEN ${measure.where} THEN 1 ELSE 0 END) AS ${identifier(`m${name}`)}` : sql`COUNT(*) AS ${identifier(`m${name}`)}`];
    case 'sum':
    case 'avg': {
      const value = valueSql(measure.value, aliases);
      return [sql`SUM(${value}) AS ${identifier(`s${name}`)}, COUNT(${value}) AS ${identifier(`k${name}`)}`];
    }
    case 'min':
    case 'max':
      return [sql`${raw(measure.kind.toUpperCase())}(${valueSql(measure.value, aliases)}) AS ${identifier(`m${name}`)}`];
    case 'percentile':
      return [];
    case 'ratio':
      return [...measureColumns(measure.numerator, `${name}n`, aliases), ...measureColumns(measure.denominator, `${name}d`, aliases)];
    default:
      return assertNever(measure);
  }
}

/** One row per group: `d<i>` dimension values, then the measure columns. */
export function compileAggregate(spec: BoundSpec): Sql {
  const dimensions = spec.dimensions.map((d, i) => dimensionExpression(spec, d, i));
  const aliases = valueAliases(spec);
  const measures = spec.measures.flatMap((m, i) => measureColumns(m, String(i), aliases));
  const select = join([...dimensions.map((d, i) => sql`${d} AS ${identifier(`d${i}`)}`), ...measures], ', ');
  const groupBy = dimensions.length > 0 ? sql` GROUP BY ${identifiers(dimensions.map((_, i) => `d${i}`))}` : empty;
  return sql`SELECT ${select.isEmpty ? raw('COUNT(*) AS m_none') : select} ${fromClause(spec)} WHERE ${boundScope(spec)}${groupBy}`;
}

/**
 * A group's value of one dimension as the aggregate and percentile queries give it (`d<i>`): the
 * 0-based index of a time bucket, local hour or weekday, or numeric range, else the property's
 * text; null for no value.
 */
export type GroupValue = number | string | null;

/** How the `d<i>` columns are read: an index for a time, local or range dimension, else text. */
export type DimensionShape = { [name: `d${number}`]: Column<GroupValue> };

/**
 * How the aggregate's columns are read (compileAggregate's, and the rollup's, which gives the same
 * names): the dimensions, then each measure's counts (`k<name>`, 0 over nothing) and values
 * (`m<name>`, `s<name>`: null over nothing), whatever form the driver returns them in.
 */
export type AggregateShape = DimensionShape & { [name: `k${string}`]: Column<number> } & { [name: `${'m' | 's'}${string}`]: Column<number | null> };

/** The columns of a percentile query beside its dimensions: the value, its rank in its group and the group's size. */
export type PercentileShape = DimensionShape & { v: Column<number>; rn: Column<number>; n: Column<number> };

function dimensionShape(spec: ReportSpec): DimensionShape {
  const shape: DimensionShape = {};
  spec.dimensions.forEach((dimension, i) => {
    shape[`d${i}`] = dimension.kind === 'property' ? column.nullableText : column.nullableNumber;
  });
  return shape;
}

/** The shape of the rows compileAggregate (or the rollup's aggregate) returns for `spec`. */
export function aggregateShape(spec: ReportSpec): AggregateShape {
  const shape: AggregateShape = dimensionShape(spec);
  const add = (measure: Measure, name: string): void => {
    switch (measure.kind) {
      case 'count':
      case 'min':
      case 'max':
        shape[`m${name}`] = column.nullableNumber;
        return;
      case 'sum':
      case 'avg':
        shape[`s${name}`] = column.nullableNumber;
        shape[`k${name}`] = column.count;
        return;
      case 'percentile':
        return;
      case 'ratio':
        add(measure.numerator, `${name}n`);
        add(measure.denominator, `${name}d`);
        return;
      default:
        return assertNever(measure);
    }
  };
  spec.measures.forEach((measure, i) => add(measure, String(i)));
  return shape;
}

/** The shape of the rows compilePercentile returns for `spec`. */
export function percentileShape(spec: ReportSpec): PercentileShape {
  return { ...dimensionShape(spec), v: column.number, rn: column.number, n: column.number };
}

/**
 * The rows around a percentile's position in each group, for linear interpolation in TypeScript
 * (as PERCENTILE_CONT does): window functions number the values per group. MariaDB has
 * PERCENTILE_CONT only as a window function and SQLite's differs by build, so both use this.
 * Rows with `rn` within one of `(n - 1) * fraction + 1` come back; TypeScript picks and interpolates,
 * so the float rounding of the bound is never decisive.
 */
export function compilePercentile(spec: BoundSpec, measure: Measure): Sql {
  invariant(measure.kind === 'percentile', 'a percentile measure');
  const value = valueSql(measure.value, valueAliases(spec));
  const dimensions = spec.dimensions.map((d, i) => dimensionExpression(spec, d, i));
  const names = dimensions.map((_, i) => `d${i}`);
  const partition = names.length > 0 ? sql`PARTITION BY ${identifiers(names)}` : empty;
  const select = join([...dimensions.map((d, i) => sql`${d} AS ${identifier(`d${i}`)}`), sql`${value} AS v`], ', ');
  const where = and([boundScope(spec), sql`${value} IS NOT NULL`]);
  const inner = sql`SELECT ${select} ${fromClause(spec)} WHERE ${where}`;
  const columns = identifiers([...names, 'v']);
  const orderBy = partition.isEmpty ? raw('ORDER BY v') : sql`${partition} ORDER BY v`;
  return sql`SELECT ${columns}, rn, n FROM (SELECT ${columns}, ROW_NUMBER() OVER (${orderBy}) AS rn, COUNT(*) OVER (${partition}) AS n FROM (${inner}) t) ranked WHERE rn >= (n - 1) * ${measure.fraction} AND rn <= (n - 1) * ${measure.fraction} + 2`;
}

function pointIndex(values: readonly string[], value: string, i: number): number {
  const index = values.indexOf(value);
  if (index < 0) throw new BadInput(`point[${i}]`, `${JSON.stringify(value)} is not a value of this dimension (one of ${values.join(', ')})`);
  return index;
}

/**
 * The earliest and latest instant of each column within the scope (`first<i>`, `last<i>`): the
 * span the buckets of a time dimension must cover. Only the scope's date column narrows the rows.
 */
export function compileSpans(spec: ReportSpec, columns: readonly string[]): Sql {
  const select = join(columns.map((column, i) => sql`MIN(${raw(column)}) AS ${identifier(`first${i}`)}, MAX(${raw(column)}) AS ${identifier(`last${i}`)}`), ', ');
  return sql`SELECT ${select} FROM conversations c WHERE ${scopeOf(spec)}`;
}

/**
 * The conversations behind one data point: the report's scope, each dimension equal to the point's
 * value (null: no value; a time bucket: its span, which `bucketOf` finds), and the measure's own scope.
 */
export function compilePoint(spec: BoundSpec, point: readonly (string | null)[], measure: Measure, bucketOf: (value: string, dimension: number) => TimeBucket): Sql {
  const parts = [scopeOf(spec), measureScope(measure)];
  spec.dimensions.forEach((dimension, i) => {
    const value = point[i];
    if (dimension.kind === 'time') {
      const column = columnOf(dimension.property);
      if (value === null) {
        parts.push(sql`${column} IS NULL`);
        return;
      }
      const bucket = bucketOf(value, i);
      parts.push(sql`${column} >= ${bucket.start} AND ${column} < ${bucket.end}`);
    } else if (dimension.kind === 'local') {
      const date = raw(dimension.date);
      const local = localExpression(spec, date, dimension.part, offsetsOf(spec, i));
      parts.push(value === null ? sql`${date} IS NULL` : sql`${local} = ${pointIndex(dimension.property.enumValues ?? [], value, i)}`);
    } else if (dimension.kind === 'range') {
      const custom = dimension.property.customName;
      const exists = (condition: Sql) => sql`EXISTS (SELECT 1 FROM conversation_properties p WHERE p.account_id = c.account_id AND p.conversation_id = c.external_id AND p.name = ${custom} AND p.value_number IS NOT NULL${condition})`;
      const column = custom === undefined ? columnOf(dimension.property) : raw('p.value_number');
      if (value === null) {
        parts.push(custom === undefined ? sql`${column} IS NULL` : sql`NOT ${exists(empty)}`);
      } else {
        const range = dimension.ranges[pointIndex(dimension.ranges.map((r) => r.value), value, i)];
        const test = inRange(column, range, dimension.property);
        parts.push(custom === undefined ? test : exists(sql` AND ${test}`));
      }
    } else if (dimension.property.customName !== undefined) {
      const exists = (condition: Sql) => sql`EXISTS (SELECT 1 FROM conversation_properties p WHERE p.account_id = c.account_id AND p.conversation_id = c.external_id AND p.name = ${dimension.property.customName}${condition})`;
      parts.push(value === null ? sql`NOT ${exists(empty)}` : exists(sql` AND p.value_text = ${value}`));
    } else {
      const column = columnOf(dimension.property);
      parts.push(value === null ? sql`${column} IS NULL` : sql`${column} = ${value}`);
    }
  });
  return and(parts);
}
