import { defineReport } from '../src/reporting/catalog/definition';

export default defineReport({
  id: 'emails-closed-by-assignee',
  title: 'Total emails closed by assignee',
  description: 'How many email conversations each team member closed in the range.',
  channel: 'EMAIL',
  measures: ['closedCount'],
  dimensions: ['assignee'],
  dateProperty: 'closedAt',
  defaultChartType: 'BAR',
});
