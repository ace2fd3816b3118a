import { defineReport } from '../src/reporting/catalog/definition';

export default defineReport({
  id: 'email-volume-over-time',
  title: 'Email volume over time',
  description: 'The number of email conversations started over time, per week by default.',
  channel: 'EMAIL',
  measures: ['count'],
  dimensions: ['createdAt'],
  dateProperty: 'createdAt',
  defaultChartType: 'LINE',
  defaultGranularity: 'WEEK',
});
