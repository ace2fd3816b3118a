import { Field, ID, InputType, Int } from 'type-graphql';
import { CompareTo } from '../engine/compare';
import { Granularity } from '../../calendar/time';
import { CompareToEnum, GranularityEnum } from './enums';
import { FilterInput } from '../../conversations/graphql/filter.input';
import type { DrilldownRequest, RunRequest } from '../service';

@InputType({ description: 'Local calendar dates, both inclusive, in the report\'s timezone.' })
export class DateRangeInput {
  @Field({ description: 'First day, YYYY-MM-DD.' })
  from: string;

  @Field({ description: 'Last day, YYYY-MM-DD (not before `from`).' })
  to: string;
}

@InputType({ description: 'Which report to run and how. Give exactly one of `definitionId` and `reportId`.' })
export class RunReportInput implements RunRequest {
  @Field(() => ID, { nullable: true, description: 'A report of the catalog (`reportDefinitions`).' })
  definitionId?: string | null;

  @Field(() => ID, { nullable: true, description: 'A saved report (`reports`).' })
  reportId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'Run the report as a tile of this dashboard shows it (`DashboardReport.result`): with the dashboard\'s date range and filters, and for whoever may see the dashboard, also when the saved report is private to another user. The report must be on the dashboard.',
  })
  dashboardId?: string | null;

  @Field(() => DateRangeInput, { nullable: true, description: 'Local dates to report on, selecting conversations by the report\'s dateProperty; absent means all time.' })
  dateRange?: DateRangeInput | null;

  @Field(() => String, { nullable: true, description: 'IANA zone for the date range and time buckets; default the account\'s, else UTC.' })
  timezone?: string | null;

  @Field(() => GranularityEnum, { nullable: true, description: 'Bucket size for a date dimension; ignored by reports without one.' })
  granularity?: Granularity | null;

  @Field(() => [FilterInput], { nullable: true, description: 'Extra conditions, combined with AND with the report\'s own.' })
  filters?: FilterInput[] | null;

  @Field(() => CompareToEnum, { nullable: true, description: 'Also run the report over an earlier range and give each row its value there and the change (`ReportRow.comparisonValues`). Needs a date range. Ignored by `drilldown`.' })
  compareTo?: CompareTo | null;
}

@InputType({ description: 'A data point of a report run, to list the conversations behind it.' })
export class DrilldownInput implements DrilldownRequest {
  @Field(() => RunReportInput, { description: 'The run the data point belongs to.' })
  run: RunReportInput;

  @Field(() => [String], { nullable: 'itemsAndList', description: 'One `dimensionValues.value` per dimension of the run, in order (null for no value).' })
  point?: (string | null)[] | null;

  @Field(() => String, { nullable: true, description: 'Which measure\'s conversations to list; default the leading one.' })
  measure?: string | null;

  @Field(() => Int, { nullable: true, description: 'Page size: 1 to 500, default 50.' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'The `pageInfo.endCursor` of the previous page.' })
  after?: string | null;
}
