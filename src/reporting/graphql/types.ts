import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../../conversations/graphql/types';
import { reportCsv } from '../engine/csv';
import { Channel } from '../../conversations/conversation.entity';
import { ChannelEnum, FilterOperatorEnum, PropertyTypeEnum } from '../../conversations/graphql/enums';
import { ChartType } from '../catalog/definition';
import { MeasureUnit } from '../engine/measures';
import { FilterOperator, PropertyType } from '../../conversations/query/properties';
import { Granularity } from '../../calendar/time';
import { ChartTypeEnum, GranularityEnum, MeasureUnitEnum } from './enums';
import { DATE_PROPERTY_RULE, DIMENSIONS_RULE } from './descriptions';
import type { DefinitionInfo, DimensionInfo, FilterInfo, MeasureInfo, PropertyInfo, PropertyValueList, RunResult } from '../service';

@ObjectType({ description: 'A dimension of a report: a property the rows are grouped by.' })
export class ReportDimension implements DimensionInfo {
  @Field({ description: 'The property key, as in `conversationProperties` (e.g. `assignee`, `createdAt`).' })
  key: string;

  @Field({ description: 'Display name.' })
  label: string;
}

@ObjectType({ description: 'A measure of a report: what each row counts or averages.' })
export class ReportMeasure implements MeasureInfo {
  @Field({ description: 'e.g. `count`, `closedCount`, `openCount`, `avgFirstResponseSeconds`, `avgTimeToCloseSeconds`, `medianFirstResponseSeconds`, `p90TimeToCloseSeconds`, or a key a plugin defines.' })
  key: string;

  @Field({ description: 'Display name.' })
  label: string;

  @Field(() => MeasureUnitEnum, { description: 'COUNT, SECONDS, NUMBER or PERCENT.' })
  unit: MeasureUnit;
}

@ObjectType({ description: 'A filter as stored in a report.' })
export class ReportFilter implements FilterInfo {
  @Field({ description: 'Property key.' })
  property: string;

  @Field(() => FilterOperatorEnum, { description: 'Operator.' })
  operator: FilterOperator;

  @Field(() => [String], { description: 'Values (none for IS_KNOWN / IS_UNKNOWN).' })
  values: string[];
}

@ObjectType('ReportDefinition', { description: 'A report of the catalog: the standard reports and those added by plugins.' })
export class ReportDefinitionType implements DefinitionInfo {
  @Field(() => ID, { description: 'Stable id, e.g. `chat-volume-by-assignee`.' })
  id: string;

  @Field({ description: 'Title as shown on a dashboard.' })
  title: string;

  @Field({ description: 'What the report shows.' })
  description: string;

  @Field(() => ChannelEnum, { nullable: true, description: 'The channel it counts; null for both.' })
  channel: Channel | null;

  @Field(() => ChartTypeEnum, { description: 'How it is drawn unless a saved copy says otherwise.' })
  defaultChartType: ChartType;

  @Field(() => [ReportMeasure], { description: 'What it measures, leading measure first.' })
  measures: ReportMeasure[];

  @Field(() => [ReportDimension], { description: `What it groups by: x-axis, then break-down. ${DIMENSIONS_RULE}` })
  dimensions: ReportDimension[];

  @Field({ description: DATE_PROPERTY_RULE })
  dateProperty: string;

  @Field(() => GranularityEnum, { nullable: true, description: 'Bucket size of its date dimension, if it has one.' })
  defaultGranularity: Granularity | null;

  @Field(() => [ReportFilter], { description: 'Filters always applied (AND) before the run\'s own.' })
  defaultFilters: ReportFilter[];
}

@ObjectType('ConversationPropertyInfo', { description: 'A conversation property reports can filter, group by or measure.' })
export class ConversationPropertyType implements PropertyInfo {
  @Field({ description: 'Key to use in filters and dimensions, e.g. `assignee` or `properties.priority`.' })
  key: string;

  @Field({ description: 'Display name.' })
  label: string;

  @Field(() => PropertyTypeEnum, { description: 'Kind of value.' })
  type: PropertyType;

  @Field(() => [FilterOperatorEnum], { description: 'Filter operators allowed for it.' })
  operators: FilterOperator[];

  @Field({ description: 'Whether reports can group by it (dates group by time buckets).' })
  groupable: boolean;

  @Field(() => [String], { nullable: true, description: 'The allowed values of an ENUM property.' })
  values: string[] | null;
}

@ObjectType({ description: 'The value of one dimension in a row.' })
export class DimensionValueType {
  @Field(() => String, {
    nullable: true,
    description: 'External id (assignee, inbox, team, chatflow), the URL, the enum value, or a time bucket\'s first day (YYYY-MM-DD); null for no value. Pass it back in `drilldown.point`.',
  })
  value: string | null;

  @Field({ description: 'Display name: the name, `Unassigned` or `(No value)` for no value, the date for a bucket.' })
  label: string;
}

@ObjectType('ReportRow', { description: 'One data point: a combination of dimension values and its measures.' })
export class ReportRowType {
  @Field(() => [DimensionValueType], { description: 'One per dimension, in order.' })
  dimensionValues: DimensionValueType[];

  @Field(() => [Float], { nullable: 'items', description: 'One per measure, in order; null for an average over no conversations.' })
  measureValues: (number | null)[];

  @Field(() => [Float], {
    nullable: 'itemsAndList',
    description: 'With `compareTo`: one per measure, the value of the same group in the comparison range (time buckets matched by position: the first with the first); 0 for a count of a group the comparison range lacks, null where there is nothing to compare with. Null without `compareTo`.',
  })
  comparisonValues?: (number | null)[] | null;

  @Field(() => [Float], { nullable: 'itemsAndList', description: 'With `compareTo`: one per measure, `measureValues` minus `comparisonValues` (null if either is null). Null without `compareTo`.' })
  changes?: (number | null)[] | null;

  @Field(() => [Float], { nullable: 'itemsAndList', description: 'With `compareTo`: one per measure, the change in percent of the comparison value (null when that is 0 or null). Null without `compareTo`.' })
  changePercents?: (number | null)[] | null;
}

@ObjectType('LocalDateRange', { description: 'Inclusive local dates, YYYY-MM-DD.' })
export class LocalDateRangeType {
  @Field({ description: 'First day.' })
  from: string;

  @Field({ description: 'Last day.' })
  to: string;
}

@ObjectType('ReportResult', { description: 'The rows of a report run.' })
export class ReportResultType {
  @Field(() => [ReportDimension], { description: 'The dimensions, in the order of each row\'s `dimensionValues`.' })
  dimensions: ReportDimension[];

  @Field(() => [ReportMeasure], { description: 'The measures, in the order of each row\'s `measureValues`.' })
  measures: ReportMeasure[];

  @Field(() => [ReportRowType], { description: 'Data points: time in time order (every bucket of the date range, empty ones 0; no value last); an enum in its own order; otherwise largest first.' })
  rows: ReportRowType[];

  @Field(() => LocalDateRangeType, { nullable: true, description: 'With `compareTo`: the range the rows are compared with. Null without it.' })
  comparisonRange?: LocalDateRangeType | null;

  @Field({ description: 'The same rows as CSV (RFC 4180, labels and values, durations in seconds, measures rounded to milliseconds), for export. `GET /export/reports/<id>.csv` also gives ids (docs/api.md).' })
  csv(): string {
    return reportCsv(this);
  }
}

/** A run of the reporting service as GraphQL shows it (`csv` is a method of the type). */
export function reportResult(result: RunResult): ReportResultType {
  return Object.assign(new ReportResultType(), result);
}

@ObjectType('PropertyValue', { description: 'One value of a conversation property, as a filter picker lists it.' })
export class PropertyValueType {
  @Field({ description: 'What a filter takes: the external id (assignee, inbox, team, chatflow), the text, or the enum value.' })
  value: string;

  @Field({ description: 'What a person reads: the name of an assignee, inbox, team or chatflow; the value itself otherwise.' })
  label: string;

  @Field(() => Int, { description: 'How many conversations of your account have this value (all time).' })
  count: number;
}

@ObjectType('PropertyValueEdge', { description: 'A value of a page, with the cursor that pages on from it.' })
export class PropertyValueEdge {
  @Field({ description: 'Pass as `after` to get the values that follow this one.' })
  cursor: string;

  @Field(() => PropertyValueType, { description: 'The value.' })
  node: PropertyValueType;
}

@ObjectType('PropertyValueConnection', { description: 'A page of the values of a property, most used first.' })
export class PropertyValueConnection implements PropertyValueList {
  @Field(() => [PropertyValueType], { description: 'The values of this page.' })
  nodes: PropertyValueType[];

  @Field(() => [PropertyValueEdge], { description: 'The same values as `nodes`, each with its cursor (for Relay-style clients).' })
  edges: PropertyValueEdge[];

  @Field(() => PageInfo, { description: 'Where this page ends.' })
  pageInfo: PageInfo;

  @Field(() => Int, { description: 'How many values match in all pages together.' })
  totalCount: number;
}
