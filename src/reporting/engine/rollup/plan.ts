import { CHANNELS } from '../../../conversations/conversation.entity';
import { Environment, onOff, settings } from '../../../config';
import { assertNever } from '../../../errors';
import { builtinProperty } from '../../../conversations/query/properties';
import { rangeInstants, TimeBucket } from '../../../calendar/time';
import { bucketIndex, compileAggregate } from '../compile';
import { Measure, measureParts, MeasureValue, valueSql } from '../measures';
import { BoundSpec } from '../spec';
import { empty, identifier, identifiers, join, raw as rawSql, Sql, sql } from '../../../db/sql';
import { BucketMinutes, bucketMs, bucketStartOf, DAY, Grouping, GROUPINGS, isBucketEdge, QUARTER_HOUR, RollupDateProperty, sizesOf } from './cells';
import { ROLLUP_GROUP_TABLE, ROLLUP_TABLE } from './maintain';
import { countAggregate } from '../../../metrics';

/**
 * The rollup planner: answers a report from `report_rollups` only when the answer is provably the
 * one the raw SQL over `conversations c` gives, and says why not otherwise.
 *
 * Accepted:
 * - measures that are counts (of all, OPEN or CLOSED conversations) or averages: cells hold counts
 *   and millisecond sums, and averages are SUM / COUNT divided in TypeScript either way;
 * - dimensions and filters on channel, status and at most one of assignee, inbox, team, chatflow
 *   and page URL (see the groupings in cells.ts). Groups have these columns under the names (and
 *   collation) of `conversations c`, so the filters' SQL is reused as is and means for a group what
 *   it means for each conversation in it;
 * - a time dimension on the report's own date property (cells are bucketed by it).
 * Refused (raw SQL): percentiles (they need every value); custom properties, durations, subject,
 * contact and the other columns the rollup lacks, as dimensions or filters; two of the grouping
 * columns together; filters on dates (a second date the cells are not bucketed by); a time
 * dimension on the other date property; a date property the grouping keeps no cells for (closedAt
 * by inbox, team, chatflow or page URL); a spec that does not say what its filters test (built by
 * hand); and a report with no whole UTC day to read from cells (a single local day, or day buckets
 * outside UTC, where the grouping has no quarter hours).
 *
 * What is read: the range and the time buckets cut time into spans; no cell may straddle a cut.
 * Whole UTC days inside a span come from DAY cells. The rest of a span, a few hours at either end,
 * comes from quarter-hour cells when the grouping has them (status, by createdAt) and every cut is on
 * a quarter hour (true for every zone in use today), and otherwise from the conversations, through the
 * same SQL the raw report uses. A 365-day report in Europe/Amsterdam reads 364 days of DAY cells
 * and 24 hours of either.
 */

/** The columns of `conversations c` every group has, besides its grouping's own. */
const SHARED_COLUMNS: ReadonlySet<string> = new Set(['c.channel', 'c.status']);

/** The grouping that has a column of `conversations c`. */
const GROUPING_BY_COLUMN = new Map<string, Grouping>(
  (Object.entries(GROUPINGS) as [Grouping, (typeof GROUPINGS)[Grouping]][]).flatMap(([name, g]) => (g.column ? [[`c.${g.column}`, name] as [string, Grouping]] : [])),
);

/** A half-open UTC span `[start, end)`. */
export interface Span {
  start: Date;
  end: Date;
}

/** What a plan reads: DAY cells starting in `days`, quarter-hour cells in `quarterHours`, conversations in `conversations`. */
export interface RollupCells {
  days: Span[];
  quarterHours: Span[];
  conversations: Span[];
}

export type RollupPlan =
  | { kind: 'rollup'; query: Sql; groupedBy: Grouping; cells: RollupCells | 'every day' }
  | { kind: 'raw'; reason: string };

/**
 * At most this many subqueries, one per span (SQLite allows 500 in one UNION ALL): a year of weeks
 * in a zone other than UTC takes 106 per channel. Beyond it a report on the `status` grouping reads
 * quarter hours only, as one range per channel (still exact, and far fewer rows than
 * conversations); others are left to raw SQL.
 */
export const MAX_SUBQUERIES = 480;

/** `THREADLINE_ROLLUPS=off` answers every report with raw SQL (to compare, or if a rollup were ever doubted). */
export function rollupsEnabled(env?: Environment): boolean {
  return env === undefined ? settings().rollups : onOff(env, 'THREADLINE_ROLLUPS', true);
}

/** The aggregate query of a report: from the rollup when the planner can, else over the conversations. */
export function aggregateQuery(spec: BoundSpec, useRollups: boolean): { query: Sql; fromRollup: boolean } {
  if (useRollups) {
    const plan = planRollup(spec);
    if (plan.kind === 'rollup') {
      countAggregate('rollup');
      return { query: plan.query, fromRollup: true };
    }
  }
  countAggregate('conversations');
  return { query: compileAggregate(spec), fromRollup: false };
}

export function planRollup(spec: BoundSpec): RollupPlan {
  const columns = new Map<string, string>();
  const tested = [...(spec.filterProperties ?? [])];
  for (const part of spec.measures.flatMap(measureParts)) {
    if (part.kind === 'percentile') return raw(`measure ${part.key} is a percentile, which needs every value`);
    if (part.kind === 'min' || part.kind === 'max') return raw(`measure ${part.key} is a ${part.kind}imum, which needs every value`);
    if ((part.kind === 'sum' || part.kind === 'avg') && !isRolledUp(part.value)) return raw(`measure ${part.key} aggregates ${part.value.property.key}, which the rollup does not sum`);
    if (part.kind === 'count') tested.push(...part.whereProperties);
  }
  for (const dimension of spec.dimensions) {
    if (dimension.kind === 'time') {
      if (dimension.property.column !== spec.dateColumn) return raw(`dimension ${dimension.property.key} is not the date property the report selects by`);
    } else if (!dimension.property.column || !(SHARED_COLUMNS.has(dimension.property.column) || GROUPING_BY_COLUMN.has(dimension.property.column))) {
      return raw(`dimension ${dimension.property.key} is not a rollup column`);
    } else if (GROUPING_BY_COLUMN.has(dimension.property.column)) {
      columns.set(dimension.property.column, dimension.property.key);
    }
  }
  if (spec.filterProperties === undefined) return raw('the properties the filters test are not known');
  for (const key of tested) {
    const column = builtinProperty(key)?.column;
    if (!column || !(SHARED_COLUMNS.has(column) || GROUPING_BY_COLUMN.has(column))) return raw(`filter on ${key}, which is not a rollup column`);
    if (GROUPING_BY_COLUMN.has(column)) columns.set(column, key);
  }
  if (columns.size > 1) return raw(`${[...columns.values()].join(' and ')} together: rollups group by one of them at a time`);
  const groupedBy = columns.size === 0 ? 'status' : (GROUPING_BY_COLUMN.get([...columns.keys()][0]) as Grouping);
  const dateProperty = dateOf(spec);
  if (!sizesOf(groupedBy, dateProperty).includes(DAY)) return raw(`the ${groupedBy} rollup keeps no ${dateProperty} cells`);
  const buckets = bucketsOf(spec);
  if (spec.dimensions.some((d) => d.kind === 'time') && !buckets?.length) return raw('the time buckets are not bound');

  const cuts = cutPoints(spec, buckets);
  if (cuts === null) return { kind: 'rollup', query: compileRollupAggregate(spec, groupedBy, 'every day'), groupedBy, cells: 'every day' };
  if (cuts.length < 2) return raw('the report has no time span');
  const quarterHours = sizesOf(groupedBy, dateProperty).includes(QUARTER_HOUR) && cuts.every((instant) => isBucketEdge(instant, QUARTER_HOUR));
  let cells = decompose(cuts, quarterHours);
  const channels = spec.channel ? 1 : CHANNELS.length;
  if ((cells.days.length + cells.quarterHours.length + cells.conversations.length) * channels > MAX_SUBQUERIES) {
    if (!quarterHours) return raw(`its time buckets would take more than ${MAX_SUBQUERIES} ranges`);
    cells = { days: [], quarterHours: [{ start: cuts[0], end: cuts[cuts.length - 1] }], conversations: [] };
  }
  if (cells.days.length === 0 && cells.quarterHours.length === 0) return raw(`no whole UTC day to read from the ${groupedBy} rollup`);
  return { kind: 'rollup', query: compileRollupAggregate(spec, groupedBy, cells), groupedBy, cells };
}

/** The buckets of the report's time dimension (the planner has checked it is on the date property); null without one. */
function bucketsOf(spec: BoundSpec): TimeBucket[] | null {
  const index = spec.dimensions.findIndex((d) => d.kind === 'time');
  return index < 0 ? null : (spec.axes[index]?.buckets ?? null);
}

function raw(reason: string): RollupPlan {
  return { kind: 'raw', reason };
}

function dateOf(spec: BoundSpec): RollupDateProperty {
  return spec.dateColumn === 'c.closed_at' ? 'closedAt' : 'createdAt';
}

/**
 * Every instant at which the report's scope or one of its time buckets begins or ends, sorted;
 * null for all time without a time dimension (every cell counts).
 */
function cutPoints(spec: BoundSpec, buckets: TimeBucket[] | null): Date[] | null {
  const cuts = new Map<number, Date>();
  if (spec.range) {
    const { start, end } = rangeInstants(spec.range, spec.timezone);
    cuts.set(start.getTime(), start).set(end.getTime(), end);
  }
  if (buckets) {
    for (const bucket of buckets) cuts.set(bucket.start.getTime(), bucket.start).set(bucket.end.getTime(), bucket.end);
  }
  if (!spec.range && !buckets) return null;
  return [...cuts.values()].sort((a, b) => a.getTime() - b.getTime());
}

/**
 * `[first cut, last cut)` in pieces that never straddle a cut: in each span between two cuts, the
 * whole UTC days it holds, and the rest before and after them as quarter hours or conversations.
 * Adjacent pieces of one kind are merged: a run of day buckets in UTC is one range of DAY cells,
 * and a day bucket in Amsterdam, 23:00 to 23:00 UTC, joins its neighbours in one range of the rest.
 */
function decompose(cuts: Date[], quarterHours: boolean): RollupCells {
  const cells: RollupCells = { days: [], quarterHours: [], conversations: [] };
  const rest = quarterHours ? cells.quarterHours : cells.conversations;
  const day = bucketMs(DAY);
  const push = (spans: Span[], start: number, end: number) => {
    if (start >= end) return;
    const last = spans[spans.length - 1];
    if (last && last.end.getTime() === start) last.end = new Date(end);
    else spans.push({ start: new Date(start), end: new Date(end) });
  };
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [start, end] = [cuts[i].getTime(), cuts[i + 1].getTime()];
    const firstDay = Math.ceil(start / day) * day;
    const lastDay = bucketStartOf(cuts[i + 1], DAY);
    if (firstDay < lastDay) {
      push(rest, start, firstDay);
      push(cells.days, firstDay, lastDay);
      push(rest, lastDay, end);
    } else {
      push(rest, start, end);
    }
  }
  return cells;
}

/** Sums per group and time bucket: column of report_rollups, the raw SQL's expression over `conversations c`, alias. */
const SUMS = [
  { cells: 'conversations', conversations: 'COUNT(*)', alias: 'n' },
  { cells: 'first_response_count', conversations: 'COUNT(c.first_response_ms)', alias: 'frc' },
  { cells: 'first_response_ms_sum', conversations: 'SUM(c.first_response_ms)', alias: 'frs' },
  { cells: 'time_to_close_count', conversations: 'COUNT(c.time_to_close_ms)', alias: 'ttcc' },
  { cells: 'time_to_close_ms_sum', conversations: 'SUM(c.time_to_close_ms)', alias: 'ttcs' },
] as const;

/** The aliases of each duration's sum and count, by its column. */
const AVERAGED: Readonly<Record<string, readonly [string, string]>> = { 'c.first_response_ms': ['frs', 'frc'], 'c.time_to_close_ms': ['ttcs', 'ttcc'] };

/** Whether cells hold the sum and count of a measure's values: the two durations. */
function isRolledUp(value: MeasureValue): boolean {
  return value.property.customName === undefined && value.property.column !== undefined && Object.hasOwn(AVERAGED, value.property.column);
}

/**
 * Counts with a `where` are summed inside each part, where `c` is a group (cells) or a
 * conversation: the planner has checked the where tests only columns both have, so it means the
 * same on either. Named `w<name>` as the measure's aggregate column is.
 */
function countedWheres(spec: BoundSpec): { name: string; where: Sql }[] {
  return spec.measures.flatMap((measure, i) => namedParts(measure, String(i))).flatMap(({ part, name }) => (part.kind === 'count' && part.where ? [{ name, where: part.where }] : []));
}

function namedParts(measure: Measure, name: string): { part: Measure; name: string }[] {
  return measure.kind === 'ratio' ? [{ part: measure.numerator, name: `${name}n` }, { part: measure.denominator, name: `${name}d` }] : [{ part: measure, name }];
}

/**
 * The same columns as compileAggregate's (`d<i>`, `m<i>`, `s<i>`/`k<i>`), summed over `x`: rows of
 * dimension values (`d<i>`), status (`st`) and sums, from two parts.
 * - Cells: one subquery per span (UNION ALL) that fixes the whole key up to the bucket start and
 *   sums its cells per group (and time bucket); MariaDB and SQLite both read exactly that range
 *   of the primary key and test nothing per row (an OR of ranges costs MariaDB a test of every
 *   range on every row, and SQLite without statistics reads past it). A year of cells shrinks to a
 *   few hundred rows, which are joined to their groups (`c`, where the filters apply).
 * - Conversations: one subquery per span of the rest, the raw report's own scope and filters over
 *   `conversations c`, summed the same way.
 * A span inside one time bucket gets its index as a constant; one across buckets a search over
 * the buckets it overlaps only.
 */
function compileRollupAggregate(spec: BoundSpec, groupedBy: Grouping, cells: RollupCells | 'every day'): Sql {
  const measured = spec.measures.flatMap(measureParts);
  const sums = SUMS.filter((s) => s.alias === 'n' || measured.some((m) => (m.kind === 'sum' || m.kind === 'avg') && AVERAGED[valueSql(m.value, new Map()).text].includes(s.alias)));
  const wheres = countedWheres(spec);
  const whereSums = (counted: Sql) => join(wheres.map(({ name, where }) => sql`, SUM(CASE WHEN ${where} THEN ${counted} ELSE 0 END) AS ${identifier(`w${name}`)}`), '');
  const timed = spec.dimensions.some((d) => d.kind === 'time');
  const starts = (bucketsOf(spec) ?? []).map((b) => b.start);
  const bucketOf = (column: Sql, span: Span | null) => (timed ? bucketIndex(column, starts, ...bucketsOverlapping(starts, span)) : null);
  const dateProperty = dateOf(spec);
  const channels = spec.channel ? [spec.channel] : CHANNELS;
  const rollupTable = identifier(ROLLUP_TABLE);

  const cellSubquery = (channel: string, minutes: BucketMinutes, span: Span | null): Sql => {
    const bucket = bucketOf(rawSql('r.bucket_start'), span);
    const key = sql`r.account_id = ${spec.accountId} AND r.grouped_by = ${groupedBy} AND r.date_property = ${dateProperty} AND r.channel = ${channel} AND r.bucket_minutes = ${rawSql(String(minutes))}`;
    const where = span ? sql`${key} AND r.bucket_start >= ${span.start} AND r.bucket_start < ${span.end}` : key;
    const summed = join(sums.map((s) => sql`SUM(${identifier(`r.${s.cells}`)}) AS ${identifier(s.alias)}`), ', ');
    return bucket
      ? sql`SELECT r.group_id, ${bucket} AS b, ${summed} FROM ${rollupTable} r WHERE ${where} GROUP BY r.group_id, b`
      : sql`SELECT r.group_id, ${summed} FROM ${rollupTable} r WHERE ${where} GROUP BY r.group_id`;
  };
  const cellSubqueries: Sql[] = [];
  const conversationSpans = cells === 'every day' ? [] : cells.conversations;
  for (const channel of channels) {
    if (cells === 'every day') {
      cellSubqueries.push(cellSubquery(channel, DAY, null));
      continue;
    }
    for (const span of cells.days) cellSubqueries.push(cellSubquery(channel, DAY, span));
    for (const span of cells.quarterHours) cellSubqueries.push(cellSubquery(channel, QUARTER_HOUR, span));
  }

  const parts: Sql[] = [];
  const groupColumns = (select: Sql[]) => (select.length > 0 ? sql` GROUP BY ${identifiers(select.map((_, i) => `d${i}`))}, st` : rawSql(' GROUP BY st'));
  if (cellSubqueries.length > 0) {
    // Dimension columns come from the property catalog (checked against the groupings above).
    const dimensions = spec.dimensions.map((d, i) => sql`${rawSql(d.kind === 'time' ? 't.b' : (d.property.column as string))} AS ${identifier(`d${i}`)}`);
    const union = join(cellSubqueries, ' UNION ALL ');
    const select = join([...dimensions, rawSql('c.status AS st'), ...sums.map((s) => sql`SUM(${identifier(`t.${s.alias}`)}) AS ${identifier(s.alias)}`)], ', ');
    parts.push(
      sql`SELECT ${select}${whereSums(rawSql('t.n'))} FROM (${union}) t JOIN ${identifier(ROLLUP_GROUP_TABLE)} c ON c.account_id = ${spec.accountId} AND c.group_id = t.group_id WHERE ${spec.filters}${groupColumns(dimensions)}`,
    );
  }
  const dateColumn = rawSql(spec.dateColumn);
  for (const span of conversationSpans) {
    const bucket = bucketOf(dateColumn, span);
    const dimensions = spec.dimensions.map((d, i) => sql`${d.kind === 'time' ? (bucket as Sql) : rawSql(d.property.column as string)} AS ${identifier(`d${i}`)}`);
    const account = spec.channel ? sql`c.account_id = ${spec.accountId} AND c.channel = ${spec.channel}` : sql`c.account_id = ${spec.accountId}`;
    const scope = sql`${account} AND ${dateColumn} >= ${span.start} AND ${dateColumn} < ${span.end} AND (${spec.filters})`;
    const summed = join(sums.map((s) => sql`${rawSql(s.conversations)} AS ${identifier(s.alias)}`), ', ');
    const select = join([...dimensions, sql`c.status AS st, ${summed}${whereSums(rawSql('1'))}`], ', ');
    const hint = spec.channel ? (spec.indexHint ?? empty) : empty;
    parts.push(sql`SELECT ${select} FROM conversations c${hint} WHERE ${scope}${groupColumns(dimensions)}`);
  }

  const dimensions = spec.dimensions.map((_, i) => sql`${identifier(`x.d${i}`)} AS ${identifier(`d${i}`)}`);
  const measures = spec.measures.flatMap((m, i) => measureColumns(m, String(i)));
  const select = join([...dimensions, ...measures], ', ');
  const groupBy = dimensions.length > 0 ? sql` GROUP BY ${identifiers(dimensions.map((_, i) => `d${i}`))}` : empty;
  return sql`SELECT ${select.isEmpty ? rawSql('SUM(x.n) AS m_none') : select} FROM (${join(parts, ' UNION ALL ')}) x${groupBy}`;
}

/** `[lo, hi)`: the buckets a span overlaps (all of them for none). Spans lie inside the buckets' range. */
function bucketsOverlapping(starts: readonly Date[], span: Span | null): [number, number] {
  if (!span) return [0, starts.length];
  const indexOf = (instant: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid].getTime() <= instant) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  return [indexOf(span.start.getTime()), indexOf(span.end.getTime() - 1) + 1];
}

/** The columns compileAggregate's measureColumns gives, from the parts' sums (`x`). */
function measureColumns(measure: Measure, name: string): Sql[] {
  switch (measure.kind) {
    case 'count':
      return [sql`SUM(${identifier(measure.where ? `x.w${name}` : 'x.n')}) AS ${identifier(`m${name}`)}`];
    case 'sum':
    case 'avg': {
      const [sum, count] = AVERAGED[valueSql(measure.value, new Map()).text];
      return [sql`SUM(${identifier(`x.${sum}`)}) AS ${identifier(`s${name}`)}, SUM(${identifier(`x.${count}`)}) AS ${identifier(`k${name}`)}`];
    }
    case 'ratio':
      return [...measureColumns(measure.numerator, `${name}n`), ...measureColumns(measure.denominator, `${name}d`)];
    case 'min':
    case 'max':
    case 'percentile':
      throw new Error(`the planner refuses ${measure.kind} measures`);
    default:
      return assertNever(measure);
  }
}
