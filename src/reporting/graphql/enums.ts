import { registerEnumType } from 'type-graphql';
import { CHART_TYPES, ChartType } from '../catalog/definition';
import { MeasureUnit } from '../engine/measures';
import { PROPERTY_TYPES, PropertyType } from '../properties';
import { Granularity, GRANULARITIES } from '../time';

const enumOf = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const GranularityEnum = enumOf<Granularity>(GRANULARITIES);
export const ChartTypeEnum = enumOf<ChartType>(CHART_TYPES);
export const MeasureUnitEnum = enumOf<MeasureUnit>(['COUNT', 'SECONDS']);
export const PropertyTypeEnum = enumOf<PropertyType>(PROPERTY_TYPES);

registerEnumType(GranularityEnum, {
  name: 'Granularity',
  description: 'Size of a time bucket, local to the report\'s timezone.',
  valuesConfig: {
    DAY: { description: 'Local calendar days (23 or 25 hours on DST nights).' },
    WEEK: { description: 'Weeks starting on Monday.' },
    MONTH: { description: 'Calendar months.' },
    QUARTER: { description: 'Calendar quarters (January, April, July, October).' },
    YEAR: { description: 'Calendar years.' },
  },
});
registerEnumType(ChartTypeEnum, {
  name: 'ChartType',
  description: 'How a report is drawn.',
  valuesConfig: {
    BAR: { description: 'Horizontal bars, one per group.' },
    COLUMN: { description: 'Vertical columns, one per group.' },
    LINE: { description: 'A line over the first dimension (usually time).' },
    AREA: { description: 'A filled line over the first dimension.' },
    PIE: { description: 'Shares of one measure over one dimension.' },
    DONUT: { description: 'A pie with a hole.' },
    SUMMARY: { description: 'Totals only, no dimensions.' },
    TABLE: { description: 'Rows and columns.' },
  },
});
registerEnumType(MeasureUnitEnum, {
  name: 'MeasureUnit',
  description: 'What a measure value counts.',
  valuesConfig: { COUNT: { description: 'A number of conversations.' }, SECONDS: { description: 'A duration in seconds.' } },
});
registerEnumType(PropertyTypeEnum, {
  name: 'PropertyType',
  description: 'The kind of value a conversation property holds; it decides the filter operators.',
  valuesConfig: {
    ID: { description: 'An external id (assignee, inbox, team, chatflow); labels are names.' },
    STRING: { description: 'Free text.' },
    ENUM: { description: 'One of a fixed set of values.' },
    DATETIME: { description: 'An instant; filters take local dates (YYYY-MM-DD) or ISO 8601 instants; groups by time buckets.' },
    DURATION: { description: 'A duration; filters take seconds.' },
    NUMBER: { description: 'A number.' },
    BOOLEAN: { description: 'true or false.' },
  },
});
