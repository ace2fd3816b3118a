import { ArgsType, Field, ID, Int, ObjectType } from 'type-graphql';
import { Channel } from '../../../conversations/conversation.entity';
import { Access, ReportPrivacy } from '../../../auth/access';
import { ChannelEnum } from '../../../conversations/graphql/enums';
import { graphqlEnum } from '../../../graphql/graphql-enum';
import { ChartType } from '../../catalog/definition';
import { DatePreset } from '../../../calendar/date-presets';
import { ChartTypeEnum, DatePresetEnum, GranularityEnum } from '../../graphql/enums';
import { FilterInput } from '../../../conversations/graphql/filter.input';
import { DateRangeInput } from '../../graphql/inputs';
import { ReportDimension, ReportFilter, ReportMeasure } from '../../graphql/types';
import { Granularity } from '../../../calendar/time';
import { RevisionAction } from '../store';
import { DATE_PROPERTY_RULE, DIMENSIONS_RULE } from '../../graphql/descriptions';

/** Owners and authors are users as members see them; the type lives with the users (`members` lists them too). */
export { MemberType } from '../../../auth/graphql/types';

export const ReportPrivacyEnum = graphqlEnum<ReportPrivacy>('ReportPrivacy', 'Who can see a saved report. Its owner always can; admins view every report of their account.', {
  EVERYONE: 'Everyone in the account can view and run it; its owner and admins edit it.',
  PRIVATE: 'Its owner only; admins may view it but not edit it. A report edited on a dashboard not shared with everyone starts PRIVATE. Whoever sees a dashboard still sees it there.',
});

export const RevisionActionEnum = graphqlEnum<RevisionAction>('RevisionAction', 'How a revision of a saved report came about.', {
  CREATED: 'The report was saved for the first time.',
  UPDATED: 'The report was edited.',
  RESTORED: 'An earlier revision was put back.',
});

@ObjectType('ReportDateRange', { description: 'The date range a report or dashboard keeps, with the local dates it covers today.' })
export class StoredDateRangeType {
  @Field(() => DatePresetEnum, { nullable: true, description: 'The rolling preset; null for fixed dates.' })
  preset: DatePreset | null;

  @Field({ description: 'First day it covers now, YYYY-MM-DD.' })
  from: string;

  @Field({ description: 'Last day it covers now, YYYY-MM-DD.' })
  to: string;
}

@ObjectType('Report', { description: 'A saved report: an edited copy of a catalog report or a custom conversation report.' })
export class SavedReportType {
  @Field(() => ID, { description: 'Report id.' })
  id: string;

  @Field({ description: 'Name as shown on a dashboard.' })
  name: string;

  @Field(() => ReportPrivacyEnum, { description: 'Who can see it: EVERYONE or PRIVATE (its owner; admins view).' })
  privacy: ReportPrivacy;

  @Field(() => ChartTypeEnum, { description: 'How it is drawn.' })
  chartType: ChartType;

  @Field(() => ChannelEnum, { nullable: true, description: 'The channel it counts; null for both.' })
  channel: Channel | null;

  @Field(() => [ReportMeasure], { description: 'What it measures, leading measure first.' })
  measures: ReportMeasure[];

  @Field(() => [ReportDimension], { description: `What it groups by: x-axis, then break-down. ${DIMENSIONS_RULE}` })
  dimensions: ReportDimension[];

  @Field(() => GranularityEnum, { nullable: true, description: 'Bucket size of a date dimension.' })
  granularity: Granularity | null;

  @Field({ description: DATE_PROPERTY_RULE })
  dateProperty: string;

  @Field(() => [ReportFilter], { description: 'Its filters (AND).' })
  filters: ReportFilter[];

  @Field(() => StoredDateRangeType, { nullable: true, description: 'The range it shows unless a run or dashboard gives one; null for all time.' })
  dateRange: StoredDateRangeType | null;

  @Field(() => String, { nullable: true, description: 'IANA zone of its dates and buckets; null for the account\'s.' })
  timezone: string | null;

  @Field(() => ID, { nullable: true, description: 'The catalog report it is an edited copy of, if any.' })
  sourceDefinitionId: string | null;

  @Field(() => Int, { description: 'Its current revision number (1 when first saved).' })
  revision: number;

  @Field({ description: 'When it was first saved.' })
  createdAt: Date;

  @Field({ description: 'When it was last changed.' })
  updatedAt: Date;

  /** The owner's user id, for the `owner` resolver. */
  ownerId: string;
  /** What the caller may do with the report itself (null: seen only as a tile of a dashboard they see). */
  access: Access | null;
}

@ObjectType('ReportRevision', { description: 'One saved state of a report: who changed what, and when.' })
export class ReportRevisionType {
  @Field(() => Int, { description: 'Revision number, counting from 1.' })
  revision: number;

  @Field(() => RevisionActionEnum, { description: 'CREATED, UPDATED or RESTORED.' })
  action: RevisionAction;

  @Field(() => [String], { description: 'The fields this revision changed, e.g. `name`, `chartType`, `dimensions`, `filters`.' })
  changes: string[];

  @Field({ description: 'When it was saved.' })
  createdAt: Date;

  @Field({ description: 'The report name at this revision.' })
  name: string;

  @Field(() => ChartTypeEnum, { description: 'The chart type at this revision.' })
  chartType: ChartType;

  /** Who saved it, for the `author` resolver. */
  userId: string;
}

@ArgsType()
export class ReportRunArgs {
  @Field(() => DateRangeInput, { nullable: true, description: 'Local dates to show instead of the report\'s (or dashboard\'s) range.' })
  dateRange?: DateRangeInput | null;

  @Field(() => String, { nullable: true, description: 'IANA zone instead of the report\'s (default the account\'s).' })
  timezone?: string | null;

  @Field(() => GranularityEnum, { nullable: true, description: 'Bucket size instead of the report\'s.' })
  granularity?: Granularity | null;

  @Field(() => [FilterInput], { nullable: true, description: 'Extra filters, AND-ed with the report\'s (and dashboard\'s).' })
  filters?: FilterInput[] | null;
}
