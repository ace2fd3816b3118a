import { defineReport } from '../src/reporting/catalog/definition';

export default defineReport({
  id: 'chat-response-time-by-assignee',
  title: 'Chat response time by assignee',
  description: 'How long each team member took to send the first reply to a chat: average seconds from the visitor\'s first message to the first agent message (bot messages do not count).',
  channel: 'CHAT',
  measures: ['avgFirstResponseSeconds'],
  dimensions: ['assignee'],
  dateProperty: 'createdAt',
  defaultChartType: 'BAR',
});
