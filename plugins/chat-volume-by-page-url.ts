import { defineReport } from '../src/reporting/catalog/definition';

export default defineReport({
  id: 'chat-volume-by-page-url',
  title: 'Chat volume by URL',
  description: 'The total number of chats that started on each page URL.',
  channel: 'CHAT',
  measures: ['count'],
  dimensions: ['pageUrl'],
  dateProperty: 'createdAt',
  defaultChartType: 'BAR',
});
