import { Channel } from '../../conversations/conversation.entity';
import { FilterSpec } from '../../conversations/query/filters';
import { Granularity } from '../../calendar/time';
import { MeasureKey } from '../engine/measures';

export const CHART_TYPES = ['BAR', 'COLUMN', 'LINE', 'AREA', 'PIE', 'DONUT', 'SUMMARY', 'TABLE'] as const;
export type ChartType = (typeof CHART_TYPES)[number];

/** The instant a report's date range selects conversations by. */
export type DateProperty = 'createdAt' | 'closedAt';

/**
 * A report of the catalog: data only. A plugin file exports one (`export default defineReport({...})`);
 * the registry validates it at start-up and the engine writes its SQL.
 */
export interface ReportDefinition {
  /** Stable, kebab-case: `chat-volume-by-assignee`. */
  id: string;
  title: string;
  description: string;
  /** The channel the report counts; null for both. */
  channel: Channel | null;
  /** What is measured, first one leading (row order, drill-down default). */
  measures: readonly MeasureKey[];
  /**
   * Property keys to group by (x-axis, then break-down): `assignee`, `pageUrl`, `properties.plan`...
   * A date property (`createdAt`, `closedAt`) groups by time buckets of `defaultGranularity`.
   */
  dimensions: readonly string[];
  dateProperty: DateProperty;
  defaultChartType: ChartType;
  defaultFilters?: readonly FilterSpec[];
  /** For a time dimension: the bucket size unless the run asks for another. */
  defaultGranularity?: Granularity;
  /**
   * Numeric dimensions cut into ranges: property key → ascending bounds (seconds for durations).
   * `{ 'properties.csat': [3, 5] }` groups by `< 3`, `3 to < 5` and `≥ 5`.
   */
  ranges?: Readonly<Record<string, readonly number[]>>;
}

/** Identity at run time, a type check for plugin authors: `export default defineReport({ ... })`. */
export function defineReport<const T extends ReportDefinition>(definition: T): T {
  return definition;
}
