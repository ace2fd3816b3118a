import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Channel } from '../../conversations/conversation.entity';
import { ChannelEnum } from '../../conversations/graphql/enums';
import { graphqlEnum } from '../../graphql/graphql-enum';
import { ReportDefinitionType, ReportFilter } from '../../reporting/graphql/types';
import { StoredDateRangeType } from '../../reporting/saved/graphql/types';
import { Access, GranteeType, Privacy, Share } from '../../auth/access';
import type { VisibleDashboard } from '../service';

export const PrivacyEnum = graphqlEnum<Privacy>('DashboardPrivacy', 'Who can see and edit a dashboard. Its owner always can; admins view every dashboard of their account.', {
  OWNER_AND_ADMINS: 'The owner and admins.',
  PRIVATE: 'The owner only; admins may view it (not edit it).',
  EVERYONE_VIEW: 'Everyone in the account can view; the owner and admins edit.',
  EVERYONE_EDIT: 'Everyone in the account can view and edit.',
  SPECIFIC: 'The users and teams in `shares`, each with view or edit access, plus admins (ENTERPRISE plan only).',
});

export const AccessEnum = graphqlEnum<Access>('DashboardAccess', 'What someone may do with a dashboard.', {
  VIEW: 'See it and run its reports.',
  EDIT: 'Also rename it, change its reports, layout, date range and filters.',
});

export const GranteeTypeEnum = graphqlEnum<GranteeType>('ShareGrantee', 'Who a dashboard is shared with.', {
  USER: 'One user, by user id.',
  TEAM: 'Every user of a team, by the team\'s external id.',
});

@ObjectType('DashboardTemplate', { description: 'A dashboard of the library to start from.' })
export class DashboardTemplateType {
  @Field(() => ID, { description: '`chat-overview` or `email-overview`.' })
  id: string;

  @Field({ description: 'Title.' })
  title: string;

  @Field({ description: 'What it shows.' })
  description: string;

  @Field(() => ChannelEnum, { description: 'The channel its reports count.' })
  channel: Channel;

  @Field(() => [ReportDefinitionType], { description: 'Its reports, in dashboard order; pick some or all when creating a dashboard.' })
  reports: ReportDefinitionType[];
}

/** One class for the share a dashboard shows and the share a mutation gives: the same three fields. */
@ObjectType('DashboardShare', { description: 'A user or team a SPECIFIC dashboard is shared with.' })
@InputType('ShareInput', { description: 'A user or team to share a SPECIFIC dashboard with.' })
export class ShareType implements Share {
  @Field(() => GranteeTypeEnum, { description: 'USER or TEAM.' })
  granteeType: GranteeType;

  @Field(() => ID, { description: 'User id, or team external id.' })
  granteeId: string;

  @Field(() => AccessEnum, { description: 'VIEW or EDIT.' })
  access: Access;
}

@ObjectType('Dashboard', { description: 'Reports in an order and layout, with a date range and filters for all of them.' })
export class DashboardType {
  @Field(() => ID, { description: 'Dashboard id.' })
  id: string;

  @Field({ description: 'Name.' })
  name: string;

  @Field(() => PrivacyEnum, { description: 'Who can see and edit it.' })
  privacy: Privacy;

  @Field(() => [ShareType], { description: 'Users and teams it is shared with (privacy SPECIFIC).' })
  shares: ShareType[];

  @Field(() => ID, { nullable: true, description: 'The template it was made from, if any.' })
  templateId: string | null;

  @Field(() => StoredDateRangeType, { nullable: true, description: 'The date range all its reports show; null lets each report use its own.' })
  dateRange: StoredDateRangeType | null;

  @Field(() => [ReportFilter], { description: 'Filters applied to all its reports (AND).' })
  filters: ReportFilter[];

  @Field(() => AccessEnum, { description: 'What you may do with it.' })
  access: Access;

  @Field({ description: 'When it was created.' })
  createdAt: Date;

  @Field({ description: 'When it was last changed.' })
  updatedAt: Date;

  ownerId: string;
  /** The dashboard as the caller was let see it: what grants seeing its tiles, and what they run with. */
  shownOn: VisibleDashboard;
}

@ObjectType('DashboardReport', { description: 'One report on a dashboard: a catalog report or a saved report, with its place in the layout.' })
export class DashboardReportType {
  @Field(() => ID, { description: 'Id of this place on the dashboard (for layout, editing and removal).' })
  id: string;

  @Field(() => Int, { description: 'Order on the dashboard, from 0.' })
  position: number;

  @Field(() => Int, { description: 'Width in columns of a 12-column grid.' })
  width: number;

  definitionId: string | null;
  reportId: string | null;
  shownOn: VisibleDashboard;
}
