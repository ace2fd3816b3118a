import { knownDataVersion, listingReader } from '../accounts/data-version';
import { ConversationConnection, forwardPageInfo } from '../conversations/graphql/types';
import { PageArgs } from '../conversations/list';
import { Channel } from '../conversations/conversation.entity';
import { BadInput, invariant } from '../errors';
import { Context } from '../server/context';
import { answerReport } from './cache';
import { ReportDefinition } from './catalog/definition';
import { catalogDefinition, reportCatalog } from './catalog/registry';
import { RunOptions } from './engine/build-spec';
import { compareResults, comparisonSpec } from './engine/compare';
import { drilldownSpec } from './engine/drilldown';
import { LocalDateRange } from '../calendar/time';
import { MeasureKey } from './engine/measures';
import { FilterSpec } from '../conversations/query/filters';
import { ReportSpec } from './engine/spec';
import { DrilldownInput, RunReportInput } from './graphql/inputs';
import { ConversationPropertyType, PropertyValueConnection, ReportDefinitionType, ReportDimension, ReportFilter, ReportMeasure, ReportResultType } from './graphql/types';
import { builtinProperty, CUSTOM_PREFIX, OPERATORS_BY_TYPE } from '../conversations/query/properties';
import { findSavedReport } from './saved/service';
import { catalogSource, ReportSource, savedSource, specOf } from './source';
import { propertyValues, PropertyValuesArgs } from './values';

export function listDefinitions(channel?: Channel | null): ReportDefinitionType[] {
  return reportCatalog()
    .list()
    .filter((d) => !channel || d.channel === channel)
    .map(describeDefinition);
}

export async function listProperties(ctx: Context): Promise<ConversationPropertyType[]> {
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
export function listMeasures(): ReportMeasure[] {
  return reportCatalog().measures().map((m) => describeMeasure(m.key));
}

export async function listPropertyValues(ctx: Context, args: PropertyValuesArgs): Promise<PropertyValueConnection> {
  const page = await propertyValues(ctx.db, await ctx.reporting.catalog(), ctx.viewer.account.id, args);
  return {
    nodes: page.nodes,
    edges: page.nodes.map((node, i) => ({ cursor: page.cursors[i], node })),
    pageInfo: forwardPageInfo(page.cursors, page.hasNextPage, args.after),
    totalCount: page.totalCount,
  };
}

export async function runReport(ctx: Context, input: RunReportInput, path: string): Promise<ReportResultType> {
  const started = performance.now();
  return runSource(ctx, await sourceOf(ctx, input, ''), input, path, started);
}

/**
 * The page of a drill-down may be given in its input (as it always could) or beside it, where
 * Relay-style client caches look for `first` and `after`; not both.
 */
export async function drilldown(ctx: Context, input: DrilldownInput, page: PageArgs = {}): Promise<ConversationConnection> {
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
async function specFor(ctx: Context, input: RunReportInput, prefix = ''): Promise<ReportSpec> {
  return specOf(ctx, await sourceOf(ctx, input, prefix), input);
}

/**
 * Runs a catalog or saved report as shown somewhere (a saved report's page, a dashboard), and
 * records in the context where its answer came from: `path` is where it sits in the response.
 */
export async function runSource(ctx: Context, source: ReportSource, run: RunOptions, path: string, started = performance.now()): Promise<ReportResultType> {
  const known = knownDataVersion(ctx.viewer.account);
  const spec = await specOf(ctx, source, run);
  if (run.compareTo) {
    // Both runs are checked before either runs: a compareTo without a range is refused at once.
    const earlier = comparisonSpec(spec, run.compareTo);
    const [current, previous] = await Promise.all([answerReport(ctx.db, spec, known), answerReport(ctx.db, earlier, known)]);
    ctx.reportRuns.push({ path, source: current.source, ms: performance.now() - started });
    return Object.assign(new ReportResultType(), compareResults(spec, current.result, previous.result, earlier.range as LocalDateRange));
  }
  const { result, source: answeredBy } = await answerReport(ctx.db, spec, known);
  ctx.reportRuns.push({ path, source: answeredBy, ms: performance.now() - started });
  return Object.assign(new ReportResultType(), result);
}

/**
 * The report a run or drill-down names as a dashboard's tile shows it. Dashboards sit above reporting
 * and install it at start-up (src/dashboards/install.ts), so reporting never imports dashboards.
 */
export type DashboardSource = (ctx: Context, dashboardId: string, run: { definitionId?: string | null; reportId?: string | null }, field: string) => Promise<ReportSource>;

let dashboardSource: DashboardSource | undefined;

/** Installs how a run that names a dashboard finds its report; installing again replaces it. */
export function setDashboardSource(source: DashboardSource): void {
  dashboardSource = source;
}

async function sourceOf(ctx: Context, input: RunReportInput, prefix: string): Promise<ReportSource> {
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

export function describeDefinition(d: ReportDefinition): ReportDefinitionType {
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

export function describeMeasure(key: MeasureKey): ReportMeasure {
  const measure = reportCatalog().measureLookup(key);
  if (!measure) throw new Error(`measure ${key} is not in the catalog`);
  return { key, label: measure.label, unit: measure.unit };
}

export function describeDimension(key: string): ReportDimension {
  // A key saved under an older version that no longer names a property shows as itself.
  return { key, label: builtinProperty(key)?.label ?? (key.startsWith(CUSTOM_PREFIX) ? key.slice(CUSTOM_PREFIX.length) : key) };
}

export function describeFilter(f: FilterSpec): ReportFilter {
  return { property: f.property, operator: f.operator, values: [...(f.values ?? [])] };
}
