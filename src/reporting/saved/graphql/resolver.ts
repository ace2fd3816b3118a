import { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { canEditReports } from '../../../accounts/plan';
import { Context } from '../../../server/context';
import { pagedBy, runsOnce } from '../../../graphql/cost';
import { responsePath } from '../../../graphql/response-path';
import { resolveStoredRange, StoredDateRange } from '../../../calendar/date-presets';
import { reportResult, ReportResultType } from '../../graphql/types';
import { describeDimension, describeFilter, describeMeasure, runSource } from '../../service';
import { savedSource } from '../../source';
import { reportCatalog } from '../../catalog/registry';
import { describableFilters } from '../../stored-config';
import { SavedReport } from '../config';
import {
  createSavedReport,
  deleteSavedReport,
  findSavedReport,
  listSavedReports,
  MAX_SAVED_REPORTS,
  loadSavedReport,
  reassignReportOwner,
  reportAccess,
  reportRevisions,
  restoreReportRevision,
  updateSavedReport,
} from '../service';
import { CreateReportInput, ReassignReportOwnerInput, RestoreReportRevisionInput, UpdateReportInput } from './inputs';
import { MemberType, ReportRevisionType, ReportRunArgs, SavedReportType, StoredDateRangeType } from './types';

@Resolver(() => SavedReportType)
export class SavedReportResolver {
  @Query(() => [SavedReportType], pagedBy('first', MAX_SAVED_REPORTS, 'The saved reports you may see, by name.'))
  async reports(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true, description: `Only the first this many, 1 to ${MAX_SAVED_REPORTS}; absent for all.` }) first?: number | null,
  ): Promise<SavedReportType[]> {
    return (await listSavedReports(ctx, first)).map((r) => describeReport(ctx, r));
  }

  @Query(() => SavedReportType, { description: 'One saved report.' })
  async report(@Ctx() ctx: Context, @Arg('id', () => ID, { description: 'Report id.' }) id: string): Promise<SavedReportType> {
    return describeReport(ctx, await findSavedReport(ctx, id));
  }

  @Mutation(() => SavedReportType, { description: 'Builds a custom conversation report, or saves an edited copy of a catalog report. Needs PROFESSIONAL, ENTERPRISE or the reporting add-on.' })
  async createReport(@Ctx() ctx: Context, @Arg('input', () => CreateReportInput, { description: 'Name, chart type, measures, dimensions, filters, date range.' }) input: CreateReportInput): Promise<SavedReportType> {
    return describeReport(ctx, await createSavedReport(ctx, input));
  }

  @Mutation(() => SavedReportType, { description: 'Edits a saved report (owner or admin; needs PROFESSIONAL, ENTERPRISE or the reporting add-on). Keeps a revision.' })
  async updateReport(@Ctx() ctx: Context, @Arg('input', () => UpdateReportInput, { description: 'The report and what changes.' }) input: UpdateReportInput): Promise<SavedReportType> {
    return describeReport(ctx, await updateSavedReport(ctx, input));
  }

  @Mutation(() => SavedReportType, { description: 'Undoes edits: puts a saved report back as it was at an earlier revision.' })
  async restoreReportRevision(@Ctx() ctx: Context, @Arg('input', () => RestoreReportRevisionInput, { description: 'The report and the revision.' }) input: RestoreReportRevisionInput): Promise<SavedReportType> {
    return describeReport(ctx, await restoreReportRevision(ctx, input.id, input.revision));
  }

  @Mutation(() => SavedReportType, { description: 'Gives a saved report to another user of the account, e.g. when its owner left (admins only; any privacy, any plan). Kept as a revision.' })
  async reassignReportOwner(@Ctx() ctx: Context, @Arg('input', () => ReassignReportOwnerInput, { description: 'The report and its new owner.' }) input: ReassignReportOwnerInput): Promise<SavedReportType> {
    return describeReport(ctx, await reassignReportOwner(ctx, input));
  }

  @Mutation(() => ID, { description: 'Deletes a saved report (owner, or an admin unless it is private to another user) and takes it off every dashboard. Returns its id.' })
  deleteReport(@Ctx() ctx: Context, @Arg('id', () => ID, { description: 'Report id.' }) id: string): Promise<string> {
    return deleteSavedReport(ctx, id);
  }

  @FieldResolver(() => MemberType, { nullable: true, description: 'Who saved it first.' })
  owner(@Ctx() ctx: Context, @Root() report: SavedReportType): Promise<MemberType | null> {
    return ctx.members.load(report.ownerId);
  }

  @FieldResolver(() => Boolean, { description: 'Whether you may edit it: your plan allows editing and you own it, or are an admin and it is not private to another user.' })
  canEdit(@Ctx() ctx: Context, @Root() report: SavedReportType): boolean {
    return canEditReports(ctx.viewer.account) && report.access === 'EDIT';
  }

  @FieldResolver(() => [ReportRevisionType], { description: 'Every saved state, newest first.' })
  async revisions(@Ctx() ctx: Context, @Root() report: SavedReportType): Promise<ReportRevisionType[]> {
    return (await reportRevisions(ctx, report.id)).map((r) => ({ ...r, name: r.snapshot.name, chartType: r.snapshot.chartType }));
  }

  @FieldResolver(() => ReportResultType, {
    nullable: true,
    ...runsOnce('Runs it: its own date range, timezone and filters unless the arguments say otherwise. Null, with a CONFIG_INVALID error naming the report, when its stored configuration no longer validates (other reports of the same request still run).'),
  })
  async result(@Ctx() ctx: Context, @Root() report: SavedReportType, @Args(() => ReportRunArgs) run: ReportRunArgs, @Info() info: GraphQLResolveInfo): Promise<ReportResultType> {
    const started = performance.now();
    // The Report object was handed out after an access check (its own, or its dashboard's).
    return reportResult(await runSource(ctx, savedSource(await loadSavedReport(ctx, report.id)), run, responsePath(info), started));
  }
}

@Resolver(() => ReportRevisionType)
export class ReportRevisionResolver {
  @FieldResolver(() => MemberType, { nullable: true, description: 'Who saved this revision.' })
  author(@Ctx() ctx: Context, @Root() revision: ReportRevisionType): Promise<MemberType | null> {
    return ctx.members.load(revision.userId);
  }
}

/**
 * A saved report as the caller sees it; only for a report they were let see (see loadSavedReport).
 * Of a report whose stored config no longer validates, what the schema can still show: measures
 * and filter operators that no longer exist are left out.
 */
export function describeReport(ctx: Context, report: SavedReport): SavedReportType {
  const { config } = report;
  const accountTimezone = ctx.viewer.account.timezone;
  return {
    id: report.id,
    name: report.name,
    privacy: report.privacy,
    chartType: report.chartType,
    channel: config.channel,
    measures: config.measures.filter((key) => reportCatalog().measureLookup(key) !== undefined).map(describeMeasure),
    dimensions: config.dimensions.map(describeDimension),
    granularity: config.granularity,
    dateProperty: config.dateProperty,
    filters: describableFilters(config.filters).map(describeFilter),
    dateRange: config.dateRange && describeStoredRange(config.dateRange, config.timezone ?? accountTimezone),
    timezone: config.timezone,
    sourceDefinitionId: report.sourceDefinitionId,
    revision: report.revision,
    createdAt: report.createdAt,
    updatedAt: report.updatedAt,
    ownerId: report.ownerId,
    access: reportAccess(ctx.viewer, report),
  };
}

export function describeStoredRange(range: StoredDateRange, timezone: string): StoredDateRangeType {
  return { preset: 'preset' in range ? range.preset : null, ...resolveStoredRange(range, timezone) };
}
