import { defineReport } from '../src/reporting/catalog/definition';

export default defineReport({
  id: 'email-volume-by-assignee',
  title: 'Email volume by assignee',
  description: 'How many email conversations are assigned to each team member.',
  channel: 'EMAIL',
  measures: ['count'],
  dimensions: ['assignee'],
  dateProperty: 'createdAt',
  defaultChartType: 'BAR',
});
