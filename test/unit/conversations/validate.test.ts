import { ConversationRecord } from '../../../src/conversations/record';
import { validateConversation } from '../../../src/conversations/validate';
import { aConversation, IMPORT_EXAMPLE } from '../../support/fixtures';

const HASH = expect.stringMatching(/^[0-9a-f]{40}$/);
/** What the previous version stored for a conversation whose references give no names (see the last test). */
const LEGACY_ID_ONLY_HASH = '7fe8034e3a4e98ce4743ac76881e61cc3f1fb419';
const at = (iso: string) => new Date(iso);

function recordOf(input: unknown): ConversationRecord {
  const validation = validateConversation(input);
  if (!validation.ok) throw new Error(`expected a valid conversation, got: ${validation.error}`);
  return validation.record;
}

function errorOf(input: unknown): string {
  const validation = validateConversation(input);
  if (validation.ok) throw new Error(`expected a rejection, got a valid record for ${JSON.stringify(input)}`);
  return validation.error;
}

/** First response in milliseconds of a conversation with these messages (ISO instants). */
function firstResponseOf(messages: { from: string; sentAt: string; id?: string }[], channel = 'CHAT') {
  const record = recordOf(aConversation({ channel, messages }));
  return { ms: record.firstResponseMs, at: record.firstResponseAt?.toISOString() ?? null };
}

describe('validateConversation: the example of docs/import-format.md', () => {
  it('derives every field of the record', () => {
    const record = recordOf(IMPORT_EXAMPLE);
    expect(record).toEqual({
      externalId: 'c-1001',
      channel: 'CHAT',
      status: 'CLOSED',
      inbox: { id: 'support', name: 'Support' },
      assignee: { id: 'u-7', name: 'Ada Lovelace', email: 'ada@example.com' },
      team: { id: 't-1', name: 'Tier 1' },
      chatflow: { id: 'cf-2', name: 'Pricing bot' },
      pageUrl: 'https://example.com/pricing',
      subject: 'Question about plans',
      contactEmail: 'visitor@example.org',
      contactName: null,
      createdAt: at('2026-03-01T09:15:00.000Z'),
      closedAt: at('2026-03-01T10:02:10.000Z'),
      messages: [
        { externalId: 'm1', sender: 'VISITOR', agentId: null, sentAt: at('2026-03-01T09:15:00.000Z') },
        { externalId: 'm2', sender: 'BOT', agentId: null, sentAt: at('2026-03-01T09:15:02.000Z') },
        { externalId: 'm3', sender: 'AGENT', agentId: 'u-7', sentAt: at('2026-03-01T09:17:30.000Z') },
      ],
      properties: [{ name: 'priority', type: 'STRING', text: 'high', number: null }],
      // 09:15:00 -> 09:17:30: the bot's 09:15:02 does not count.
      firstResponseAt: at('2026-03-01T09:17:30.000Z'),
      firstResponseMs: 150_000,
      // 09:15:00 -> 10:02:10 = 47 min 10 s.
      timeToCloseMs: 2_830_000,
      contentHash: HASH,
    });
  });

  it('needs only id, channel, inbox, status and createdAt', () => {
    const record = recordOf({ id: 'c-2', channel: 'EMAIL', inbox: { id: 'sales' }, status: 'OPEN', createdAt: '2026-03-01T09:15:00Z' });
    expect(record).toEqual({
      externalId: 'c-2', channel: 'EMAIL', status: 'OPEN',
      // No name given: the writer keeps the stored one (or shows the id of a new inbox).
      inbox: { id: 'sales', name: null },
      assignee: null, team: null, chatflow: null, pageUrl: null, subject: null, contactEmail: null, contactName: null,
      createdAt: at('2026-03-01T09:15:00.000Z'), closedAt: null, messages: [], properties: [],
      firstResponseAt: null, firstResponseMs: null, timeToCloseMs: null, contentHash: HASH,
    });
  });

  it('reads null as no value for optional fields', () => {
    const record = recordOf(aConversation({ assignee: null, team: null, chatflow: null, pageUrl: null, subject: null, contact: null, messages: null, properties: null, closedAt: null }));
    expect(record).toMatchObject({ assignee: null, team: null, chatflow: null, pageUrl: null, subject: null, contactEmail: null, messages: [], properties: [], closedAt: null });
  });

  it('reads an empty or blank optional string as no value, as inbox exports write it', () => {
    const record = recordOf(aConversation({ pageUrl: '', subject: '   ', contact: { email: '', name: 'Vera' }, assignee: { id: 'u-8', name: '', email: '' } }));
    expect(record).toMatchObject({ pageUrl: null, subject: null, contactEmail: null, contactName: 'Vera', assignee: { id: 'u-8', name: null, email: null } });
  });

  it('keeps the contact name and an assignee without email', () => {
    const record = recordOf(aConversation({ assignee: { id: 'u-8' }, contact: { email: 'v@example.org', name: 'Vera' } }));
    // Neither name nor email given: both stay as stored (the record says nothing about them).
    expect(record.assignee).toStrictEqual({ id: 'u-8', name: null });
    expect([record.contactEmail, record.contactName]).toEqual(['v@example.org', 'Vera']);
  });
});

describe('first response time (docs/metrics.md)', () => {
  it('runs from the first visitor message to the first agent message after it', () => {
    expect(firstResponseOf([
      { from: 'VISITOR', sentAt: '2026-03-01T09:15:00Z' },
      { from: 'VISITOR', sentAt: '2026-03-01T09:16:00Z' },
      { from: 'AGENT', sentAt: '2026-03-01T09:20:05.250Z' },
      { from: 'AGENT', sentAt: '2026-03-01T09:21:00Z' },
    ])).toEqual({ ms: 305_250, at: '2026-03-01T09:20:05.250Z' });
  });

  it('never counts bot messages: bot-only replies have no response time', () => {
    expect(firstResponseOf([
      { from: 'VISITOR', sentAt: '2026-03-01T09:15:00Z' },
      { from: 'BOT', sentAt: '2026-03-01T09:15:02Z' },
      { from: 'VISITOR', sentAt: '2026-03-01T09:15:30Z' },
      { from: 'BOT', sentAt: '2026-03-01T09:15:31Z' },
    ])).toEqual({ ms: null, at: null });
  });

  it('skips a bot reply and takes the agent after it', () => {
    expect(firstResponseOf([
      { from: 'VISITOR', sentAt: '2026-03-01T09:15:00Z' },
      { from: 'BOT', sentAt: '2026-03-01T09:15:02Z' },
      { from: 'AGENT', sentAt: '2026-03-01T09:18:00Z' },
    ])).toEqual({ ms: 180_000, at: '2026-03-01T09:18:00.000Z' });
  });

  it('has no value without a visitor message', () => {
    expect(firstResponseOf([{ from: 'AGENT', sentAt: '2026-03-01T09:15:00Z' }, { from: 'BOT', sentAt: '2026-03-01T09:16:00Z' }])).toEqual({ ms: null, at: null });
    expect(firstResponseOf([])).toEqual({ ms: null, at: null });
  });

  it('has no value when no agent replied', () => {
    expect(firstResponseOf([{ from: 'VISITOR', sentAt: '2026-03-01T09:15:00Z' }, { from: 'VISITOR', sentAt: '2026-03-01T09:25:00Z' }])).toEqual({ ms: null, at: null });
  });

  it('counts an agent-first email from the visitor message, not from the agent\'s opening', () => {
    expect(firstResponseOf([
      { from: 'AGENT', sentAt: '2026-03-02T08:00:00Z' },
      { from: 'VISITOR', sentAt: '2026-03-02T10:30:00Z' },
      { from: 'AGENT', sentAt: '2026-03-02T12:15:30Z' },
    ], 'EMAIL')).toEqual({ ms: 6_330_000, at: '2026-03-02T12:15:30.000Z' });
  });

  it('has no value for an agent-first email the visitor answered but nobody replied to', () => {
    expect(firstResponseOf([
      { from: 'AGENT', sentAt: '2026-03-02T08:00:00Z' },
      { from: 'VISITOR', sentAt: '2026-03-02T10:30:00Z' },
    ], 'EMAIL')).toEqual({ ms: null, at: null });
  });

  it('counts an agent message at the same instant as the visitor message (at or after)', () => {
    expect(firstResponseOf([
      { from: 'AGENT', sentAt: '2026-03-01T09:15:00Z' },
      { from: 'VISITOR', sentAt: '2026-03-01T09:15:00Z' },
    ])).toEqual({ ms: 0, at: '2026-03-01T09:15:00.000Z' });
  });

  it('sorts messages given out of order by sentAt first', () => {
    const record = recordOf(aConversation({
      messages: [
        { id: 'm3', from: 'AGENT', sentAt: '2026-03-01T09:17:30Z' },
        { id: 'm1', from: 'VISITOR', sentAt: '2026-03-01T09:15:00Z' },
        { id: 'm4', from: 'VISITOR', sentAt: '2026-03-01T09:18:00Z' },
        { id: 'm2', from: 'BOT', sentAt: '2026-03-01T09:15:02Z' },
        { id: 'm0', from: 'AGENT', sentAt: '2026-03-01T09:10:00Z' },
      ],
    }));
    expect(record.messages.map((m) => m.externalId)).toEqual(['m0', 'm1', 'm2', 'm3', 'm4']);
    expect([record.firstResponseMs, record.firstResponseAt]).toEqual([150_000, at('2026-03-01T09:17:30Z')]);
  });

  it('keeps the given order of messages sent at the same instant', () => {
    const record = recordOf(aConversation({
      messages: [
        { id: 'b', from: 'VISITOR', sentAt: '2026-03-01T09:15:00Z' },
        { id: 'a', from: 'VISITOR', sentAt: '2026-03-01T09:15:00.000Z' },
        { id: 'c', from: 'AGENT', sentAt: '2026-03-01T10:15:00+01:00' },
      ],
    }));
    expect(record.messages.map((m) => m.externalId)).toEqual(['b', 'a', 'c']);
  });

  it('compares instants in UTC whatever their offsets', () => {
    // 10:15+01:00 is 09:15Z; the agent wrote at 08:16-01:00 = 09:16Z, one minute later.
    expect(firstResponseOf([
      { from: 'AGENT', sentAt: '2026-03-01T08:16:00-01:00' },
      { from: 'VISITOR', sentAt: '2026-03-01T10:15:00+01:00' },
    ])).toEqual({ ms: 60_000, at: '2026-03-01T09:16:00.000Z' });
  });

  it('measures to the millisecond, truncating finer fractions', () => {
    expect(firstResponseOf([
      { from: 'VISITOR', sentAt: '2026-03-01T09:15:00.1009Z' },
      { from: 'AGENT', sentAt: '2026-03-01T09:15:01.999999Z' },
    ])).toEqual({ ms: 1_899, at: '2026-03-01T09:15:01.999Z' });
  });
});

describe('time to close (docs/metrics.md)', () => {
  it('is closedAt - createdAt for a CLOSED conversation, across offsets', () => {
    const record = recordOf(aConversation({ status: 'CLOSED', createdAt: '2026-03-01T10:15:00+01:00', closedAt: '2026-03-02T09:15:00.250Z' }));
    expect([record.createdAt, record.closedAt, record.timeToCloseMs]).toEqual([at('2026-03-01T09:15:00Z'), at('2026-03-02T09:15:00.250Z'), 86_400_250]);
  });

  it('is 0 when closed at the instant it was created', () => {
    expect(recordOf(aConversation({ status: 'CLOSED', closedAt: '2026-03-01T09:15:00Z' })).timeToCloseMs).toBe(0);
  });

  it('has no value for an OPEN conversation, which keeps no close time', () => {
    const record = recordOf(aConversation({ status: 'OPEN', closedAt: '2026-03-01T10:00:00Z' }));
    expect([record.closedAt, record.timeToCloseMs]).toEqual([null, null]);
  });
});

describe('timestamps', () => {
  it('stores offsets as UTC instants', () => {
    expect(recordOf(aConversation({ createdAt: '2026-03-01T11:15:00+02:00' })).createdAt).toEqual(at('2026-03-01T09:15:00Z'));
    expect(recordOf(aConversation({ createdAt: '2026-02-28T22:45:00-10:30' })).createdAt).toEqual(at('2026-03-01T09:15:00Z'));
  });

  it('truncates fractions beyond the millisecond', () => {
    expect(recordOf(aConversation({ createdAt: '2026-03-01T09:15:00.123999Z' })).createdAt.toISOString()).toBe('2026-03-01T09:15:00.123Z');
  });

  it.each([
    ['an invalid date', 'createdAt', '2026-02-30T10:00:00Z'],
    ['a missing offset', 'createdAt', '2026-03-01T09:15:00'],
    ['a date without time', 'createdAt', '2026-03-01'],
    ['free text', 'createdAt', 'yesterday'],
    ['an invalid close date', 'closedAt', '2026-04-31T10:00:00Z'],
  ])('rejects %s, naming the field', (_what, field, value) => {
    expect(errorOf(aConversation({ status: 'CLOSED', closedAt: '2026-03-02T00:00:00Z', [field]: value }))).toBe(
      `${field}: ${JSON.stringify(value)} is not an ISO 8601 timestamp with an offset (e.g. 2026-03-01T09:15:00Z)`,
    );
  });

  it('rejects a number where a timestamp belongs', () => {
    expect(errorOf(aConversation({ createdAt: 1772356500000 }))).toBe('createdAt: must be an ISO 8601 timestamp string, not a number');
  });

  it('names the message whose sentAt is wrong by its index as given', () => {
    const messages = [
      { id: 'm1', from: 'VISITOR', sentAt: '2026-03-01T09:15:00Z' },
      { id: 'm2', from: 'AGENT', sentAt: '2026-03-01T09:17:30' },
    ];
    expect(errorOf(aConversation({ messages }))).toBe(
      'messages[1].sentAt: "2026-03-01T09:17:30" is not an ISO 8601 timestamp with an offset (e.g. 2026-03-01T09:15:00Z)',
    );
    expect(errorOf(aConversation({ messages: [messages[0], { from: 'AGENT' }] }))).toBe('messages[1].sentAt: is required');
  });
});

describe('rejections name the field and the reason', () => {
  it.each<[string, Record<string, unknown>, string]>([
    ['missing id', { id: undefined }, 'id: is required'],
    ['empty id', { id: '  ' }, 'id: must not be empty'],
    ['numeric id', { id: 1001 }, 'id: must be a string, not a number'],
    ['id with trailing space', { id: 'c-1 ' }, 'id: must not start or end with whitespace'],
    ['id too long', { id: 'x'.repeat(192) }, 'id: must be at most 191 characters'],
    ['missing channel', { channel: undefined }, 'channel: is required'],
    ['unknown channel', { channel: 'SMS' }, 'channel: must be one of CHAT, EMAIL, not "SMS"'],
    ['lower-case channel', { channel: 'chat' }, 'channel: must be one of CHAT, EMAIL, not "chat"'],
    ['missing status', { status: undefined }, 'status: is required'],
    ['unknown status', { status: 'PENDING' }, 'status: must be one of OPEN, CLOSED, not "PENDING"'],
    ['missing createdAt', { createdAt: undefined }, 'createdAt: is required'],
    ['CLOSED without closedAt', { status: 'CLOSED' }, 'closedAt: is required when status is CLOSED'],
    ['CLOSED with null closedAt', { status: 'CLOSED', closedAt: null }, 'closedAt: is required when status is CLOSED'],
    ['closedAt before createdAt', { status: 'CLOSED', closedAt: '2026-03-01T09:14:59.999Z' }, 'closedAt: must not be earlier than createdAt (2026-03-01T09:15:00.000Z)'],
    // 10:00+02:00 is 08:00Z: earlier, although its clock reads later.
    ['closedAt earlier once in UTC', { status: 'CLOSED', closedAt: '2026-03-01T10:00:00+02:00' }, 'closedAt: must not be earlier than createdAt (2026-03-01T09:15:00.000Z)'],
    ['missing inbox', { inbox: undefined }, 'inbox: is required'],
    ['inbox as a string', { inbox: 'support' }, 'inbox: must be an object'],
    ['inbox without id', { inbox: { name: 'Support' } }, 'inbox.id: is required'],
    ['assignee id a number', { assignee: { id: 7 } }, 'assignee.id: must be a string, not a number'],
    ['assignee email not a string', { assignee: { id: 'u-7', email: ['a@b.c'] } }, 'assignee.email: must be a string, not an array'],
    ['team as an array', { team: [] }, 'team: must be an object'],
    ['chatflow on EMAIL', { channel: 'EMAIL', chatflow: { id: 'cf-2', name: 'Pricing bot' } }, 'chatflow: is only allowed on CHAT conversations'],
    ['pageUrl on EMAIL', { channel: 'EMAIL', pageUrl: 'https://example.com/pricing' }, 'pageUrl: is only allowed on CHAT conversations'],
    ['subject a number', { subject: 42 }, 'subject: must be a string, not a number'],
    ['contact a string', { contact: 'v@example.org' }, 'contact: must be an object'],
    ['contact email a boolean', { contact: { email: true } }, 'contact.email: must be a string, not a boolean'],
    ['messages an object', { messages: { m1: {} } }, 'messages: must be an array'],
    ['a message not an object', { messages: ['hi'] }, 'messages[0]: must be an object'],
    ['a message without from', { messages: [{ sentAt: '2026-03-01T09:15:00Z' }] }, 'messages[0].from: is required'],
    ['unknown sender', { messages: [{ from: 'VISITOR', sentAt: '2026-03-01T09:15:00Z' }, { from: 'CUSTOMER', sentAt: '2026-03-01T09:15:00Z' }] }, 'messages[1].from: must be one of VISITOR, AGENT, BOT, not "CUSTOMER"'],
    ['message id a number', { messages: [{ id: 1, from: 'VISITOR', sentAt: '2026-03-01T09:15:00Z' }] }, 'messages[0].id: must be a string, not a number'],
    ['nested custom property', { properties: { plan: { tier: 'pro' } } }, 'properties.plan: nested values are not allowed: use a string, number or boolean'],
    ['array custom property', { properties: { tags: ['a', 'b'] } }, 'properties.tags: nested values are not allowed: use a string, number or boolean'],
    ['properties an array', { properties: [{ priority: 'high' }] }, 'properties: must be an object of strings, numbers and booleans'],
    ['properties a string', { properties: 'priority=high' }, 'properties: must be an object of strings, numbers and booleans'],
    ['property name with a trailing space', { properties: { 'tier ': 'x' } }, 'properties.tier : a property name has 1 to 64 characters, no control characters and no surrounding spaces'],
    ['property name with a control character', { properties: { 'a\u0007b': 'x' } }, 'properties.a\u0007b: a property name has 1 to 64 characters, no control characters and no surrounding spaces'],
  ])('%s', (_case, overrides, error) => {
    expect(errorOf(aConversation(overrides))).toBe(error);
  });

  it.each([[null], [[]], ['c-1'], [42]])('rejects %j as a conversation', (input) => {
    expect(errorOf(input)).toBe('conversation: must be a JSON object');
  });

  it('accepts null chatflow and pageUrl on EMAIL', () => {
    expect(recordOf(aConversation({ channel: 'EMAIL', chatflow: null, pageUrl: null })).chatflow).toBeNull();
  });

  it('ignores fields it does not know', () => {
    expect(recordOf(aConversation({ priorityScore: 3, tags: ['x'] })).externalId).toBe('c-1');
  });
});

describe('custom properties', () => {
  it('types strings, numbers and booleans, sorted by name; null means no value', () => {
    const record = recordOf(aConversation({ properties: { vip: true, priority: 'high', satisfaction: 4, score: -1.5, region: null, churned: false } }));
    expect(record.properties).toEqual([
      { name: 'churned', type: 'BOOLEAN', text: 'false', number: null },
      { name: 'priority', type: 'STRING', text: 'high', number: null },
      { name: 'satisfaction', type: 'NUMBER', text: '4', number: 4 },
      { name: 'score', type: 'NUMBER', text: '-1.5', number: -1.5 },
      { name: 'vip', type: 'BOOLEAN', text: 'true', number: null },
    ]);
  });

  it('accepts names with spaces and dots, as inbox systems name them', () => {
    expect(recordOf(aConversation({ properties: { 'Customer tier': 'gold', 'a.b': 1 } })).properties.map((p) => p.name)).toEqual(['Customer tier', 'a.b']);
  });

  it('keeps a numeric-looking string a string', () => {
    expect(recordOf(aConversation({ properties: { order: '00123' } })).properties).toEqual([{ name: 'order', type: 'STRING', text: '00123', number: null }]);
  });
});

describe('content hash', () => {
  const hashOf = (input: Record<string, unknown>) => recordOf(input).contentHash;

  it('is the same for the same conversation written differently', () => {
    const a = aConversation({ properties: { a: 1, b: 'x' } });
    const reordered = Object.fromEntries(Object.entries(aConversation({ properties: { b: 'x', a: 1 } })).reverse());
    (reordered as { messages: unknown[] }).messages = [...(a.messages as unknown[])].reverse();
    expect(hashOf(reordered)).toBe(hashOf(a));
    expect(hashOf(aConversation({ createdAt: '2026-03-01T10:15:00+01:00' }))).toBe(hashOf(aConversation()));
  });

  it.each<[string, Record<string, unknown>]>([
    ['assignee name', { assignee: { id: 'u-7', name: 'Ada King', email: 'ada@example.com' } }],
    ['assignee email', { assignee: { id: 'u-7', name: 'Ada Lovelace', email: 'ada@example.net' } }],
    ['inbox name', { inbox: { id: 'support', name: 'Help' } }],
    ['status', { status: 'CLOSED', closedAt: '2026-03-01T10:00:00Z' }],
    ['createdAt by a millisecond', { createdAt: '2026-03-01T09:15:00.001Z' }],
    ['a message', { messages: [{ id: 'm1', from: 'VISITOR', sentAt: '2026-03-01T09:15:00Z' }] }],
    ['a message id', { messages: [{ id: 'mX', from: 'VISITOR', sentAt: '2026-03-01T09:15:00Z' }, { id: 'm2', from: 'AGENT', agentId: 'u-7', sentAt: '2026-03-01T09:17:30Z' }] }],
    ['a property type', { properties: { n: '1' } }],
    ['subject', { subject: 'Hello' }],
    ['contact name', { contact: { name: 'Vera' } }],
  ])('changes with the %s', (_field, overrides) => {
    const base = aConversation({ properties: { n: 1 } });
    expect(hashOf({ ...base, ...overrides })).not.toBe(hashOf(base));
  });

  it('hashes a name left out as the id and an email left out as null, as stored hashes of earlier versions did', () => {
    const byIdAlone = aConversation({ inbox: { id: 'support' }, assignee: { id: 'u-7' }, team: { id: 't-1' }, chatflow: { id: 'cf-1' } });
    const namedAsTheId = aConversation({ inbox: { id: 'support', name: 'support' }, assignee: { id: 'u-7', name: 'u-7', email: null }, team: { id: 't-1', name: 't-1' }, chatflow: { id: 'cf-1', name: 'cf-1' } });
    expect(hashOf(byIdAlone)).toBe(hashOf(namedAsTheId));
    // The hash of this record as every earlier version computed it (name defaulted to the id).
    expect(hashOf(byIdAlone)).toBe(LEGACY_ID_ONLY_HASH);
  });
});
