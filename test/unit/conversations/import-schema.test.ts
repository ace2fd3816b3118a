import Ajv2020 from 'ajv/dist/2020';
import { CHANNELS, SENDERS, STATUSES } from '../../../src/conversations/conversation.entity';
import { CHANNEL_VALUES, CONVERSATION_SCHEMA, longerThan, SENDER_VALUES, STATUS_VALUES } from '../../../src/conversations/import-schema';
import { validateConversation } from '../../../src/conversations/validate';
import { generateDemoConversations } from '../../../src/demo/generate';
import { IMPORT_EXAMPLE } from '../../support/fixtures';

/**
 * The JSON Schema published for integrators (schema/conversation.schema.json) and the validation
 * `threadline import` runs must give the same verdict on every line. A real JSON Schema validator
 * (Ajv, strict mode) checks a corpus of good lines and of every field of two full conversations
 * replaced by values of every kind; the only lines they may disagree on are those the schema's
 * description names as beyond a JSON Schema (a day that does not exist, an instant outside 1970 to 2100 once in UTC, closedAt
 * before createdAt), which validateConversation alone rejects.
 */
const ajv = new Ajv2020({ strict: true, allowUnionTypes: true });
const schemaAccepts = ajv.compile(CONVERSATION_SCHEMA);

/** Timestamps the schema's pattern allows but that name no real instant, or one outside 1970 to 2100 once in UTC. */
const NOT_REAL_INSTANTS = ['2026-02-30T10:00:00Z', '2100-02-29T10:00:00Z', '2026-04-31T10:00:00+02:00', '2100-12-31T23:30:00-01:00', '1970-01-01T00:30:00+01:00'];

const TIMESTAMPS = [
  '2026-03-01T09:15:00Z', '2026-03-01t09:15z', '2026-03-01T11:15:00.123456+02:00', '2026-03-01T11:15:00+0200', '2026-03-01T11:15:00+02',
  '2026-03-01T09:15:00,5Z', '1900-01-01T00:00:00Z', '9999-12-31T23:59:59.999Z', '2028-02-29T12:00:00Z',
  '2026-03-01T09:15:00', '2026-03-01', '2026-03-01 09:15:00Z', '1899-12-31T23:59:59Z', '2026-13-01T10:00:00Z', '2026-03-00T10:00:00Z',
  '2026-03-01T24:00:00Z', '2026-03-01T09:60:00Z', '2026-03-01T09:15:60Z', '2026-03-01T09:15:00+24:00', '2026-03-01T09:15:00+01:60',
  '2026-03-01T09:15:00.Z', '2026-3-1T9:15:00Z', ' 2026-03-01T09:15:00Z', '2026-03-01T09:15:00Z\n', '１２３４-03-01T09:15:00Z',
  '1970-01-01T00:00:00Z', '1969-12-31T23:59:59.999Z', '2100-12-31T23:59:59.999Z', '2101-01-01T00:00:00Z', '1969-12-31T23:30:00-01:00', '9998-01-01T00:00:00Z',
  ...NOT_REAL_INSTANTS,
];

const LENGTHS = [1, 64, 65, 191, 192, 200, 201, 254, 255, 1000, 1001, 2048, 2049];
const EMOJI = '\u{1F600}';

/** Values of every kind, put in place of each field in turn. */
const VALUES: unknown[] = [
  undefined, null, '', ' ', '\t\n', 'x', ' x', 'x ', 'a\u0007b', '\u00a0x', 0, -1.5, true, false, [], [1], {}, { id: 'x' }, { id: '' }, { id: 7 },
  'CHAT', 'EMAIL', 'chat', 'SMS', 'OPEN', 'CLOSED', 'VISITOR', 'AGENT', 'BOT', 'CUSTOMER',
  ...TIMESTAMPS,
  ...LENGTHS.flatMap((n) => ['x'.repeat(n), ' '.repeat(n)]),
  ...[64, 65, 191, 192, 200, 201, 254, 255, 1000, 1001].flatMap((n) => [EMOJI.repeat(n), `${EMOJI.repeat(n - 1)}x`]),
];

const FULL_CHAT = {
  ...IMPORT_EXAMPLE,
  contact: { email: 'visitor@example.org', name: 'Vera' },
  properties: { priority: 'high', score: 4.5, vip: true, region: null },
};
const FULL_EMAIL = {
  id: 'e-1', channel: 'EMAIL', inbox: { id: 'billing' }, assignee: null, team: { id: 't-2', name: 'Billing' }, status: 'OPEN',
  createdAt: '2026-03-01T09:15:00+01:00', closedAt: null, subject: 'Invoice', contact: null,
  messages: [{ id: 'x', from: 'VISITOR', agentId: null, sentAt: '2026-03-01T09:15:00+01:00' }], properties: null,
};

/** Every path of a value's fields, array elements and object members. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((item, i) => [[...prefix, i], ...pathsOf(item, [...prefix, i])]);
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => [[...prefix, key], ...pathsOf(item, [...prefix, key])]);
  }
  return [];
}

/** The NDJSON line of `base` with the field at `path` replaced (undefined: left out). */
function lineWith(base: object, path: (string | number)[], replacement: unknown): string {
  const copy = structuredClone(base) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (replacement === undefined && Array.isArray(parent)) parent.splice(last as number, 1);
  else if (replacement === undefined) delete parent[last];
  else parent[last] = replacement;
  return JSON.stringify(copy);
}

/** Whether a line's closedAt is earlier than its createdAt, both well-formed timestamps. */
function closesBeforeCreated(line: string): boolean {
  const { createdAt, closedAt } = JSON.parse(line) as { createdAt?: unknown; closedAt?: unknown };
  const wellFormed = (t: unknown): t is string => typeof t === 'string' && new RegExp(CONVERSATION_SCHEMA.$defs.instant.pattern, 'u').test(t);
  return wellFormed(createdAt) && wellFormed(closedAt) && Date.parse(closedAt) < Date.parse(createdAt);
}

interface Case {
  name: string;
  line: string;
  /** Rejected only by validateConversation, for a rule the schema's description names. */
  beyondSchema?: boolean;
}

function corpus(): Case[] {
  const cases: Case[] = [];
  const add = (name: string, value: unknown, beyondSchema = false) => cases.push({ name, line: JSON.stringify(value), beyondSchema });
  for (const c of generateDemoConversations({ conversations: 300, seed: 11, now: new Date('2026-06-01T00:00:00Z'), months: 3 })) add(`demo ${c.id}`, c);
  for (const [baseName, base] of [['chat', FULL_CHAT], ['email', FULL_EMAIL]] as const) {
    for (const path of pathsOf(base)) {
      for (const value of VALUES) {
        const isTimestamp = path.at(-1) === 'createdAt' || path.at(-1) === 'closedAt' || path.at(-1) === 'sentAt';
        const line = lineWith(base, path, value);
        const beyondSchema = isTimestamp && (NOT_REAL_INSTANTS.includes(value as string) || closesBeforeCreated(line));
        cases.push({ name: `${baseName} ${path.join('.')} = ${JSON.stringify(value)?.slice(0, 40)}`, line, beyondSchema });
      }
    }
    for (const status of ['OPEN', 'CLOSED']) {
      add(`${baseName} ${status} closed before created`, { ...base, status, createdAt: '2026-03-01T09:15:00Z', closedAt: '2026-03-01T09:14:59.999Z' }, true);
      add(`${baseName} ${status} closed earlier once in UTC`, { ...base, status, createdAt: '2026-03-01T09:15:00Z', closedAt: '2026-03-01T10:00:00+02:00' }, true);
      add(`${baseName} ${status} closed when created`, { ...base, status, createdAt: '2026-03-01T09:15:00Z', closedAt: '2026-03-01T10:15:00+01:00' });
    }
    for (const name of ['', ' ', 'x', ' x', 'x ', 'a\u0007b', 'a\u007fb', '\u00a0x', 'Customer tier', 'a.b', 'a'.repeat(64), 'a'.repeat(65), EMOJI.repeat(64), EMOJI.repeat(65)]) {
      add(`${baseName} property named ${JSON.stringify(name).slice(0, 20)}`, { ...base, properties: { [name]: 'v' } });
    }
    const many = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`p${i}`, i]));
    add(`${baseName} 100 properties`, { ...base, properties: many(100) });
    add(`${baseName} 101 properties`, { ...base, properties: many(101) });
    add(`${baseName} 101 properties, one null`, { ...base, properties: { ...many(100), gone: null } });
    const message = { from: 'AGENT', sentAt: '2026-03-01T10:00:00Z' };
    add(`${baseName} 10000 messages`, { ...base, messages: Array.from({ length: 10_000 }, () => message) });
    add(`${baseName} 10001 messages`, { ...base, messages: Array.from({ length: 10_001 }, () => message) });
    add(`${baseName} with fields of its own`, { ...base, priorityScore: 3, tags: ['x'], inbox: { id: 'support', colour: 'red' } });
  }
  for (const value of [null, [], 'c-1', 42, true]) add(`the line ${JSON.stringify(value)}`, value);
  // JSON reads 1e400 as Infinity, which is not a number either validator accepts.
  cases.push({ name: 'a custom property of 1e400', line: JSON.stringify(FULL_CHAT).replace('"score":4.5', '"score":1e400') });
  return cases;
}

describe('the import JSON Schema and validateConversation', () => {
  const cases = corpus();
  const verdicts = cases.map((c) => {
    const value = JSON.parse(c.line) as unknown;
    return { ...c, schema: schemaAccepts(value), validator: validateConversation(value) };
  });

  it('give the same verdict on every line of the corpus', () => {
    const disagreements = verdicts
      .filter((v) => v.schema !== v.validator.ok && !(v.beyondSchema && v.schema && !v.validator.ok))
      .map((v) => `${v.name}: schema ${v.schema ? 'accepts' : 'rejects'}, import ${v.validator.ok ? 'accepts' : `rejects (${v.validator.error})`}`);
    expect(disagreements).toEqual([]);
  });

  it('disagree only where the schema says it cannot tell, and there the import rejects', () => {
    const beyond = verdicts.filter((v) => v.beyondSchema);
    expect(beyond.length).toBeGreaterThan(40);
    for (const v of beyond) expect([v.name, v.schema, v.validator.ok]).toEqual([v.name, true, false]);
    const reasons = new Set(beyond.map((v) => (v.validator.ok ? 'accepted' : /is not an ISO 8601 timestamp|must not be earlier than createdAt|is outside the years 1970 to 2100/.exec(v.validator.error)?.[0])));
    expect(reasons).toEqual(new Set(['is not an ISO 8601 timestamp', 'must not be earlier than createdAt', 'is outside the years 1970 to 2100']));
  });

  it('see a corpus with plenty of both verdicts, on every field', () => {
    const accepted = verdicts.filter((v) => v.validator.ok).length;
    expect(accepted).toBeGreaterThan(1000);
    expect(verdicts.length - accepted).toBeGreaterThan(1000);
    const rejectedFields = new Set(verdicts.flatMap((v) => (v.validator.ok ? [] : [v.validator.error.split(':')[0].replace(/\[\d+\]/g, '[]').replace(/^properties\..*/, 'properties.*')])));
    expect([...rejectedFields].sort()).toEqual([
      'assignee', 'assignee.email', 'assignee.id', 'assignee.name', 'channel', 'chatflow', 'chatflow.id', 'chatflow.name', 'closedAt', 'contact', 'contact.email',
      'contact.name', 'conversation', 'createdAt', 'id', 'inbox', 'inbox.id', 'inbox.name', 'messages', 'messages[]', 'messages[].agentId', 'messages[].from',
      'messages[].id', 'messages[].sentAt', 'pageUrl', 'properties', 'properties.*', 'status', 'subject', 'team', 'team.id', 'team.name',
    ]);
  });

  it('list the same enum values as the stored conversation types', () => {
    expect([CHANNEL_VALUES, STATUS_VALUES, SENDER_VALUES]).toEqual([[...CHANNELS], [...STATUSES], [...SENDERS]]);
  });
});

describe('longerThan counts characters as JSON Schema does: code points', () => {
  it.each<[string, number, boolean]>([
    ['abc', 3, false],
    ['abcd', 3, true],
    [EMOJI.repeat(3), 3, false],
    [EMOJI.repeat(4), 3, true],
    [`${EMOJI}ab`, 3, false],
    // A lone surrogate is one character.
    ['\ud800\ud800\ud800', 3, false],
    ['\ud800\ud800\ud800\ud800', 3, true],
    ['\udc00\ud800', 1, true],
  ])('%j longer than %d: %s', (text, max, expected) => {
    expect(longerThan(text, max)).toBe(expected);
  });
});
