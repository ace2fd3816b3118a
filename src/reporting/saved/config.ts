import { Channel, CHANNELS } from '../../conversations/conversation.entity';
import { BadInput } from '../../errors';
import { ReportPrivacy } from '../../auth/access';
import { SqlDialect } from '../../db/dialect';
import { Account } from '../../accounts/account.entity';
import { CHART_TYPES, ChartType, DateProperty } from '../catalog/definition';
import { chartProblem } from '../catalog/chart';
import { buildSpec, ReportShape } from '../engine/build-spec';
import { MeasureKey } from '../engine/measures';
import { reportCatalog } from '../catalog/registry';
import { FilterSpec } from '../../conversations/query/filters';
import { PropertyCatalog } from '../../conversations/query/properties';
import { resolveStoredRange, StoredDateRange } from '../../calendar/date-presets';
import { ConfigProblem, isString, isStringList, oneOf, orNull, problemOf, StoredReader } from '../stored-config';
import { Granularity, GRANULARITIES } from '../../calendar/time';

/**
 * What a saved report is: a single-object conversation report as the report editor builds it.
 * Stored as JSON in `saved_reports.config`; name and chart type have columns of their own.
 */
export interface ReportConfig {
  channel: Channel | null;
  measures: MeasureKey[];
  /** x-axis, then break-down. */
  dimensions: string[];
  granularity: Granularity | null;
  dateProperty: DateProperty;
  filters: FilterSpec[];
  dateRange: StoredDateRange | null;
  timezone: string | null;
}

/** Everything a revision keeps: enough to put the report back as it was. */
export interface ReportSnapshot {
  name: string;
  chartType: ChartType;
  config: ReportConfig;
}

/** A saved report; owner and privacy are not part of a revision's snapshot (a restore keeps them). */
export interface SavedReport extends ReportSnapshot {
  /**
   * Why the stored report no longer validates (saved under an older version, or damaged), or null.
   * Such a report is still listed and can be edited or deleted; it does not run until it is repaired.
   */
  problem: ConfigProblem | null;
  id: string;
  ownerId: string;
  privacy: ReportPrivacy;
  sourceDefinitionId: string | null;
  revision: number;
  createdAt: Date;
  updatedAt: Date;
}

/** An x-axis and one break-down, as in HubSpot's single-object report builder. */
export const MAX_DIMENSIONS = 2;
export const MAX_MEASURES = 5;
export const MAX_NAME_LENGTH = 200;
const DATE_PROPERTIES: readonly DateProperty[] = ['createdAt', 'closedAt'];

export interface ValidationContext {
  account: Pick<Account, 'id' | 'timezone'>;
  catalog: PropertyCatalog;
  dialect: SqlDialect;
}

/** Trimmed, 1 to 200 characters. */
export function parseName(value: string, field = 'name'): string {
  const name = value.trim();
  if (!name) throw new BadInput(field, 'must not be empty');
  if (name.length > MAX_NAME_LENGTH) throw new BadInput(field, `must be at most ${MAX_NAME_LENGTH} characters, got ${name.length}`);
  return name;
}

/**
 * Refuses what the editor must not save: an unknown measure or property, a property that cannot be
 * grouped by, an operator its type does not allow, a chart that cannot show the dimensions, a bad
 * date range or timezone. The errors name the input field (`dimensions[1]`, `filters[0].operator`).
 */
export function validateSnapshot(snapshot: ReportSnapshot, context: ValidationContext): void {
  const { config } = snapshot;
  if (config.measures.length === 0) throw new BadInput('measures', 'needs at least one measure');
  if (config.measures.length > MAX_MEASURES) throw new BadInput('measures', `takes at most ${MAX_MEASURES} measures`);
  config.measures.forEach((key, i) => {
    if (!reportCatalog().measureLookup(key)) throw new BadInput(`measures[${i}]`, `unknown measure ${JSON.stringify(key)}`);
    if (config.measures.indexOf(key) !== i) throw new BadInput(`measures[${i}]`, `${key} is already measured`);
  });
  if (config.dimensions.length > MAX_DIMENSIONS) throw new BadInput('dimensions', `takes at most ${MAX_DIMENSIONS}: an x-axis and a break-down`);
  config.dimensions.forEach((key, i) => {
    context.catalog.resolve(key, `dimensions[${i}]`);
    if (config.dimensions.indexOf(key) !== i) throw new BadInput(`dimensions[${i}]`, `${key} is already a dimension`);
  });
  if (!DATE_PROPERTIES.includes(config.dateProperty)) throw new BadInput('dateProperty', `must be createdAt or closedAt, not ${JSON.stringify(config.dateProperty)}`);
  const chart = chartProblem(snapshot.chartType, config.dimensions.length, config.measures.length);
  if (chart) throw new BadInput('chartType', chart);
  // The engine's own validation: groupable dimensions, granularity for a date, filters, timezone, range.
  const timezone = config.timezone ?? context.account.timezone;
  buildSpec(shapeOf(config, []), { filters: config.filters, timezone: config.timezone, dateRange: config.dateRange && resolveStoredRange(config.dateRange, timezone) }, { ...context, measures: reportCatalog().measureLookup });
}

/** A config that could not be read at all: nothing to show, and nothing an edit could keep by mistake. */
const UNREADABLE: ReportConfig = { channel: null, measures: [], dimensions: [], granularity: null, dateProperty: 'createdAt', filters: [], dateRange: null, timezone: null };

/**
 * A stored report's chart type and config as read back, with the types of the schema's inputs
 * (enums included): what cannot be read is left empty and named in `problem`. validateSnapshot
 * checks the rest (`storedReportProblem`).
 */
export function readStoredReport(chartType: unknown, configText: unknown): { chartType: ChartType; config: ReportConfig; problem: ConfigProblem | null } {
  const read = new StoredReader();
  const chart = read.field(chartType, oneOf(CHART_TYPES), 'TABLE', 'chartType', `one of ${CHART_TYPES.join(', ')}`);
  const config = readConfig(read, read.json(configText, 'config'));
  return { chartType: chart, config, problem: read.problem };
}

/** A revision's snapshot as read back, like readStoredReport. */
export function readStoredSnapshot(text: unknown): { snapshot: ReportSnapshot; problem: ConfigProblem | null } {
  const read = new StoredReader();
  const stored = read.json(text, 'snapshot');
  const fields = (typeof stored === 'object' && stored !== null ? stored : {}) as Record<string, unknown>;
  const snapshot: ReportSnapshot = {
    name: read.field(fields.name, isString, '', 'name', 'a name'),
    chartType: read.field(fields.chartType, oneOf(CHART_TYPES), 'TABLE', 'chartType', `one of ${CHART_TYPES.join(', ')}`),
    config: readConfig(read, fields.config),
  };
  return { snapshot, problem: read.problem };
}

function readConfig(read: StoredReader, stored: unknown): ReportConfig {
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) {
    read.fail('config', 'is not an object');
    return UNREADABLE;
  }
  const c = stored as Record<string, unknown>;
  return {
    channel: read.field(c.channel, orNull(oneOf(CHANNELS)), null, 'channel', `null or one of ${CHANNELS.join(', ')}`),
    measures: read.field(c.measures, isStringList, [], 'measures', 'a list of measure keys') as MeasureKey[],
    dimensions: read.field(c.dimensions, isStringList, [], 'dimensions', 'a list of property keys'),
    granularity: read.field(c.granularity, orNull(oneOf(GRANULARITIES)), null, 'granularity', `null or one of ${GRANULARITIES.join(', ')}`),
    dateProperty: read.field(c.dateProperty, isString, 'createdAt', 'dateProperty', 'a property key') as DateProperty,
    filters: read.filters(c.filters),
    dateRange: read.dateRange(c.dateRange),
    timezone: read.field(c.timezone, orNull(isString), null, 'timezone', 'null or an IANA time zone'),
  };
}

/** Why a stored report would be refused if it were saved today (validateSnapshot's rules), or null. */
export function storedReportProblem(report: SavedReport, context: ValidationContext): ConfigProblem | null {
  return report.problem ?? problemOf(() => validateSnapshot(report, context));
}

/** A saved report as the engine sees it; `extraFilters` (a dashboard's) apply on top of its own. */
export function shapeOf(config: ReportConfig, extraFilters: readonly FilterSpec[]): ReportShape {
  return {
    channel: config.channel,
    measures: config.measures,
    dimensions: config.dimensions,
    dateProperty: config.dateProperty,
    defaultGranularity: config.granularity ?? undefined,
    defaultFilters: extraFilters,
  };
}

/** The top-level fields two snapshots differ in: a revision's "what changed". */
export function changedFields(before: ReportSnapshot, after: ReportSnapshot): string[] {
  const changed: string[] = [];
  if (before.name !== after.name) changed.push('name');
  if (before.chartType !== after.chartType) changed.push('chartType');
  for (const key of Object.keys(after.config) as (keyof ReportConfig)[]) {
    if (JSON.stringify(before.config[key]) !== JSON.stringify(after.config[key])) changed.push(key);
  }
  return changed;
}
