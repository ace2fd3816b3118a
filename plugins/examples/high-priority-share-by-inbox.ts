import { defineMeasure, defineReport } from '../../src/plugin';

/** Priority is a text custom property of the import: `"properties": {"priority": "high"}`. */
export const highPriorityCount = defineMeasure({
  key: 'highPriorityCount',
  label: 'High-priority conversations',
  unit: 'COUNT',
  kind: 'count',
  where: [{ property: 'properties.priority', operator: 'EQ', values: ['high'] }],
});

/** Null for an inbox without conversations (a share of nothing); drills down to the high-priority ones. */
export const highPriorityShare = defineMeasure({
  key: 'highPriorityShare',
  label: 'High-priority share',
  unit: 'PERCENT',
  kind: 'ratio',
  numerator: highPriorityCount.key,
  denominator: 'count',
});

export const measures = [highPriorityCount, highPriorityShare];

export default defineReport({
  id: 'high-priority-share-by-inbox',
  title: 'High-priority share by inbox',
  description: 'Which share of each inbox\'s conversations has priority "high", beside how many those are and the total.',
  channel: null,
  measures: [highPriorityShare.key, highPriorityCount.key, 'count'],
  dimensions: ['inbox'],
  dateProperty: 'createdAt',
  defaultChartType: 'TABLE',
});
