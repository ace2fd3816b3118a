import { ConfigInvalid } from '../errors';
import { ReportingCaller } from './caller';
import { ReportDefinition } from './catalog/definition';
import { reportCatalog } from './catalog/registry';
import { resolveStoredRange, StoredDateRange } from '../calendar/date-presets';
import { buildSpec, ReportShape, RunOptions } from './engine/build-spec';
import { ReportSpec } from './engine/spec';
import { FilterSpec } from '../conversations/query/filters';
import { shapeOf, SavedReport } from './saved/config';
import { parseTimezone } from '../calendar/time';

/**
 * What a run starts from: a report of the catalog or a saved one, possibly as shown on a
 * dashboard. The run's own date range, timezone and granularity win; then the dashboard's date
 * range; then the report's. Filters of all three apply together (AND).
 */
export interface ReportSource {
  shape: ReportShape;
  dateRange: StoredDateRange | null;
  timezone: string | null;
}

/** What a dashboard adds to each of its reports. */
export interface DashboardOverlay {
  dateRange: StoredDateRange | null;
  filters: readonly FilterSpec[];
}

export function catalogSource(definition: ReportDefinition): ReportSource {
  return { shape: definition, dateRange: null, timezone: null };
}

/** A saved report to run; CONFIG_INVALID, naming it, when its stored config no longer validates. */
export function savedSource(report: SavedReport): ReportSource {
  if (report.problem) throw new ConfigInvalid({ kind: 'report', id: report.id, name: report.name }, report.problem);
  return { shape: shapeOf(report.config, report.config.filters), dateRange: report.config.dateRange, timezone: report.config.timezone };
}

export function onDashboard(source: ReportSource, dashboard: DashboardOverlay): ReportSource {
  return {
    shape: { ...source.shape, defaultFilters: [...(source.shape.defaultFilters ?? []), ...dashboard.filters] },
    dateRange: dashboard.dateRange ?? source.dateRange,
    timezone: source.timezone,
  };
}

/** The validated spec of one run of `source`; errors name the run's input fields. */
export async function specOf(ctx: ReportingCaller, source: ReportSource, run: RunOptions): Promise<ReportSpec> {
  const timezone = run.timezone ? parseTimezone(run.timezone, 'timezone') : (source.timezone ?? ctx.viewer.account.timezone);
  const dateRange = run.dateRange ?? (source.dateRange && resolveStoredRange(source.dateRange, timezone));
  return buildSpec(source.shape, { ...run, timezone, dateRange }, { account: ctx.viewer.account, catalog: await ctx.reporting.catalog(), dialect: ctx.db.dialect, measures: reportCatalog().measureLookup });
}
