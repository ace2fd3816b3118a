/** A conversation in the import format of CONTRACT.md section 2; override only what a test is about. */
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

export function toNdjson(conversations: readonly unknown[]): string {
  return conversations.map((c) => JSON.stringify(c)).join('\n') + '\n';
}
