import { defineReport } from '../src/reporting/catalog/definition';

/**
 * The example plugin beyond the standard twelve (plugins/README.md walks through it): how many chats
 * got their first reply within each time range. A default filter leaves out chats without a reply.
 */
export default defineReport({
  id: 'chat-first-response-time-distribution',
  title: 'Chat first response time distribution',
  description: 'How many chats got their first agent reply within < 1 min, 1–5 min, 5–15 min, 15–60 min, 1–4 h, 4–24 h and > 24 h.',
  channel: 'CHAT',
  measures: ['count'],
  dimensions: ['firstResponseRange'],
  dateProperty: 'createdAt',
  defaultChartType: 'COLUMN',
  defaultFilters: [{ property: 'firstResponseSeconds', operator: 'IS_KNOWN' }],
});
