import { Account } from '../../accounts/account.entity';
import { Channel } from '../../conversations/conversation.entity';
import { BadInput } from '../../errors';
import { DateProperty } from '../catalog/definition';
import { compileFilters, FilterSpec } from '../filters';
import { PropertyCatalog } from '../properties';
import { Granularity, LocalDateRange, parseDateRange, parseTimezone } from '../time';
import { SqlDialect } from '../../db/dialect';
import { MEASURES, MeasureKey } from './measures';
import { Dimension, REPORT_INDEXES, ReportSpec } from './spec';
import { and } from './sql';

/** What a report is, whether from the catalog or saved by a user. */
export interface ReportShape {
  channel: Channel | null;
  measures: readonly MeasureKey[];
  dimensions: readonly string[];
  dateProperty: DateProperty;
  defaultFilters?: readonly FilterSpec[];
  defaultGranularity?: Granularity;
}

/** What one run asks for on top of the report. */
export interface RunOptions {
  dateRange?: LocalDateRange | null;
  timezone?: string | null;
  granularity?: Granularity | null;
  filters?: readonly FilterSpec[] | null;
}

export interface SpecContext {
  account: Pick<Account, 'id' | 'timezone'>;
  catalog: PropertyCatalog;
  dialect: SqlDialect;
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
    if (!property.groupable) throw new BadInput(`dimensions[${i}]`, `${key} cannot be grouped by`);
    return { kind: 'property', property };
  });
  const filterContext = { dialect: context.dialect, catalog: context.catalog, timezone };
  const dateColumn = shape.dateProperty === 'closedAt' ? 'c.closed_at' : 'c.created_at';
  return {
    accountId: context.account.id,
    channel: shape.channel,
    measures: shape.measures.map((key) => MEASURES[key]),
    dimensions,
    dateColumn,
    indexHint: context.dialect.reportIndexHint(REPORT_INDEXES[dateColumn]),
    range,
    timezone,
    filters: and([compileFilters(shape.defaultFilters ?? [], { ...filterContext, declared: true }, 'defaultFilters'), compileFilters(run.filters ?? [], filterContext, 'filters')]),
    filterProperties: [...(shape.defaultFilters ?? []), ...(run.filters ?? [])].map((f) => f.property),
  };
}
