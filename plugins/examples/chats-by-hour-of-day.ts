import { defineReport } from '../../src/plugin';

export default defineReport({
  id: 'chats-by-hour-of-day',
  title: 'Chats by hour of day',
  description: 'How many chats started in each local hour of the day (00:00 to 23:00 in the report\'s time zone): when to staff the chat.',
  channel: 'CHAT',
  measures: ['count'],
  dimensions: ['createdAt.hourOfDay'],
  dateProperty: 'createdAt',
  defaultChartType: 'COLUMN',
});
