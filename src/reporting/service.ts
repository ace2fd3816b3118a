import { knownDataVersion, listingReader } from '../accounts/data-version';
import { ConversationPage, forwardPageInfo, PageArgs, PageInfo } from '../conversations/list';
import { Channel } from '../conversations/conversation.entity';
import { BadInput, invariant } from '../errors';
import { answerReport } from './cache';
import { ReportingCaller } from './caller';
import { ChartType, ReportDefinition } from './catalog/definition';
import { catalogDefinition, reportCatalog } from './catalog/registry';
import { RunOptions } from './engine/build-spec';
import { ComparedResult, compareResults, comparisonSpec } from './engine/compare';
import { drilldownSpec } from './engine/drilldown';
import { Granularity, LocalDateRange } from '../calendar/time';
import { MeasureKey, MeasureUnit } from './engine/measures';
import { FilterSpec } from '../conversations/query/filters';
import { ReportResult } from './engine/run';
import { ReportSpec } from './engine/spec';
import { builtinProperty, CUSTOM_PREFIX, FilterOperator, OPERATORS_BY_TYPE, PropertyType } from '../conversations/query/properties';
import { findSavedReport } from './saved/service';
import { catalogSource, ReportSource, savedSource, specOf } from './source';
import { PropertyValue, propertyValues, PropertyValuesArgs } from './values';

/** Which report to run and how (GraphQL's RunReportInput): exactly one of definitionId and reportId. */
export interface RunRequest extends RunOptions {
  /** A report of the catalog. */
  definitionId?: string | null;
  /** A saved report. */
  reportId?: string | null;
  /** Run it as a tile of this dashboard shows it. */
  dashboardId?: string | null;
}

/** A data point of a run, to list the conversations behind it (GraphQL's DrilldownInput). */
export interface DrilldownRequest extends PageArgs {
  run: RunRequest;
  /** One dimension value per dimension of the run, in order (null for no value). */
  point?: readonly (string | null)[] | null;
  /** Which measure's conversations; default the leading one. */
  measure?: string | null;
}

/** A measure as a client shows it. */
export interface MeasureInfo {
  key: string;
  label: string;
  unit: MeasureUnit;
}

/** A dimension as a client shows it. */
export interface DimensionInfo {
  key: string;
  label: string;
}

/** A stored filter as a client shows it. */
export interface FilterInfo {
  property: string;
  operator: FilterOperator;
  values: string[];
}

/** A report of the catalog as a client shows it. */
export interface DefinitionInfo {
  id: string;
  title: string;
  description: string;
  channel: Channel | null;
  defaultChartType: ChartType;
  measures: MeasureInfo[];
  dimensions: DimensionInfo[];
  dateProperty: string;
  defaultGranularity: Granularity | null;
  defaultFilters: FilterInfo[];
}

/** A conversation property reports can filter, group by or measure. */
export interface PropertyInfo {
  key: string;
  label: string;
  type: PropertyType;
  operators: FilterOperator[];
  groupable: boolean;
  values: string[] | null;
}

/** A page of a property's values, each with its cursor. */
export interface PropertyValueList {
  nodes: PropertyValue[];
  edges: { cursor: string; node: PropertyValue }[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** The rows of a run; with `compareTo`, each row also has its comparison. */
export type RunResult = ReportResult | ComparedResult;

export function listDefinitions(channel?: Channel | null): DefinitionInfo[] {
  return reportCatalog()
    .list()
    .filter((d) => !channel || d.channel === channel)
    .map(describeDefinition);
}

export async function listProperties(ctx: ReportingCaller): Promise<PropertyInfo[]> {
  const catalog = await ctx.reporting.catalog();
  return catalog.list().map((p) => ({
    key: p.key,
    label: p.label,
    type: p.type,
    operators: p.local ? [] : [...OPERATORS_BY_TYPE[p.type]],
    groupable: p.groupable || p.type === 'DATETIME',
    values: p.enumValues ? [...p.enumValues] : null,
  }));
}

/** Every measure a report can show, core's and the plugins', with its label and unit (what the report editor offers). */
export function listMeasures(): MeasureInfo[] {
  return reportCatalog().measures().map((m) => describeMeasure(m.key));
}

export async function listPropertyValues(ctx: ReportingCaller, args: PropertyValuesArgs): Promise<PropertyValueList> {
  const page = await propertyValues(ctx.db, await ctx.reporting.catalog(), ctx.viewer.account.id, args);
  return {
    nodes: page.nodes,
    edges: page.nodes.map((node, i) => ({ cursor: page.cursors[i], node })),
    pageInfo: forwardPageInfo(page.cursors, page.hasNextPage, args.after),
    totalCount: page.totalCount,
  };
}

export async function runReport(ctx: ReportingCaller, input: RunRequest, path: string): Promise<RunResult> {
  const started = performance.now();
  return runSource(ctx, await sourceOf(ctx, input, ''), input, path, started);
}

/**
 * The page of a drill-down may be given in its input (as it always could) or beside it, where
 * Relay-style client caches look for `first` and `after`; not both.
 */
export async function drilldown(ctx: ReportingCaller, input: DrilldownRequest, page: PageArgs = {}): Promise<ConversationPage> {
  for (const arg of ['first', 'after'] as const) {
    if (page[arg] != null && input[arg] != null) throw new BadInput(arg, `give it as an argument of drilldown or as input.${arg}, not both`);
  }
  const spec = await specFor(ctx, input.run, 'run.');
  const accountId = ctx.viewer.account.id;
  return ctx.db.inAccountTurn(accountId, async () => {
    const reader = await listingReader(ctx.db, accountId, knownDataVersion(ctx.viewer.account));
    return drilldownSpec(reader, spec, input.point ?? [], input.measure, { first: page.first ?? input.first, after: page.after ?? input.after });
  });
}

/** Resolves the report a run names and validates the run against it. */
async function specFor(ctx: ReportingCaller, input: RunRequest, prefix = ''): Promise<ReportSpec> {
  return specOf(ctx, await sourceOf(ctx, input, prefix), input);
}

/**
 * Runs a catalog or saved report as shown somewhere (a saved report's page, a dashboard), and
 * records in the caller's log where its answer came from: `path` is where it sits in the response.
 */
export async function runSource(ctx: ReportingCaller, source: ReportSource, run: RunOptions, path: string, started = performance.now()): Promise<RunResult> {
  const known = knownDataVersion(ctx.viewer.account);
  const spec = await specOf(ctx, source, run);
  if (run.compareTo) {
    // Both runs are checked before either runs: a compareTo without a range is refused at once.
    const earlier = comparisonSpec(spec, run.compareTo);
    const [current, previous] = await Promise.all([answerReport(ctx.db, spec, known), answerReport(ctx.db, earlier, known)]);
    ctx.reportRuns.push({ path, source: current.source, ms: performance.now() - started });
    return compareResults(spec, current.result, previous.result, earlier.range as LocalDateRange);
  }
  const { result, source: answeredBy } = await answerReport(ctx.db, spec, known);
  ctx.reportRuns.push({ path, source: answeredBy, ms: performance.now() - started });
  return result;
}

/**
 * The report a run or drill-down names as a dashboard's tile shows it. Dashboards sit above reporting
 * and install it at start-up (src/dashboards/install.ts), so reporting never imports dashboards.
 */
export type DashboardSource = (ctx: ReportingCaller, dashboardId: string, run: { definitionId?: string | null; reportId?: string | null }, field: string) => Promise<ReportSource>;

let dashboardSource: DashboardSource | undefined;

/** Installs how a run that names a dashboard finds its report; installing again replaces it. */
export function setDashboardSource(source: DashboardSource): void {
  dashboardSource = source;
}

async function sourceOf(ctx: ReportingCaller, input: RunRequest, prefix: string): Promise<ReportSource> {
  const given = [input.definitionId, input.reportId].filter((v) => v !== null && v !== undefined);
  if (given.length !== 1) throw new BadInput(`${prefix}definitionId`, 'give exactly one of definitionId and reportId');
  if (input.dashboardId != null) {
    invariant(dashboardSource, 'no dashboard source installed: call installDashboards() (src/dashboards/install.ts) at start-up');
    return dashboardSource(ctx, input.dashboardId, input, `${prefix}dashboardId`);
  }
  if (input.definitionId) {
    return catalogSource(catalogDefinition(input.definitionId));
  }
  return savedSource(await findSavedReport(ctx, String(input.reportId)));
}

export function describeDefinition(d: ReportDefinition): DefinitionInfo {
  return {
    id: d.id,
    title: d.title,
    description: d.description,
    channel: d.channel,
    defaultChartType: d.defaultChartType,
    measures: d.measures.map(describeMeasure),
    dimensions: d.dimensions.map(describeDimension),
    dateProperty: d.dateProperty,
    defaultGranularity: d.defaultGranularity ?? null,
    defaultFilters: (d.defaultFilters ?? []).map(describeFilter),
  };
}

export function describeMeasure(key: MeasureKey): MeasureInfo {
  const measure = reportCatalog().measureLookup(key);
  if (!measure) throw new Error(`measure ${key} is not in the catalog`);
  return { key, label: measure.label, unit: measure.unit };
}

export function describeDimension(key: string): DimensionInfo {
  // A key saved under an older version that no longer names a property shows as itself.
  return { key, label: builtinProperty(key)?.label ?? (key.startsWith(CUSTOM_PREFIX) ? key.slice(CUSTOM_PREFIX.length) : key) };
}

export function describeFilter(f: FilterSpec): FilterInfo {
  return { property: f.property, operator: f.operator, values: [...(f.values ?? [])] };
}
