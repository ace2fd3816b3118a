import { Field, ID, InputType, Int } from 'type-graphql';
import { Channel } from '../../../conversations/conversation.entity';
import { ReportPrivacy } from '../../../auth/access';
import { ChannelEnum } from '../../../conversations/graphql/enums';
import { ChartType } from '../../catalog/definition';
import { DatePreset } from '../../../calendar/date-presets';
import { ChartTypeEnum, DatePresetEnum, GranularityEnum } from '../../graphql/enums';
import { FilterInput } from '../../../conversations/graphql/filter.input';
import { Granularity } from '../../../calendar/time';
import { DATE_PROPERTY_RULE, DIMENSIONS_RULE } from '../../graphql/descriptions';
import { ReportPrivacyEnum } from './types';
import type { DateRangeChoice, NewReport, ReportChanges, ReportOwnerChange, ReportUpdate } from '../service';

@InputType({ description: 'A date range a report or dashboard keeps: a rolling preset, or fixed local dates (give one or the other).' })
export class ReportDateRangeInput implements DateRangeChoice {
  @Field(() => DatePresetEnum, { nullable: true, description: 'A rolling range such as LAST_30_DAYS, resolved when the report runs.' })
  preset?: DatePreset | null;

  @Field(() => String, { nullable: true, description: 'First day, YYYY-MM-DD (without a preset).' })
  from?: string | null;

  @Field(() => String, { nullable: true, description: 'Last day, YYYY-MM-DD, not before `from` (without a preset).' })
  to?: string | null;
}

/**
 * What the report editor can change. A field left out stays as it is; for the fields that may be
 * empty (channel, dimensions, granularity, filters, dateRange, timezone) an explicit null clears it.
 */
@InputType({ description: 'Changes to a report. Fields left out stay as they are; an explicit null clears channel, dimensions, granularity, filters, dateRange or timezone.' })
export class ReportChangesInput implements ReportChanges {
  @Field(() => String, { nullable: true, description: 'Report name, 1 to 200 characters.' })
  name?: string | null;

  @Field(() => ChartTypeEnum, { nullable: true, description: 'How it is drawn; it must be able to show the dimensions (PIE and DONUT one, SUMMARY none).' })
  chartType?: ChartType | null;

  @Field(() => ChannelEnum, { nullable: true, description: 'The channel counted; null for both.' })
  channel?: Channel | null;

  @Field(() => [String], { nullable: true, description: 'Measure keys, leading one first, e.g. `count`, `avgFirstResponseSeconds` (1 to 5).' })
  measures?: string[] | null;

  @Field(() => [String], { nullable: true, description: `Property keys from \`conversationProperties\`: the x-axis, then an optional break-down. Reorder to move a property between them. ${DIMENSIONS_RULE}` })
  dimensions?: string[] | null;

  @Field(() => GranularityEnum, { nullable: true, description: 'Bucket size when a dimension is a date (required then).' })
  granularity?: Granularity | null;

  @Field(() => String, { nullable: true, description: DATE_PROPERTY_RULE })
  dateProperty?: string | null;

  @Field(() => [FilterInput], { nullable: true, description: 'The report\'s filters, all of them (AND); they replace the current ones.' })
  filters?: FilterInput[] | null;

  @Field(() => ReportDateRangeInput, { nullable: true, description: 'The range it shows unless a run or dashboard gives one; null for all time.' })
  dateRange?: ReportDateRangeInput | null;

  @Field(() => String, { nullable: true, description: 'IANA zone for its dates and buckets; null for the account\'s.' })
  timezone?: string | null;
}

@InputType({ description: 'A new saved report: from scratch (name and chartType required; measures default to count), or a copy of a catalog report with changes.' })
export class CreateReportInput extends ReportChangesInput implements NewReport {
  @Field(() => ID, { nullable: true, description: 'Start from this report of the catalog: what is not given is copied from it.' })
  fromDefinitionId?: string | null;

  @Field(() => ReportPrivacyEnum, { nullable: true, description: 'Who can see it; default EVERYONE.' })
  privacy?: ReportPrivacy | null;
}

@InputType({ description: 'Changes to a saved report; every change keeps a revision.' })
export class UpdateReportInput extends ReportChangesInput implements ReportUpdate {
  @Field(() => ID, { description: 'The saved report.' })
  id: string;

  @Field(() => ReportPrivacyEnum, { nullable: true, description: 'Who can see it (owner or admin); left out, it stays. Listed among the revision\'s changes but not restored with it.' })
  privacy?: ReportPrivacy | null;
}

@InputType({ description: 'Gives a saved report to another user of the account, e.g. when its owner left (admins only).' })
export class ReassignReportOwnerInput implements ReportOwnerChange {
  @Field(() => ID, { description: 'The saved report.' })
  reportId: string;

  @Field(() => ID, { description: 'User id of the new owner: a user of this account.' })
  ownerId: string;
}

@InputType({ description: 'Puts a saved report back as it was at an earlier revision (itself kept as a new revision).' })
export class RestoreReportRevisionInput {
  @Field(() => ID, { description: 'The saved report.' })
  id: string;

  @Field(() => Int, { description: 'The revision to go back to (see `Report.revisions`).' })
  revision: number;
}
