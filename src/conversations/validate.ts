import { createHash } from 'node:crypto';
import { CustomPropertyType } from './conversation.entity';
import { CHANNEL_VALUES, IMPORT_INSTANT_PATTERN, IMPORT_INSTANT_RANGE, IMPORT_LIMITS, longerThan, SENDER_VALUES, STATUS_VALUES } from './import-schema';
import { AssigneeRef, ConversationRecord, MessageRecord, NamedRef, PropertyRecord } from './record';
import { isCustomPropertyName } from './property-name';
import { parseInstant } from './timestamp';

export type Validation = { ok: true; record: ConversationRecord } | { ok: false; error: string };

/** Thrown inside validation with the path of the offending field; turned into `{ ok: false }`. */
class Invalid extends Error {
  constructor(field: string, reason: string) {
    super(`${field}: ${reason}`);
  }
}

// Every limit and enum comes from the import schema (schema/conversation.schema.json).
const { name: NAME_MAX, email: EMAIL_MAX, messages: MAX_MESSAGES } = IMPORT_LIMITS;
/** 191 characters fit a utf8mb4 index key in MariaDB. */
export const ID_MAX = IMPORT_LIMITS.id;

/**
 * Validates one conversation of the import format (docs/import-format.md), as parsed from an NDJSON
 * line or received by `ingestConversations`, and derives first response and time to close. The
 * error names the field and the reason. It accepts exactly what the import schema accepts, plus
 * the rules a schema cannot state: closedAt not before createdAt, real calendar days.
 */
export function validateConversation(input: unknown): Validation {
  try {
    return { ok: true, record: toRecord(input) };
  } catch (error) {
    if (error instanceof Invalid) return { ok: false, error: error.message };
    throw error;
  }
}

function toRecord(input: unknown): ConversationRecord {
  if (!isObject(input)) throw new Invalid('conversation', 'must be a JSON object');
  const externalId = requiredKey(input, 'id');
  const channel = requiredEnum(input, 'channel', CHANNEL_VALUES);
  const status = requiredEnum(input, 'status', STATUS_VALUES);
  const createdAt = requiredInstant(input, 'createdAt');
  const closedAtGiven = optionalInstant(input, 'closedAt');
  if (status === 'CLOSED' && !closedAtGiven) throw new Invalid('closedAt', 'is required when status is CLOSED');
  if (closedAtGiven && closedAtGiven < createdAt) {
    throw new Invalid('closedAt', `must not be earlier than createdAt (${createdAt.toISOString()})`);
  }
  // An OPEN conversation has no close time, whatever an earlier close left behind.
  const closedAt = status === 'CLOSED' ? closedAtGiven : null;
  const chatOnly = (field: string) => {
    if (channel !== 'CHAT' && input[field] !== undefined && input[field] !== null) {
      throw new Invalid(field, 'is only allowed on CHAT conversations');
    }
  };
  chatOnly('chatflow');
  chatOnly('pageUrl');
  const assignee = optionalRef(input, 'assignee');
  const contact = optionalObject(input, 'contact');
  const messages = toMessages(input.messages);
  const firstResponse = firstResponseOf(messages);
  const record: Omit<ConversationRecord, 'contentHash'> = {
    externalId,
    channel,
    status,
    inbox: requiredRef(input, 'inbox'),
    assignee: assignee && withEmail(assignee, input.assignee as Record<string, unknown>),
    team: optionalRef(input, 'team'),
    chatflow: optionalRef(input, 'chatflow'),
    pageUrl: optionalString(input, 'pageUrl', IMPORT_LIMITS.pageUrl),
    subject: optionalString(input, 'subject', IMPORT_LIMITS.subject),
    contactEmail: contact ? optionalString(contact, 'email', EMAIL_MAX, 'contact.email') : null,
    contactName: contact ? optionalString(contact, 'name', NAME_MAX, 'contact.name') : null,
    createdAt,
    closedAt,
    messages,
    properties: toProperties(input.properties),
    firstResponseAt: firstResponse?.at ?? null,
    firstResponseMs: firstResponse?.ms ?? null,
    timeToCloseMs: closedAt ? closedAt.getTime() - createdAt.getTime() : null,
  };
  return { ...record, contentHash: hashOf(record) };
}

/**
 * First response (docs/metrics.md): from the first VISITOR message to the first AGENT
 * message sent at or after it. BOT messages never count; no visitor message or no reply, no value.
 */
function firstResponseOf(messages: MessageRecord[]): { at: Date; ms: number } | null {
  const visitor = messages.find((m) => m.sender === 'VISITOR');
  if (!visitor) return null;
  const reply = messages.find((m) => m.sender === 'AGENT' && m.sentAt >= visitor.sentAt);
  if (!reply) return null;
  return { at: reply.sentAt, ms: reply.sentAt.getTime() - visitor.sentAt.getTime() };
}

function toMessages(value: unknown): MessageRecord[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new Invalid('messages', 'must be an array');
  if (value.length > MAX_MESSAGES) throw new Invalid('messages', `must hold at most ${MAX_MESSAGES} messages`);
  const messages = value.map((item: unknown, i): MessageRecord => {
    const path = `messages[${i}]`;
    if (!isObject(item)) throw new Invalid(path, 'must be an object');
    return {
      externalId: optionalString(item, 'id', IMPORT_LIMITS.messageId, `${path}.id`),
      sender: requiredEnum(item, 'from', SENDER_VALUES, `${path}.from`),
      agentId: optionalString(item, 'agentId', IMPORT_LIMITS.agentId, `${path}.agentId`),
      sentAt: requiredInstant(item, 'sentAt', `${path}.sentAt`),
    };
  });
  // Array.prototype.sort is stable: messages sent at the same instant keep their given order.
  return messages.sort((a, b) => a.sentAt.getTime() - b.sentAt.getTime());
}

function toProperties(value: unknown): PropertyRecord[] {
  if (value === undefined || value === null) return [];
  if (!isObject(value)) throw new Invalid('properties', 'must be an object of strings, numbers and booleans');
  const names = Object.keys(value);
  if (names.length > IMPORT_LIMITS.propertiesPerConversation) {
    throw new Invalid('properties', `must have at most ${IMPORT_LIMITS.propertiesPerConversation} properties, not ${names.length}`);
  }
  const properties: PropertyRecord[] = [];
  for (const name of names.sort()) {
    const path = `properties.${name}`;
    checkText(name, path);
    if (!isCustomPropertyName(name)) {
      throw new Invalid(path, `a property name has 1 to ${IMPORT_LIMITS.propertyName} characters, no control characters and no surrounding spaces`);
    }
    const v = value[name];
    if (v === null) continue;
    if (typeof v === 'object') throw new Invalid(path, 'nested values are not allowed: use a string, number or boolean');
    properties.push(propertyOf(name, v, path));
  }
  return properties;
}

function propertyOf(name: string, v: unknown, path: string): PropertyRecord {
  const make = (type: CustomPropertyType, text: string, number: number | null) => ({ name, type, text, number });
  if (typeof v === 'string') {
    if (longerThan(v, IMPORT_LIMITS.propertyValue)) throw new Invalid(path, `must be at most ${IMPORT_LIMITS.propertyValue} characters`);
    checkText(v, path);
    return make('STRING', v, null);
  }
  if (typeof v === 'number' && Number.isFinite(v)) return make('NUMBER', String(v), v);
  if (typeof v === 'boolean') return make('BOOLEAN', String(v), null);
  throw new Invalid(path, 'must be a string, number or boolean');
}

function requiredRef(input: Record<string, unknown>, field: string): NamedRef {
  const ref = optionalRef(input, field);
  if (!ref) throw new Invalid(field, 'is required');
  return ref;
}

/**
 * `{ id, name? }`. Null or absent means no value. A name left out (or null, or blank) is null: the
 * writer keeps the stored name then, so a reference by id alone never wipes a name.
 */
function optionalRef(input: Record<string, unknown>, field: string): NamedRef | null {
  const value = optionalObject(input, field);
  if (!value) return null;
  const id = requiredKey(value, 'id', `${field}.id`);
  return { id, name: optionalString(value, 'name', NAME_MAX, `${field}.name`) };
}

/** An email left out keeps the stored one (undefined); null or blank says there is none. */
function withEmail(ref: NamedRef, input: Record<string, unknown>): AssigneeRef {
  if (input.email === undefined) return ref;
  return { ...ref, email: optionalString(input, 'email', EMAIL_MAX, 'assignee.email') };
}

function optionalObject(input: Record<string, unknown>, field: string): Record<string, unknown> | null {
  const value = input[field];
  if (value === undefined || value === null) return null;
  if (!isObject(value)) throw new Invalid(field, 'must be an object');
  return value;
}

function requiredString(input: Record<string, unknown>, key: string, max: number, path = key): string {
  const given = input[key];
  if (typeof given === 'string' && given.trim() === '') throw new Invalid(path, 'must not be empty');
  const value = optionalString(input, key, max, path);
  if (value === null) throw new Invalid(path, 'is required');
  return value;
}

/**
 * An external id that becomes part of a primary key. A MySQL server with PAD SPACE collations
 * (a database created before migration ExactTextComparison, or a DBA's default) treats 'c-1' and
 * 'c-1 ' as one key where SQLite keeps two: ids with surrounding whitespace are refused.
 */
function requiredKey(input: Record<string, unknown>, key: string, path = key): string {
  const value = requiredString(input, key, ID_MAX, path);
  if (value.trim() !== value) throw new Invalid(path, 'must not start or end with whitespace');
  return value;
}

function optionalString(input: Record<string, unknown>, key: string, max: number, path = key): string | null {
  const value = input[key];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new Invalid(path, `must be a string, not ${describe(value)}`);
  // Checked before blankness, as the schema's maxLength is: 300 spaces are too long, not no value.
  if (longerThan(value, max)) throw new Invalid(path, `must be at most ${max} characters`);
  checkText(value, path);
  // Inbox exports often write "" for a field they have no value for: that is no value, as null is.
  if (value.trim() === '') return null;
  return value;
}

function requiredEnum<T extends string>(input: Record<string, unknown>, key: string, allowed: readonly T[], path = key): T {
  const value = input[key];
  if (value === undefined || value === null) throw new Invalid(path, 'is required');
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new Invalid(path, `must be one of ${allowed.join(', ')}, not ${JSON.stringify(value)}`);
  }
  return value as T;
}

function requiredInstant(input: Record<string, unknown>, key: string, path = key): Date {
  const value = optionalInstant(input, key, path);
  if (!value) throw new Invalid(path, 'is required');
  return value;
}

function optionalInstant(input: Record<string, unknown>, key: string, path = key): Date | null {
  const value = input[key];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') throw new Invalid(path, `must be an ISO 8601 timestamp string, not ${describe(value)}`);
  const instant = parseInstant(value);
  if (!instant) {
    throw new Invalid(path, `${JSON.stringify(value)} is not an ISO 8601 timestamp with an offset (e.g. 2026-03-01T09:15:00Z)`);
  }
  const time = instant.getTime();
  if (!IMPORT_INSTANT_PATTERN.test(value) || time < IMPORT_INSTANT_RANGE.from || time >= IMPORT_INSTANT_RANGE.until) {
    throw new Invalid(path, `${JSON.stringify(value)} is outside the years 1970 to 2100 (UTC)`);
  }
  return instant;
}

/**
 * Text both stores keep exactly as given. NUL ends a string in SQLite's C functions, and an
 * unpaired surrogate (valid in a JSON string as an escape, `"\ud800"`) is no Unicode character:
 * encoding it as UTF-8 for either database would silently turn it into U+FFFD. Refused, named.
 */
function checkText(text: string, path: string): void {
  const bad = UNSTORABLE.exec(text);
  if (!bad) return;
  const at = `at character ${[...text.slice(0, bad.index)].length + 1}`;
  if (bad[0] === '\u0000') throw new Invalid(path, `must not contain NUL (U+0000) (${at})`);
  const unit = bad[0].charCodeAt(0).toString(16).padStart(4, '0');
  throw new Invalid(path, `contains an unpaired surrogate \\u${unit}, which is not a Unicode character (${at}); send valid UTF-16/UTF-8 text`);
}

/** NUL, or a surrogate that is not half of a pair (in a `u` regex, a pair is one code point). */
const UNSTORABLE = /[\u0000\ud800-\udfff]/u;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  return value === null ? 'null' : `a ${typeof value}`;
}

/**
 * The content hash: every field of the record, in a fixed order, instants as epoch milliseconds
 * (Date#toJSON would cost more than the rest of validation). The mapped type makes a field added
 * to ConversationRecord a compile error here until it is hashed too.
 * A name left out hashes as the id and an email left out as null, as they did when they meant
 * that: hashes stored before names were kept stay valid, and re-importing an old file finds its
 * conversations unchanged. Names live in the directory, which is written whatever the hash says.
 */
function hashOf(r: Omit<ConversationRecord, 'contentHash'>): string {
  const time = (d: Date | null) => (d === null ? null : d.getTime());
  const canonical: { [K in keyof Omit<ConversationRecord, 'contentHash'>]: unknown } = {
    externalId: r.externalId,
    channel: r.channel,
    status: r.status,
    inbox: [r.inbox.id, r.inbox.name ?? r.inbox.id],
    assignee: r.assignee && [r.assignee.id, r.assignee.name ?? r.assignee.id, r.assignee.email ?? null],
    team: r.team && [r.team.id, r.team.name ?? r.team.id],
    chatflow: r.chatflow && [r.chatflow.id, r.chatflow.name ?? r.chatflow.id],
    pageUrl: r.pageUrl,
    subject: r.subject,
    contactEmail: r.contactEmail,
    contactName: r.contactName,
    createdAt: time(r.createdAt),
    closedAt: time(r.closedAt),
    messages: r.messages.map((m) => [m.externalId, m.sender, m.agentId, m.sentAt.getTime()]),
    properties: r.properties.map((p) => [p.name, p.type, p.text, p.number]),
    firstResponseAt: time(r.firstResponseAt),
    firstResponseMs: r.firstResponseMs,
    timeToCloseMs: r.timeToCloseMs,
  };
  return createHash('sha1').update(JSON.stringify(canonical)).digest('hex');
}
