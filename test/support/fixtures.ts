/** A conversation in the import format (docs/import-format.md); override only what a test is about. */
export function aConversation(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'c-1',
    channel: 'CHAT',
    inbox: { id: 'support', name: 'Support' },
    assignee: { id: 'u-7', name: 'Ada Lovelace', email: 'ada@example.com' },
    status: 'OPEN',
    createdAt: '2026-03-01T09:15:00Z',
    messages: [
      { id: 'm1', from: 'VISITOR', sentAt: '2026-03-01T09:15:00Z' },
      { id: 'm2', from: 'AGENT', agentId: 'u-7', sentAt: '2026-03-01T09:17:30Z' },
    ],
    ...overrides,
  };
}

/** Three chats in March 2026 (one closed, one assigned by name): what the answer-source and response-cache tests ingest. */
export const MARCH_CHATS: readonly Record<string, unknown>[] = [
  aConversation({ id: 'c-1', createdAt: '2026-03-02T10:00:00Z' }),
  aConversation({ id: 'c-2', createdAt: '2026-03-10T10:00:00Z', status: 'CLOSED', closedAt: '2026-03-10T11:00:00Z' }),
  aConversation({ id: 'c-3', createdAt: '2026-03-20T23:30:00Z', assignee: { id: 'u-8', name: 'Grace Hopper' } }),
];

export function toNdjson(conversations: readonly unknown[]): string {
  return conversations.map((c) => JSON.stringify(c)).join('\n') + '\n';
}

/** The example of docs/import-format.md (a test checks that the docs show exactly this). */
export const IMPORT_EXAMPLE = {
  id: 'c-1001', channel: 'CHAT', inbox: { id: 'support', name: 'Support' },
  assignee: { id: 'u-7', name: 'Ada Lovelace', email: 'ada@example.com' },
  team: { id: 't-1', name: 'Tier 1' },
  chatflow: { id: 'cf-2', name: 'Pricing bot' },
  pageUrl: 'https://example.com/pricing',
  status: 'CLOSED', createdAt: '2026-03-01T09:15:00Z', closedAt: '2026-03-01T10:02:10Z',
  subject: 'Question about plans', contact: { email: 'visitor@example.org' },
  messages: [
    { id: 'm1', from: 'VISITOR', sentAt: '2026-03-01T09:15:00Z' },
    { id: 'm2', from: 'BOT', sentAt: '2026-03-01T09:15:02Z' },
    { id: 'm3', from: 'AGENT', agentId: 'u-7', sentAt: '2026-03-01T09:17:30Z' },
  ],
  properties: { priority: 'high' },
};

/** An inbox, assignee, team and chatflow, each with its name (and the assignee's email). */
export const NAMED_REFS = {
  inbox: { id: 'support', name: 'Support' },
  assignee: { id: 'u-7', name: 'Ada Lovelace', email: 'ada@example.com' },
  team: { id: 't-1', name: 'Tier 1' },
  chatflow: { id: 'cf-1', name: 'Pricing bot' },
};

/** The same four by id alone: they keep the names stored for them. */
export const REFS_BY_ID = { inbox: { id: 'support' }, assignee: { id: 'u-7' }, team: { id: 't-1' }, chatflow: { id: 'cf-1' } };
