/**
 * The dashboard library: HubSpot's "Chat overview" and "Email overview" templates, each the six
 * standard reports of its channel (docs/reports.md). Creating from a template lets the user
 * tick which of them to include.
 */
export interface DashboardTemplate {
  id: string;
  title: string;
  description: string;
  channel: 'CHAT' | 'EMAIL';
  /** Catalog report ids, in the order they appear on the dashboard. */
  reportDefinitionIds: readonly string[];
}

export const DASHBOARD_TEMPLATES: readonly DashboardTemplate[] = [
  {
    id: 'chat-overview',
    title: 'Chat overview',
    description: 'Chat volume, first response time, time to close and closed chats per team member; chats per page URL and per chatflow.',
    channel: 'CHAT',
    reportDefinitionIds: [
      'chat-volume-by-assignee',
      'chat-volume-by-page-url',
      'chat-response-time-by-assignee',
      'chat-time-to-close-by-assignee',
      'chats-closed-by-assignee',
      'chat-volume-by-chatflow',
    ],
  },
  {
    id: 'email-overview',
    title: 'Email overview',
    description: 'Email volume, first response time, time to close and closed emails per team member; email volume over time; open emails per inbox.',
    channel: 'EMAIL',
    reportDefinitionIds: [
      'email-volume-by-assignee',
      'email-response-time-by-assignee',
      'emails-closed-by-assignee',
      'email-time-to-close-by-assignee',
      'email-volume-over-time',
      'open-emails-by-inbox',
    ],
  },
];

export function findTemplate(id: string): DashboardTemplate | undefined {
  return DASHBOARD_TEMPLATES.find((t) => t.id === id);
}
