import { defineReport } from '../src/reporting/catalog/definition';

export default defineReport({
  id: 'open-emails-by-inbox',
  title: 'Open emails by inbox',
  description: 'The number of email conversations still open in each inbox.',
  channel: 'EMAIL',
  measures: ['openCount'],
  dimensions: ['inbox'],
  dateProperty: 'createdAt',
  defaultChartType: 'BAR',
  // Only open emails are selected, so an inbox whose emails are all closed is not listed with 0.
  defaultFilters: [{ property: 'status', operator: 'EQ', values: ['OPEN'] }],
});
