import { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { listDirectory } from '../../conversations/directory';
import { Team } from '../../conversations/graphql/types';
import { catalogDefinition, reportCatalog } from '../../reporting/catalog/registry';
import { ReportDefinitionType, reportResult, ReportResultType } from '../../reporting/graphql/types';
import { describeReport, describeStoredRange } from '../../reporting/saved/graphql/resolver';
import { MemberType, ReportRunArgs, SavedReportType } from '../../reporting/saved/graphql/types';
import { describeDefinition, describeFilter, runSource } from '../../reporting/service';
import { DASHBOARD_LIMITS } from '../../accounts/plan';
import { describableFilters } from '../../reporting/stored-config';
import { Context } from '../../server/context';
import { listOfAtMost, runsOnce } from '../../graphql/cost';
import { responsePath } from '../../graphql/response-path';
import {
  addReportToDashboard,
  createDashboardFromTemplate,
  deleteDashboard,
  editDashboardReport,
  findDashboard,
  itemsOf,
  listVisibleDashboards,
  MAX_REPORTS_PER_DASHBOARD,
  reassignDashboardOwner,
  removeReportFromDashboard,
  reportOnDashboard,
  tileSource,
  updateDashboard,
  VisibleDashboard,
} from '../service';
import { DASHBOARD_TEMPLATES } from '../templates';
import {
  AddReportToDashboardInput,
  CreateDashboardFromTemplateInput,
  EditDashboardReportInput,
  ReassignDashboardOwnerInput,
  RemoveReportFromDashboardInput,
  UpdateDashboardInput,
} from './inputs';
import { DashboardReportType, DashboardTemplateType, DashboardType } from './types';

@Resolver(() => DashboardType)
export class DashboardResolver {
  @Query(() => [DashboardTemplateType], { description: 'The dashboard library: templates to create a dashboard from.' })
  dashboardTemplates(): DashboardTemplateType[] {
    return DASHBOARD_TEMPLATES.map((t) => ({
      id: t.id,
      title: t.title,
      description: t.description,
      channel: t.channel,
      reports: t.reportDefinitionIds.flatMap((id) => {
        const definition = reportCatalog().get(id);
        return definition ? [describeDefinition(definition)] : [];
      }),
    }));
  }

  @Query(() => [DashboardType], listOfAtMost(Math.max(...Object.values(DASHBOARD_LIMITS)), 'The dashboards you may see, by name.'))
  async dashboards(@Ctx() ctx: Context): Promise<DashboardType[]> {
    return (await listVisibleDashboards(ctx)).map((d) => describeDashboard(ctx, d));
  }

  @Query(() => DashboardType, { description: 'One dashboard you may see.' })
  async dashboard(@Ctx() ctx: Context, @Arg('id', () => ID, { description: 'Dashboard id.' }) id: string): Promise<DashboardType> {
    return describeDashboard(ctx, await findDashboard(ctx, id));
  }

  @Query(() => [Team], { description: 'The teams of your account by name, e.g. to share a dashboard with (`ShareInput.granteeId` takes a team\'s `externalId`). Any token that may read.' })
  async teams(@Ctx() ctx: Context): Promise<Team[]> {
    return (await listDirectory(ctx.db, ctx.viewer.account.id, 'team')).map(({ externalId, name }) => ({ externalId, name }));
  }

  @Mutation(() => DashboardType, { description: 'Creates a dashboard from a template with the reports you pick. Limited in number per plan.' })
  async createDashboardFromTemplate(@Ctx() ctx: Context, @Arg('input', () => CreateDashboardFromTemplateInput, { description: 'Template, name, privacy and reports.' }) input: CreateDashboardFromTemplateInput): Promise<DashboardType> {
    return describeDashboard(ctx, await createDashboardFromTemplate(ctx, input));
  }

  @Mutation(() => DashboardType, { description: 'Renames, re-shares, reorders or resizes a dashboard, or sets its date range and filters (edit access).' })
  async updateDashboard(@Ctx() ctx: Context, @Arg('input', () => UpdateDashboardInput, { description: 'The dashboard and what changes.' }) input: UpdateDashboardInput): Promise<DashboardType> {
    return describeDashboard(ctx, await updateDashboard(ctx, input));
  }

  @Mutation(() => DashboardType, { description: 'Adds a catalog report or a saved report to a dashboard (edit access).' })
  async addReportToDashboard(@Ctx() ctx: Context, @Arg('input', () => AddReportToDashboardInput, { description: 'The dashboard, the report, where and how wide.' }) input: AddReportToDashboardInput): Promise<DashboardType> {
    return describeDashboard(ctx, await addReportToDashboard(ctx, input));
  }

  @Mutation(() => DashboardType, { description: 'Takes a report off a dashboard (edit access); a saved report itself is kept.' })
  async removeReportFromDashboard(@Ctx() ctx: Context, @Arg('input', () => RemoveReportFromDashboardInput, { description: 'The dashboard and the report.' }) input: RemoveReportFromDashboardInput): Promise<DashboardType> {
    return describeDashboard(ctx, await removeReportFromDashboard(ctx, input));
  }

  @Mutation(() => DashboardType, { description: 'Edits a report on a dashboard; a catalog report becomes an edited copy there. Needs PROFESSIONAL, ENTERPRISE or the reporting add-on.' })
  async editDashboardReport(@Ctx() ctx: Context, @Arg('input', () => EditDashboardReportInput, { description: 'The dashboard, the report on it, and the changes.' }) input: EditDashboardReportInput): Promise<DashboardType> {
    return describeDashboard(ctx, await editDashboardReport(ctx, input));
  }

  @Mutation(() => DashboardType, { description: 'Gives a dashboard to another user of the account, e.g. when its owner left (admins only; any privacy).' })
  async reassignDashboardOwner(@Ctx() ctx: Context, @Arg('input', () => ReassignDashboardOwnerInput, { description: 'The dashboard and its new owner.' }) input: ReassignDashboardOwnerInput): Promise<DashboardType> {
    return describeDashboard(ctx, await reassignDashboardOwner(ctx, input));
  }

  @Mutation(() => ID, { description: 'Deletes a dashboard (owner, or an admin unless it is private to another user); its saved reports are kept. Returns its id.' })
  deleteDashboard(@Ctx() ctx: Context, @Arg('id', () => ID, { description: 'Dashboard id.' }) id: string): Promise<string> {
    return deleteDashboard(ctx, id);
  }

  @FieldResolver(() => MemberType, { nullable: true, description: 'Who created it.' })
  owner(@Ctx() ctx: Context, @Root() dashboard: DashboardType): Promise<MemberType | null> {
    return ctx.members.load(dashboard.ownerId);
  }

  @FieldResolver(() => [DashboardReportType], listOfAtMost(MAX_REPORTS_PER_DASHBOARD, 'Its reports in layout order.'))
  async reports(@Ctx() ctx: Context, @Root() dashboard: DashboardType): Promise<DashboardReportType[]> {
    return (await itemsOf(ctx, dashboard.id)).map((item) => ({ ...item, shownOn: dashboard.shownOn }));
  }
}

@Resolver(() => DashboardReportType)
export class DashboardReportResolver {
  @FieldResolver(() => String, { description: 'The title shown: the saved report\'s name or the catalog report\'s title.' })
  async title(@Ctx() ctx: Context, @Root() item: DashboardReportType): Promise<string> {
    return item.reportId ? (await reportOnDashboard(ctx, item.shownOn, item.reportId)).name : definitionOf(item).title;
  }

  @FieldResolver(() => ReportDefinitionType, { nullable: true, description: 'The catalog report shown, if it is one.' })
  definition(@Root() item: DashboardReportType): ReportDefinitionType | null {
    return item.definitionId ? describeDefinition(definitionOf(item)) : null;
  }

  @FieldResolver(() => SavedReportType, { nullable: true, description: 'The saved report shown, if it is one.' })
  async report(@Ctx() ctx: Context, @Root() item: DashboardReportType): Promise<SavedReportType | null> {
    return item.reportId ? describeReport(ctx, await reportOnDashboard(ctx, item.shownOn, item.reportId)) : null;
  }

  @FieldResolver(() => ReportResultType, {
    nullable: true,
    ...runsOnce('Runs it with the dashboard\'s date range and filters; the arguments override the range and add filters. Null, with a CONFIG_INVALID error naming the report or dashboard, when a stored configuration no longer validates: the other reports still show.'),
  })
  async result(@Ctx() ctx: Context, @Root() item: DashboardReportType, @Args(() => ReportRunArgs) run: ReportRunArgs, @Info() info: GraphQLResolveInfo): Promise<ReportResultType> {
    const started = performance.now();
    return reportResult(await runSource(ctx, await tileSource(ctx, item.shownOn, item), run, responsePath(info), started));
  }
}

function definitionOf(item: DashboardReportType) {
  return catalogDefinition(item.definitionId as string);
}

function describeDashboard(ctx: Context, shownOn: VisibleDashboard): DashboardType {
  const { dashboard, access } = shownOn;
  return {
    id: dashboard.id,
    name: dashboard.name,
    privacy: dashboard.privacy,
    shares: dashboard.shares,
    templateId: dashboard.templateId,
    dateRange: dashboard.dateRange && describeStoredRange(dashboard.dateRange, ctx.viewer.account.timezone),
    filters: describableFilters(dashboard.filters).map(describeFilter),
    access,
    createdAt: dashboard.createdAt,
    updatedAt: dashboard.updatedAt,
    ownerId: dashboard.ownerId,
    shownOn,
  };
}
