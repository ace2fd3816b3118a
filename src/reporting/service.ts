import { ConversationConnection } from '../conversations/graphql/types';
import { Channel } from '../conversations/conversation.entity';
import { BadInput, NotFound } from '../errors';
import { Context } from '../server/context';
import { ReportDefinition } from './catalog/definition';
import { reportCatalog } from './catalog/registry';
import { buildSpec } from './engine/build-spec';
import { drilldownSpec } from './engine/drilldown';
import { MEASURES } from './engine/measures';
import { runSpec } from './engine/run';
import { ReportSpec } from './engine/spec';
import { DrilldownInput, RunReportInput } from './graphql/inputs';
import { ConversationPropertyType, ReportDefinitionType, ReportResultType } from './graphql/types';
import { builtinProperty, CUSTOM_PREFIX, loadPropertyCatalog, OPERATORS_BY_TYPE } from './properties';

export function listDefinitions(channel?: Channel | null): ReportDefinitionType[] {
  return reportCatalog()
    .list()
    .filter((d) => !channel || d.channel === channel)
    .map(describeDefinition);
}

export async function listProperties(ctx: Context): Promise<ConversationPropertyType[]> {
  const catalog = await loadPropertyCatalog(ctx.db, ctx.viewer.account.id);
  return catalog.list().map((p) => ({
    key: p.key,
    label: p.label,
    type: p.type,
    operators: [...OPERATORS_BY_TYPE[p.type]],
    groupable: p.groupable || p.type === 'DATETIME',
    values: p.enumValues ? [...p.enumValues] : null,
  }));
}

export async function runReport(ctx: Context, input: RunReportInput): Promise<ReportResultType> {
  const result = await runSpec(ctx.db, await specFor(ctx, input));
  return Object.assign(new ReportResultType(), result);
}

export async function drilldown(ctx: Context, input: DrilldownInput): Promise<ConversationConnection> {
  const spec = await specFor(ctx, input.run, 'run.');
  return drilldownSpec(ctx.db, spec, input.point ?? [], input.measure, input);
}

/** Resolves the report a run names and validates the run against it. */
async function specFor(ctx: Context, input: RunReportInput, prefix = ''): Promise<ReportSpec> {
  const definition = reportOf(input, prefix);
  const catalog = await loadPropertyCatalog(ctx.db, ctx.viewer.account.id);
  return buildSpec(definition, input, { account: ctx.viewer.account, catalog, dialect: ctx.db.dialect });
}

function reportOf(input: RunReportInput, prefix: string): ReportDefinition {
  const given = [input.definitionId, input.reportId].filter((v) => v !== null && v !== undefined);
  if (given.length !== 1) throw new BadInput(`${prefix}definitionId`, 'give exactly one of definitionId and reportId');
  if (input.definitionId) {
    const definition = reportCatalog().get(input.definitionId);
    if (!definition) throw new NotFound('report definition', input.definitionId);
    return definition;
  }
  // Saved reports arrive with the report editor; until then no id names one.
  throw new NotFound('report', String(input.reportId));
}

function describeDefinition(d: ReportDefinition): ReportDefinitionType {
  return {
    id: d.id,
    title: d.title,
    description: d.description,
    channel: d.channel,
    defaultChartType: d.defaultChartType,
    measures: d.measures.map((key) => ({ key, label: MEASURES[key].label, unit: MEASURES[key].unit })),
    dimensions: d.dimensions.map((key) => ({ key, label: builtinProperty(key)?.label ?? key.slice(CUSTOM_PREFIX.length) })),
    dateProperty: d.dateProperty,
    defaultGranularity: d.defaultGranularity ?? null,
    defaultFilters: (d.defaultFilters ?? []).map((f) => ({ property: f.property, operator: f.operator, values: [...(f.values ?? [])] })),
  };
}
