import { defineReport } from '../src/reporting/catalog/definition';

export default defineReport({
  id: 'chat-volume-by-assignee',
  title: 'Chat volume by assignee',
  description: 'The total number of chats, open or closed, assigned to each team member.',
  channel: 'CHAT',
  measures: ['count'],
  dimensions: ['assignee'],
  dateProperty: 'createdAt',
  defaultChartType: 'BAR',
});
