/**
 * The plugin author's kit, `threadline/plugin`: `defineMeasure` and `defineReport`, identity
 * functions whose types catch an unknown property key, measure key, chart type or option at compile
 * time. The server still validates every plugin at start-up (plain JavaScript plugins have no
 * compiler to ask). This file imports nothing, so its declarations stand alone in the package;
 * test/unit/reporting/plugin-kit.test.ts keeps its lists equal to the engine's.
 */

/** Conversation properties reports group by as they are. */
export const GROUPABLE_PROPERTIES = [
  'assignee', 'inbox', 'team', 'chatflow', 'pageUrl', 'pageUrlPath', 'channel', 'status', 'subject', 'contactEmail', 'contactName', 'firstResponseRange',
  'createdAt.hourOfDay', 'createdAt.dayOfWeek', 'closedAt.hourOfDay', 'closedAt.dayOfWeek',
] as const;
/** Dates: a report's date property, and dimensions in time buckets. */
export const DATE_PROPERTIES = ['createdAt', 'closedAt'] as const;
/** Durations, in seconds: measured, or grouped in declared ranges. */
export const DURATION_PROPERTIES = ['firstResponseSeconds', 'timeToCloseSeconds'] as const;
/** Numbers: measured, or grouped in declared ranges. */
export const NUMBER_PROPERTIES = ['messageCount'] as const;
/** The measures of core, which every report may use. */
export const CORE_MEASURE_KEYS = [
  'count', 'closedCount', 'openCount', 'avgFirstResponseSeconds', 'avgTimeToCloseSeconds',
  'medianFirstResponseSeconds', 'p90FirstResponseSeconds', 'medianTimeToCloseSeconds', 'p90TimeToCloseSeconds',
] as const;

/** A custom property of the import (`"properties": {"csat": 4}`), as `properties.<name>`. */
export type CustomPropertyKey = `properties.${string}`;
export type GroupablePropertyKey = (typeof GROUPABLE_PROPERTIES)[number];
export type DatePropertyKey = (typeof DATE_PROPERTIES)[number];
export type DurationPropertyKey = (typeof DURATION_PROPERTIES)[number];
export type NumberPropertyKey = (typeof NUMBER_PROPERTIES)[number];
/** Every key of `conversationProperties`. */
export type PropertyKey = GroupablePropertyKey | DatePropertyKey | DurationPropertyKey | NumberPropertyKey | CustomPropertyKey;
export type CoreMeasureKey = (typeof CORE_MEASURE_KEYS)[number];

declare const definedMeasure: unique symbol;
/** The key of a measure made with `defineMeasure`: only such keys and core's pass as a report's measures. */
export type DefinedMeasureKey<K extends string = string> = K & { readonly [definedMeasure]: true };
export type MeasureKey = CoreMeasureKey | DefinedMeasureKey;

export type Channel = 'CHAT' | 'EMAIL';
export type ChartType = 'BAR' | 'COLUMN' | 'LINE' | 'AREA' | 'PIE' | 'DONUT' | 'SUMMARY' | 'TABLE';
export type Granularity = 'DAY' | 'WEEK' | 'MONTH' | 'QUARTER' | 'YEAR';
export type FilterOperator = 'EQ' | 'NEQ' | 'IN' | 'NOT_IN' | 'CONTAINS' | 'NOT_CONTAINS' | 'STARTS_WITH' | 'GT' | 'GTE' | 'LT' | 'LTE' | 'BETWEEN' | 'IS_KNOWN' | 'IS_UNKNOWN';
export type MeasureUnit = 'COUNT' | 'SECONDS' | 'NUMBER' | 'PERCENT';

/** A filter, as in the API's FilterInput (values are strings: seconds for durations, local dates or instants for dates). */
export interface Filter {
  property: Exclude<PropertyKey, `${DatePropertyKey}.${string}`>;
  operator: FilterOperator;
  values?: readonly string[];
}

type AggregateKind = 'sum' | 'avg' | 'min' | 'max';
interface MeasureBase<K extends string> {
  /** camelCase, unique among all measures: `avgCsat`. */
  key: K;
  label: string;
}

/** What `defineMeasure` takes: see docs/metrics.md for what each kind computes. */
export type MeasureDefinition<K extends string = string> =
  | (MeasureBase<K> & { kind: 'count'; unit: 'COUNT'; where?: readonly Filter[] })
  | (MeasureBase<K> & { kind: AggregateKind; unit: 'SECONDS'; property: DurationPropertyKey })
  | (MeasureBase<K> & { kind: AggregateKind; unit: 'NUMBER'; property: NumberPropertyKey | CustomPropertyKey })
  | (MeasureBase<K> & { kind: 'percentile'; p: number; unit: 'SECONDS'; property: DurationPropertyKey })
  | (MeasureBase<K> & { kind: 'percentile'; p: number; unit: 'NUMBER'; property: NumberPropertyKey | CustomPropertyKey })
  | (MeasureBase<K> & { kind: 'ratio'; unit: 'PERCENT' | 'NUMBER'; numerator: MeasureKey; denominator: MeasureKey });

/** A measure as `defineMeasure` returns it: its `key` may go in a report's `measures`. */
export type DefinedMeasure<K extends string = string> = MeasureDefinition<DefinedMeasureKey<K>>;

/** What `defineReport` takes. */
export interface ReportDefinition {
  /** kebab-case, unique in the catalog: `csat-by-assignee`. */
  id: string;
  title: string;
  description: string;
  /** The channel counted; null for both. */
  channel: Channel | null;
  /** Core's keys or `defineMeasure(...).key`; the first one leads (row order, drill-down default). */
  measures: readonly MeasureKey[];
  /** x-axis, then an optional break-down; a number or duration only with `ranges` for it. */
  dimensions: readonly (GroupablePropertyKey | DatePropertyKey | DurationPropertyKey | NumberPropertyKey | CustomPropertyKey)[];
  /** What a date range selects by. */
  dateProperty: DatePropertyKey;
  defaultChartType: ChartType;
  defaultFilters?: readonly Filter[];
  /** For a date dimension: the bucket size unless the run asks for another. */
  defaultGranularity?: Granularity;
  /** Numeric dimensions cut into ranges: ascending bounds, seconds for durations (`[3, 5]`: `< 3`, `3 to < 5`, `≥ 5`). */
  ranges?: Partial<Record<DurationPropertyKey | NumberPropertyKey | CustomPropertyKey, readonly number[]>>;
}

/** A measure a plugin adds: export it in the module's `measures`. Identity at run time. */
export function defineMeasure<const K extends string>(definition: MeasureDefinition<K>): DefinedMeasure<K> {
  return definition as DefinedMeasure<K>;
}

/** A report: the module's default export (or one of its `reports`). Identity at run time. */
export function defineReport(definition: ReportDefinition): ReportDefinition {
  return definition;
}
