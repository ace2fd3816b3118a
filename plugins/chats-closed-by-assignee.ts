import { defineReport } from '../src/reporting/catalog/definition';

export default defineReport({
  id: 'chats-closed-by-assignee',
  title: 'Total chats closed by assignee',
  description: 'The number of chats each team member closed in the range.',
  channel: 'CHAT',
  measures: ['closedCount'],
  dimensions: ['assignee'],
  dateProperty: 'closedAt',
  defaultChartType: 'BAR',
});
