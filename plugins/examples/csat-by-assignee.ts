import { defineMeasure, defineReport } from '../../src/plugin';

/** CSAT is a number custom property of the import: `"properties": {"csat": 4}`. */
export const avgCsat = defineMeasure({
  key: 'avgCsat',
  label: 'Average CSAT',
  unit: 'NUMBER',
  kind: 'avg',
  property: 'properties.csat',
});

export const measures = [avgCsat];

export default defineReport({
  id: 'csat-by-assignee',
  title: 'CSAT by assignee',
  description: 'The average customer satisfaction score of the conversations each team member handled, over those that were rated.',
  channel: null,
  measures: [avgCsat.key, 'count'],
  dimensions: ['assignee'],
  dateProperty: 'createdAt',
  defaultChartType: 'BAR',
});
