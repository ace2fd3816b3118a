import { assertNever, invariant } from '../../errors';
import { FilterSpec } from '../../conversations/query/filters';
import { ConversationProperty } from '../../conversations/query/properties';
import { raw, Sql, sql } from '../../db/sql';

/**
 * What a report can measure. A measure is data: a kind over property keys of
 * `conversationProperties`, never SQL. Core's own catalog (below) and plugins define measures the
 * same way; the registry validates them at start-up and the compiler turns them into SQL. Every
 * average is SUM / COUNT divided in TypeScript, so MariaDB's DECIMAL rounding of AVG never shows
 * and rollups stay exact.
 */

export const MEASURE_UNITS = ['COUNT', 'SECONDS', 'NUMBER', 'PERCENT'] as const;
export type MeasureUnit = (typeof MEASURE_UNITS)[number];

export const AGGREGATE_KINDS = ['sum', 'avg', 'min', 'max'] as const;
export type AggregateKind = (typeof AGGREGATE_KINDS)[number];
export const MEASURE_KINDS = ['count', ...AGGREGATE_KINDS, 'percentile', 'ratio'] as const;
export type MeasureKind = (typeof MEASURE_KINDS)[number];

interface MeasureBase {
  /** Stable, camelCase: `avgCsat`. Saved reports and dashboards refer to it. */
  key: string;
  label: string;
  unit: MeasureUnit;
}

/**
 * A measure definition:
 * - `count`: conversations, optionally only those matching `where` (filters as in FilterInput);
 * - `sum` / `avg` / `min` / `max`: of a numeric property (a duration, in seconds, or a number,
 *   built in or custom), over the conversations that have a value;
 * - `percentile`: the `p`-th percentile (0–100, interpolated) of a numeric property;
 * - `ratio`: `numerator` ÷ `denominator`, two other measures (counts, sums, averages, minima or
 *   maxima); null when the denominator is 0 or has no value. With unit PERCENT it is × 100.
 */
export type MeasureDefinition =
  | (MeasureBase & { kind: 'count'; where?: readonly FilterSpec[] })
  | (MeasureBase & { kind: AggregateKind; property: string })
  | (MeasureBase & { kind: 'percentile'; property: string; p: number })
  | (MeasureBase & { kind: 'ratio'; numerator: string; denominator: string });

const status = (value: 'OPEN' | 'CLOSED'): FilterSpec[] => [{ property: 'status', operator: 'EQ', values: [value] }];

/** Core's own measures: the nine every installation has, defined like any plugin's. */
export const CORE_MEASURES = [
  { key: 'count', label: 'Conversations', unit: 'COUNT', kind: 'count' },
  { key: 'closedCount', label: 'Closed conversations', unit: 'COUNT', kind: 'count', where: status('CLOSED') },
  { key: 'openCount', label: 'Open conversations', unit: 'COUNT', kind: 'count', where: status('OPEN') },
  { key: 'avgFirstResponseSeconds', label: 'Average first response time', unit: 'SECONDS', kind: 'avg', property: 'firstResponseSeconds' },
  { key: 'avgTimeToCloseSeconds', label: 'Average time to close', unit: 'SECONDS', kind: 'avg', property: 'timeToCloseSeconds' },
  { key: 'medianFirstResponseSeconds', label: 'Median first response time', unit: 'SECONDS', kind: 'percentile', property: 'firstResponseSeconds', p: 50 },
  { key: 'p90FirstResponseSeconds', label: '90th percentile first response time', unit: 'SECONDS', kind: 'percentile', property: 'firstResponseSeconds', p: 90 },
  { key: 'medianTimeToCloseSeconds', label: 'Median time to close', unit: 'SECONDS', kind: 'percentile', property: 'timeToCloseSeconds', p: 50 },
  { key: 'p90TimeToCloseSeconds', label: '90th percentile time to close', unit: 'SECONDS', kind: 'percentile', property: 'timeToCloseSeconds', p: 90 },
] as const satisfies readonly MeasureDefinition[];

export type CoreMeasureKey = (typeof CORE_MEASURES)[number]['key'];
/** Kept for callers that name measures by key: core's or a plugin's. */
export type MeasureKey = string;
export const MEASURE_KEYS: readonly CoreMeasureKey[] = CORE_MEASURES.map((m) => m.key);

export function isCoreMeasureKey(key: string): key is CoreMeasureKey {
  return (MEASURE_KEYS as readonly string[]).includes(key);
}

/** Finds a measure definition by key (core's and the plugins'). */
export type MeasureLookup = (key: string) => MeasureDefinition | undefined;

const CORE_BY_KEY = new Map<string, MeasureDefinition>(CORE_MEASURES.map((m) => [m.key, m]));
export const coreMeasures: MeasureLookup = (key) => CORE_BY_KEY.get(key);

/** A numeric property a measure aggregates, and the divisor to its unit (milliseconds → seconds). */
export interface MeasureValue {
  property: ConversationProperty;
  scale: number;
}

/**
 * A measure ready to compile: its property keys resolved through the account's property catalog
 * and its `where` compiled to SQL over `conversations c` (bound values only).
 */
export type Measure =
  | { kind: 'count'; key: string; label: string; unit: MeasureUnit; where: Sql | null; whereProperties: readonly string[] }
  | { kind: AggregateKind; key: string; label: string; unit: MeasureUnit; value: MeasureValue }
  | { kind: 'percentile'; key: string; label: string; unit: MeasureUnit; value: MeasureValue; fraction: number }
  | { kind: 'ratio'; key: string; label: string; unit: MeasureUnit; numerator: Measure; denominator: Measure };

/** The measures a compiled measure is made of: itself, or for a ratio its two parts. */
export function measureParts(measure: Measure): Measure[] {
  return measure.kind === 'ratio' ? [measure.numerator, measure.denominator] : [measure];
}

/** The custom properties whose number a measure reads (each is joined once). */
export function customValueNames(measures: readonly Measure[]): string[] {
  const names = new Set<string>();
  for (const measure of measures.flatMap(measureParts)) {
    if (measure.kind !== 'count' && measure.kind !== 'ratio' && measure.value.property.customName !== undefined) names.add(measure.value.property.customName);
  }
  return [...names].sort();
}

/** SQL of a measure's value: a column of `conversations c`, or the number of a joined custom property. */
export function valueSql(value: MeasureValue, aliases: ReadonlyMap<string, string>): Sql {
  if (value.property.customName !== undefined) {
    const alias = aliases.get(value.property.customName);
    invariant(alias, `custom property ${value.property.customName} is joined`);
    return raw(`${alias}.value_number`);
  }
  invariant(value.property.column, `property ${value.property.key} has a column`);
  return raw(value.property.column);
}

/**
 * The conversations a measure is computed over, as SQL over `conversations c`: a drill-down on a
 * data point lists exactly these, so its totalCount is the point's count (for an average, the
 * number of conversations averaged; for a ratio, its numerator's conversations).
 */
export function measureScope(measure: Measure): Sql {
  switch (measure.kind) {
    case 'count':
      return measure.where ?? raw('1 = 1');
    case 'ratio':
      return measureScope(measure.numerator);
    case 'sum':
    case 'avg':
    case 'min':
    case 'max':
    case 'percentile':
      if (measure.value.property.customName !== undefined) {
        return sql`EXISTS (SELECT 1 FROM conversation_properties p WHERE p.account_id = c.account_id AND p.conversation_id = c.external_id AND p.name = ${measure.value.property.customName} AND p.value_number IS NOT NULL)`;
      }
      return sql`${valueSql(measure.value, new Map())} IS NOT NULL`;
    default:
      return assertNever(measure);
  }
}
