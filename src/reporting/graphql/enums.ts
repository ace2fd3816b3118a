import { graphqlEnum } from '../../graphql/graphql-enum';
import { ChartType } from '../catalog/definition';
import { DatePreset } from '../../calendar/date-presets';
import { CompareTo } from '../engine/compare';
import { MeasureUnit } from '../engine/measures';
import { Granularity } from '../../calendar/time';

export const GranularityEnum = graphqlEnum<Granularity>('Granularity', "Size of a time bucket, local to the report's timezone.", {
  DAY: 'Local calendar days (23 or 25 hours on DST nights).',
  WEEK: 'Weeks starting on Monday.',
  MONTH: 'Calendar months.',
  QUARTER: 'Calendar quarters (January, April, July, October).',
  YEAR: 'Calendar years.',
});

export const CompareToEnum = graphqlEnum<CompareTo>('CompareTo', 'The earlier range a report run is compared with.', {
  PREVIOUS_PERIOD: 'The same number of days just before the date range (March, 31 days, compares with 29 January to 28 February).',
  PREVIOUS_YEAR: 'The same local dates one year earlier (29 February becomes 28 February).',
});

export const ChartTypeEnum = graphqlEnum<ChartType>('ChartType', 'How a report is drawn.', {
  BAR: 'Horizontal bars, one per group.',
  COLUMN: 'Vertical columns, one per group.',
  LINE: 'A line over the first dimension (usually time).',
  AREA: 'A filled line over the first dimension.',
  PIE: 'Shares of one measure over one dimension.',
  DONUT: 'A pie with a hole.',
  SUMMARY: 'Totals only, no dimensions.',
  TABLE: 'Rows and columns.',
});

export const MeasureUnitEnum = graphqlEnum<MeasureUnit>('MeasureUnit', 'What a measure value counts.', {
  COUNT: 'A number of conversations.',
  SECONDS: 'A duration in seconds.',
  NUMBER: 'A number: a sum, average, minimum or maximum of a number property, or a plain ratio.',
  PERCENT: 'A share in percent (0–100): a ratio of two measures.',
});

export const DatePresetEnum = graphqlEnum<DatePreset>('DateRangePreset', 'A rolling date range, resolved in the report\'s timezone each time it runs. "Last N days" are the N whole days before today; "this" periods run to today inclusive.', {
  TODAY: 'Today.',
  YESTERDAY: 'Yesterday.',
  THIS_WEEK: 'Monday of this week to today.',
  LAST_WEEK: 'The previous Monday-to-Sunday week.',
  LAST_7_DAYS: 'The 7 days before today.',
  LAST_14_DAYS: 'The 14 days before today.',
  LAST_30_DAYS: 'The 30 days before today.',
  LAST_90_DAYS: 'The 90 days before today.',
  LAST_365_DAYS: 'The 365 days before today.',
  THIS_MONTH: 'The first of this month to today.',
  LAST_MONTH: 'The previous calendar month.',
  THIS_QUARTER: 'The first day of this quarter to today.',
  LAST_QUARTER: 'The previous calendar quarter.',
  THIS_YEAR: 'January 1 to today.',
  LAST_YEAR: 'The previous calendar year.',
});
