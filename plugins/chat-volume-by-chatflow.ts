import { defineReport } from '../src/reporting/catalog/definition';

export default defineReport({
  id: 'chat-volume-by-chatflow',
  title: 'Chat volume by chatflow',
  description: 'The total number of chats, open or closed, started through each chatflow.',
  channel: 'CHAT',
  measures: ['count'],
  dimensions: ['chatflow'],
  dateProperty: 'createdAt',
  defaultChartType: 'BAR',
});
