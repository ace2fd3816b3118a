import { defineReport } from '../src/reporting/catalog/definition';

export default defineReport({
  id: 'chat-time-to-close-by-assignee',
  title: 'Time to close chats by assignee',
  description: 'How long each team member took to close a chat: average seconds from start to close, for chats closed in the range.',
  channel: 'CHAT',
  measures: ['avgTimeToCloseSeconds'],
  dimensions: ['assignee'],
  dateProperty: 'closedAt',
  defaultChartType: 'BAR',
});
