import { Channel } from '../../conversations/conversation.entity';
import { SqlFragment } from '../filters';
import { ConversationProperty } from '../properties';
import { Granularity, LocalDateRange, TimeBucket } from '../time';
import { Measure } from './measures';

/** A dimension ready to compile: a catalog property, and for a date property its buckets. */
export type Dimension =
  | { kind: 'property'; property: ConversationProperty }
  | { kind: 'time'; property: ConversationProperty; granularity: Granularity };

/**
 * Everything the engine needs to run one report, already validated: no user text is left in it
 * except bound values inside `filters`.
 */
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
  filters: SqlFragment;
  /**
   * The property keys `filters` tests, for the rollup planner to check. Absent (a spec built by
   * hand) means unknown: the report is then answered from the conversations.
   */
  filterProperties?: readonly string[];
}

/** A spec whose time dimension (if any) has its buckets: all time is resolved to the data's span. */
export interface BoundSpec extends ReportSpec {
  buckets: TimeBucket[] | null;
}
