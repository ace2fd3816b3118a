import { Account } from '../../accounts/account.entity';
import { Channel } from '../../conversations/conversation.entity';
import { assertNever, BadInput } from '../../errors';
import { DateProperty } from '../catalog/definition';
import { compileFilters, FilterContext, FilterSpec } from '../../conversations/query/filters';
import { ConversationProperty, PropertyCatalog } from '../../conversations/query/properties';
import { Granularity, LocalDateRange, parseDateRange, parseTimezone } from '../../calendar/time';
import { SqlDialect } from '../../db/dialect';
import { coreMeasures, Measure, MeasureDefinition, MeasureKey, MeasureLookup, MeasureValue } from './measures';
import { CompareTo } from './compare';
import { Dimension, NumericRange, REPORT_INDEXES, ReportSpec } from './spec';
import { and } from '../../db/sql';

/** What a report is, whether from the catalog or saved by a user. */
export interface ReportShape {
  channel: Channel | null;
  measures: readonly MeasureKey[];
  dimensions: readonly string[];
  dateProperty: DateProperty;
  defaultFilters?: readonly FilterSpec[];
  defaultGranularity?: Granularity;
  /**
   * For a numeric dimension (a number, a duration in seconds, or a custom property): the bounds
   * that cut it into ranges, ascending. `[3, 5]` groups by `< 3`, `3 to < 5` and `≥ 5`.
   */
  ranges?: Readonly<Record<string, readonly number[]>>;
}

/** What one run asks for on top of the report. */
export interface RunOptions {
  dateRange?: LocalDateRange | null;
  timezone?: string | null;
  granularity?: Granularity | null;
  filters?: readonly FilterSpec[] | null;
  /** Compare with an earlier range (see compare.ts); the spec itself is the run's own range. */
  compareTo?: CompareTo | null;
}

export interface SpecContext {
  account: Pick<Account, 'id' | 'timezone'>;
  catalog: PropertyCatalog;
  dialect: SqlDialect;
  /** Measure definitions by key: core's and the plugins'; default core's only. */
  measures?: MeasureLookup;
}

/**
 * Validates a run against its report and resolves every name through the property catalog.
 * Errors name the input field (`dateRange.to`, `filters[1].operator`, `timezone`).
 */
export function buildSpec(shape: ReportShape, run: RunOptions, context: SpecContext): ReportSpec {
  const timezone = run.timezone ? parseTimezone(run.timezone, 'timezone') : context.account.timezone;
  const range = run.dateRange ? parseDateRange(run.dateRange, 'dateRange') : null;
  const dimensions = shape.dimensions.map((key, i): Dimension => {
    const property = context.catalog.resolveDeclared(key, `dimensions[${i}]`);
    if (property.type === 'DATETIME') {
      const granularity = run.granularity ?? shape.defaultGranularity;
      if (!granularity) throw new BadInput('granularity', `is required to group by ${key}`);
      return { kind: 'time', property, granularity };
    }
    const bounds = shape.ranges?.[key];
    if (bounds) return { kind: 'range', property, ranges: numericRanges(bounds) };
    if (property.local) return { kind: 'local', property, date: property.local.date, part: property.local.part };
    if (!property.groupable) throw new BadInput(`dimensions[${i}]`, `${key} cannot be grouped by`);
    return { kind: 'property', property };
  });
  const filterContext = { dialect: context.dialect, catalog: context.catalog, timezone };
  const lookup = context.measures ?? coreMeasures;
  const measures = shape.measures.map((key, i) => compileMeasure(key, lookup, { ...filterContext, declared: true }, `measures[${i}]`));
  const dateColumn = shape.dateProperty === 'closedAt' ? 'c.closed_at' : 'c.created_at';
  return {
    accountId: context.account.id,
    channel: shape.channel,
    measures,
    dimensions,
    dateColumn,
    indexHint: context.dialect.reportIndexHint(REPORT_INDEXES[dateColumn]),
    dialect: context.dialect,
    range,
    timezone,
    filters: and([compileFilters(shape.defaultFilters ?? [], { ...filterContext, declared: true }, 'defaultFilters'), compileFilters(run.filters ?? [], filterContext, 'filters')]),
    filterProperties: [...(shape.defaultFilters ?? []), ...(run.filters ?? [])].map((f) => f.property),
  };
}

/**
 * A measure definition by key, its property keys resolved through the account's catalog and its
 * `where` compiled. A custom property the account never imported is a property without values.
 */
export function compileMeasure(key: string, lookup: MeasureLookup, filters: FilterContext, field: string, depth = 0): Measure {
  const definition = lookup(key);
  if (!definition) throw new BadInput(field, `unknown measure ${JSON.stringify(key)}; reportMeasures lists the known ones`);
  return compileDefinition(definition, lookup, filters, field, depth);
}

export function compileDefinition(definition: MeasureDefinition, lookup: MeasureLookup, filters: FilterContext, field: string, depth = 0): Measure {
  const { key, label, unit } = definition;
  switch (definition.kind) {
    case 'count': {
      const where = definition.where ?? [];
      return {
        kind: 'count', key, label, unit,
        where: where.length > 0 ? compileFilters(where, filters, `${field}.where`) : null,
        whereProperties: where.map((f) => f.property),
      };
    }
    case 'sum':
    case 'avg':
    case 'min':
    case 'max':
      return { kind: definition.kind, key, label, unit, value: measureValue(filters.catalog.resolveDeclared(definition.property, `${field}.property`)) };
    case 'percentile':
      return { kind: 'percentile', key, label, unit, value: measureValue(filters.catalog.resolveDeclared(definition.property, `${field}.property`)), fraction: definition.p / 100 };
    case 'ratio':
      // The registry allows no ratio of ratios; the depth guards a hand-built lookup.
      if (depth > 0) throw new BadInput(field, `a ratio's parts cannot be ratios (${key})`);
      return {
        kind: 'ratio', key, label, unit,
        numerator: compileMeasure(definition.numerator, lookup, filters, `${field}.numerator`, depth + 1),
        denominator: compileMeasure(definition.denominator, lookup, filters, `${field}.denominator`, depth + 1),
      };
    default:
      return assertNever(definition);
  }
}

/** Durations are stored in milliseconds and reported in seconds; numbers as they are. */
function measureValue(property: ConversationProperty): MeasureValue {
  return { property, scale: property.type === 'DURATION' ? 1000 : 1 };
}

/** The ranges of ascending bounds: value `..3` is below 3, `3..5` from 3 to below 5, `5..` from 5 on. */
export function numericRanges(bounds: readonly number[]): NumericRange[] {
  const edges: (number | null)[] = [null, ...bounds, null];
  return edges.slice(0, -1).map((from, i) => {
    const below = edges[i + 1];
    const value = `${from ?? ''}..${below ?? ''}`;
    const label = from === null ? `< ${below}` : below === null ? `≥ ${from}` : `${from} to < ${below}`;
    return { value, label, from, below };
  });
}
