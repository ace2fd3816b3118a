import { defineReport } from '../src/reporting/catalog/definition';

export default defineReport({
  id: 'email-response-time-by-assignee',
  title: 'Email response time by assignee',
  description: 'How long each team member took to send the first reply to an email: average seconds from the contact\'s first message to the first agent message.',
  channel: 'EMAIL',
  measures: ['avgFirstResponseSeconds'],
  dimensions: ['assignee'],
  dateProperty: 'createdAt',
  defaultChartType: 'BAR',
});
