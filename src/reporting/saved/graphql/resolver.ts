import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { canEditReports } from '../../../accounts/plan';
import { Context } from '../../../server/context';
import { resolveStoredRange, StoredDateRange } from '../../date-presets';
import { ReportResultType } from '../../graphql/types';
import { describeDimension, describeFilter, describeMeasure, runSource } from '../../service';
import { savedSource } from '../../source';
import { isMeasureKey } from '../../engine/measures';
import { describableFilters } from '../../stored-config';
import { SavedReport } from '../config';
import {
  canChangeReport,
  createSavedReport,
  deleteSavedReport,
  findSavedReport,
  listSavedReports,
  reportRevisions,
  restoreReportRevision,
  updateSavedReport,
} from '../service';
import { CreateReportInput, RestoreReportRevisionInput, UpdateReportInput } from './inputs';
import { MemberType, ReportRevisionType, ReportRunArgs, SavedReportType, StoredDateRangeType } from './types';

@Resolver(() => SavedReportType)
export class SavedReportResolver {
  @Query(() => [SavedReportType], { description: 'The saved reports of your account, by name.' })
  async reports(@Ctx() ctx: Context): Promise<SavedReportType[]> {
    return (await listSavedReports(ctx)).map((r) => describeReport(r, ctx.viewer.account.timezone));
  }

  @Query(() => SavedReportType, { description: 'One saved report.' })
  async report(@Ctx() ctx: Context, @Arg('id', () => ID, { description: 'Report id.' }) id: string): Promise<SavedReportType> {
    return describeReport(await findSavedReport(ctx, id), ctx.viewer.account.timezone);
  }

  @Mutation(() => SavedReportType, { description: 'Builds a custom conversation report, or saves an edited copy of a catalog report. Needs PROFESSIONAL, ENTERPRISE or the reporting add-on.' })
  async createReport(@Ctx() ctx: Context, @Arg('input', () => CreateReportInput, { description: 'Name, chart type, measures, dimensions, filters, date range.' }) input: CreateReportInput): Promise<SavedReportType> {
    return describeReport(await createSavedReport(ctx, input), ctx.viewer.account.timezone);
  }

  @Mutation(() => SavedReportType, { description: 'Edits a saved report (owner or admin; needs PROFESSIONAL, ENTERPRISE or the reporting add-on). Keeps a revision.' })
  async updateReport(@Ctx() ctx: Context, @Arg('input', () => UpdateReportInput, { description: 'The report and what changes.' }) input: UpdateReportInput): Promise<SavedReportType> {
    return describeReport(await updateSavedReport(ctx, input), ctx.viewer.account.timezone);
  }

  @Mutation(() => SavedReportType, { description: 'Undoes edits: puts a saved report back as it was at an earlier revision.' })
  async restoreReportRevision(@Ctx() ctx: Context, @Arg('input', () => RestoreReportRevisionInput, { description: 'The report and the revision.' }) input: RestoreReportRevisionInput): Promise<SavedReportType> {
    return describeReport(await restoreReportRevision(ctx, input.id, input.revision), ctx.viewer.account.timezone);
  }

  @Mutation(() => ID, { description: 'Deletes a saved report (owner or admin) and takes it off every dashboard. Returns its id.' })
  deleteReport(@Ctx() ctx: Context, @Arg('id', () => ID, { description: 'Report id.' }) id: string): Promise<string> {
    return deleteSavedReport(ctx, id);
  }

  @FieldResolver(() => MemberType, { nullable: true, description: 'Who saved it first.' })
  owner(@Ctx() ctx: Context, @Root() report: SavedReportType): Promise<MemberType | null> {
    return ctx.members.load(report.ownerId);
  }

  @FieldResolver(() => Boolean, { description: 'Whether you may edit it: your plan allows editing and you own it or are an admin.' })
  async canEdit(@Ctx() ctx: Context, @Root() report: SavedReportType): Promise<boolean> {
    return canEditReports(ctx.viewer.account) && canChangeReport(ctx.viewer, await findSavedReport(ctx, report.id));
  }

  @FieldResolver(() => [ReportRevisionType], { description: 'Every saved state, newest first.' })
  async revisions(@Ctx() ctx: Context, @Root() report: SavedReportType): Promise<ReportRevisionType[]> {
    return (await reportRevisions(ctx, report.id)).map((r) => ({ ...r, name: r.snapshot.name, chartType: r.snapshot.chartType }));
  }

  @FieldResolver(() => ReportResultType, {
    nullable: true,
    description: 'Runs it: its own date range, timezone and filters unless the arguments say otherwise. Null, with a CONFIG_INVALID error naming the report, when its stored configuration no longer validates (other reports of the same request still run).',
  })
  async result(@Ctx() ctx: Context, @Root() report: SavedReportType, @Args(() => ReportRunArgs) run: ReportRunArgs): Promise<ReportResultType> {
    return runSource(ctx, savedSource(await findSavedReport(ctx, report.id)), run);
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
 * A saved report as the schema shows it. Of a report whose stored config no longer validates, what
 * the schema can still show: measures and filter operators that no longer exist are left out.
 */
export function describeReport(report: SavedReport, accountTimezone: string): SavedReportType {
  const { config } = report;
  return {
    id: report.id,
    name: report.name,
    chartType: report.chartType,
    channel: config.channel,
    measures: config.measures.filter(isMeasureKey).map(describeMeasure),
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
  };
}

export function describeStoredRange(range: StoredDateRange, timezone: string): StoredDateRangeType {
  return { preset: 'preset' in range ? range.preset : null, ...resolveStoredRange(range, timezone) };
}
