import { Field, ID, InputType, Int } from 'type-graphql';
import { FilterInput } from '../../conversations/graphql/filter.input';
import { ReportChangesInput, ReportDateRangeInput } from '../../reporting/saved/graphql/inputs';
import { Privacy } from '../../auth/access';
import { PrivacyEnum, ShareType } from './types';
import type { DashboardChanges, DashboardOwnerChange, DashboardReportEdit, NewDashboard, ReportPlacement, ReportRemoval } from '../service';

@InputType({ description: 'A new dashboard from a template of the library.' })
export class CreateDashboardFromTemplateInput implements NewDashboard {
  @Field(() => ID, { description: '`chat-overview` or `email-overview` (see `dashboardTemplates`).' })
  templateId: string;

  @Field({ description: 'Dashboard name, 1 to 200 characters.' })
  name: string;

  @Field(() => PrivacyEnum, { description: 'Who can see and edit it.' })
  privacy: Privacy;

  @Field(() => [ID], { nullable: true, description: 'Which of the template\'s reports to include (the checkboxes); absent for all.' })
  reportDefinitionIds?: string[] | null;

  @Field(() => [ShareType], { nullable: true, description: 'Users and teams to share with (privacy SPECIFIC only).' })
  shares?: ShareType[] | null;
}

@InputType({ description: 'A place on the dashboard and its width, in the new order.' })
export class LayoutItemInput {
  @Field(() => ID, { description: 'A `DashboardReport.id` of this dashboard.' })
  id: string;

  @Field(() => Int, { nullable: true, description: 'Width in columns, 1 to 12; absent keeps it.' })
  width?: number | null;
}

@InputType({ description: 'Changes to a dashboard. Fields left out stay as they are; an explicit null clears dateRange or filters.' })
export class UpdateDashboardInput implements DashboardChanges {
  @Field(() => ID, { description: 'The dashboard.' })
  id: string;

  @Field(() => String, { nullable: true, description: 'New name.' })
  name?: string | null;

  @Field(() => PrivacyEnum, { nullable: true, description: 'New privacy (owner or admin only).' })
  privacy?: Privacy | null;

  @Field(() => [ShareType], { nullable: true, description: 'All its shares, replacing the current ones (owner or admin only; privacy SPECIFIC).' })
  shares?: ShareType[] | null;

  @Field(() => ReportDateRangeInput, { nullable: true, description: 'Date range for all its reports; null lets each use its own.' })
  dateRange?: ReportDateRangeInput | null;

  @Field(() => [FilterInput], { nullable: true, description: 'Filters for all its reports, replacing the current ones.' })
  filters?: FilterInput[] | null;

  @Field(() => [LayoutItemInput], { nullable: true, description: 'Every report of the dashboard once, in the new order, with optional widths.' })
  layout?: LayoutItemInput[] | null;
}

@InputType({ description: 'A report to add to a dashboard: from the catalog or a saved report (give one).' })
export class AddReportToDashboardInput implements ReportPlacement {
  @Field(() => ID, { description: 'The dashboard.' })
  dashboardId: string;

  @Field(() => ID, { nullable: true, description: 'A report of the catalog.' })
  definitionId?: string | null;

  @Field(() => ID, { nullable: true, description: 'A saved report.' })
  reportId?: string | null;

  @Field(() => Int, { nullable: true, description: 'Width in columns, 1 to 12; default 6.' })
  width?: number | null;

  @Field(() => Int, { nullable: true, description: 'Where to put it, from 0; default at the end.' })
  position?: number | null;
}

@InputType({ description: 'A report to take off a dashboard: by its place, or by the report it shows (give one).' })
export class RemoveReportFromDashboardInput implements ReportRemoval {
  @Field(() => ID, { description: 'The dashboard.' })
  dashboardId: string;

  @Field(() => ID, { nullable: true, description: 'The `DashboardReport.id`.' })
  dashboardReportId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The catalog report it shows.' })
  definitionId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The saved report it shows.' })
  reportId?: string | null;
}

@InputType({ description: 'An edit of a report where it sits on a dashboard.' })
export class EditDashboardReportInput implements DashboardReportEdit {
  @Field(() => ID, { description: 'The dashboard.' })
  dashboardId: string;

  @Field(() => ID, { description: 'The `DashboardReport.id`.' })
  dashboardReportId: string;

  @Field(() => ReportChangesInput, { description: 'What to change.' })
  changes: ReportChangesInput;
}

@InputType({ description: 'Gives a dashboard to another user of the account, e.g. when its owner left (admins only).' })
export class ReassignDashboardOwnerInput implements DashboardOwnerChange {
  @Field(() => ID, { description: 'The dashboard.' })
  dashboardId: string;

  @Field(() => ID, { description: 'User id of the new owner: a user of this account.' })
  ownerId: string;
}
