import { defineReport } from '../src/reporting/catalog/definition';

export default defineReport({
  id: 'email-time-to-close-by-assignee',
  title: 'Time to close emails by assignee',
  description: 'How long each team member took to close an email conversation: average seconds from start to close, for emails closed in the range.',
  channel: 'EMAIL',
  measures: ['avgTimeToCloseSeconds'],
  dimensions: ['assignee'],
  dateProperty: 'closedAt',
  defaultChartType: 'BAR',
});
