import { Channel } from '../../conversations/conversation.entity';
import { SqlDialect } from '../../db/dialect';
import { Sql } from '../../db/sql';
import { ConversationProperty, LocalPart } from '../../conversations/query/properties';
import { Granularity, LocalDateRange, OffsetTable, TimeBucket } from '../../calendar/time';
import { Measure } from './measures';

/** A dimension ready to compile: a catalog property, and for a date property its buckets. */
export type Dimension =
  | { kind: 'property'; property: ConversationProperty }
  | { kind: 'time'; property: ConversationProperty; granularity: Granularity }
  /** The local hour of day or day of week of a date property: value i is `property.enumValues[i]`. */
  | { kind: 'local'; property: ConversationProperty; date: 'c.created_at' | 'c.closed_at'; part: LocalPart }
  /** A numeric property in the ranges a report declares: value i is `ranges[i].value`. */
  | { kind: 'range'; property: ConversationProperty; ranges: NumericRange[] };

/** `[from, below)` of a numeric property (in its reported unit: seconds for durations); null is unbounded. */
export interface NumericRange {
  value: string;
  label: string;
  from: number | null;
  below: number | null;
}

/**
 * Everything the engine needs to run one report, already validated: no user text is left in it
 * except bound values inside `filters`.
 */
/** The covering index of each date property a report selects by (migration 1765094400000). */
export const REPORT_INDEXES = {
  'c.created_at': 'ix_conversations_report_created',
  'c.closed_at': 'ix_conversations_report_closed',
} as const;

export interface ReportSpec {
  accountId: number;
  channel: Channel | null;
  measures: Measure[];
  dimensions: Dimension[];
  /** Column of `conversations c` the date range selects by. */
  dateColumn: 'c.created_at' | 'c.closed_at';
  /** Local dates, inclusive; null is all time. */
  range: LocalDateRange | null;
  timezone: string;
  /** AND of the definition's default filters and the run's filters. */
  filters: Sql;
  /**
   * The property keys `filters` tests, for the rollup planner to check. Absent (a spec built by
   * hand) means unknown: the report is then answered from the conversations.
   */
  filterProperties?: readonly string[];
  /**
   * The store's hint for reading the date range from its covering index (SqlDialect.reportIndexHint),
   * empty for none. Absent (a spec built by hand): no hint.
   */
  indexHint?: Sql;
  /** The store's SQL dialect (buildSpec sets it; a spec built by hand takes the database's). */
  dialect?: SqlDialect;
}

/**
 * The buckets of one time dimension, in time order. On the date property the report selects by,
 * they are the date range's (partial ones clipped to it). On another date property they are whole
 * buckets from the first to the last local date any selected conversation has there, so that each
 * one lands in its own bucket, inside the range or not.
 */
export interface TimeAxis {
  buckets: TimeBucket[];
  /** `[from, to)`: the buckets listed even when empty (those of the range; for all time, every one). */
  filled: readonly [number, number];
}

/** A spec whose time dimensions have their buckets: all time is resolved to the data's span. */
export interface BoundSpec extends ReportSpec {
  /** One per dimension: its time axis, or null for a dimension that is not a date. */
  axes: (TimeAxis | null)[];
  /** One per dimension: for a local hour or weekday, the zone's offsets over the data's span. */
  offsets: (OffsetTable | null)[];
  /** The store's few differences (seconds since 1970 for a local hour). */
  dialect: SqlDialect;
}

/** Whether a dimension is a date other than the one the report selects by: it only groups, and may have no value. */
export function isOtherDate(spec: ReportSpec, dimension: Dimension): boolean {
  return dimension.kind === 'time' && dimension.property.column !== spec.dateColumn;
}
