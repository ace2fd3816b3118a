import { CHANNELS, CUSTOM_PROPERTY_TYPES, CustomPropertyType, STATUSES } from '../conversation.entity';
import { Queryable } from '../../db/database';
import { isCustomPropertyName } from '../property-name';
import { DirectoryKind } from '../directory.entity';
import { BadInput } from '../../errors';
import { sql } from '../../db/sql';
import { column, select } from '../../db/rows';

export const PROPERTY_TYPES = ['ID', 'STRING', 'ENUM', 'DATETIME', 'DURATION', 'NUMBER', 'BOOLEAN'] as const;
export type PropertyType = (typeof PROPERTY_TYPES)[number];

export const FILTER_OPERATORS = [
  'EQ', 'NEQ', 'IN', 'NOT_IN', 'CONTAINS', 'NOT_CONTAINS', 'STARTS_WITH',
  'GT', 'GTE', 'LT', 'LTE', 'BETWEEN', 'IS_KNOWN', 'IS_UNKNOWN',
] as const;
export type FilterOperator = (typeof FILTER_OPERATORS)[number];

const TEXT_OPERATORS: FilterOperator[] = ['EQ', 'NEQ', 'IN', 'NOT_IN', 'CONTAINS', 'NOT_CONTAINS', 'STARTS_WITH', 'IS_KNOWN', 'IS_UNKNOWN'];
const ORDERED_OPERATORS: FilterOperator[] = ['EQ', 'NEQ', 'IN', 'NOT_IN', 'GT', 'GTE', 'LT', 'LTE', 'BETWEEN', 'IS_KNOWN', 'IS_UNKNOWN'];

export const OPERATORS_BY_TYPE: Record<PropertyType, readonly FilterOperator[]> = {
  ID: TEXT_OPERATORS,
  STRING: TEXT_OPERATORS,
  ENUM: ['EQ', 'NEQ', 'IN', 'NOT_IN', 'IS_KNOWN', 'IS_UNKNOWN'],
  DATETIME: ['EQ', 'GT', 'GTE', 'LT', 'LTE', 'BETWEEN', 'IS_KNOWN', 'IS_UNKNOWN'],
  DURATION: ORDERED_OPERATORS,
  NUMBER: ORDERED_OPERATORS,
  BOOLEAN: ['EQ', 'NEQ', 'IS_KNOWN', 'IS_UNKNOWN'],
};

/**
 * A property of conversations that can be filtered, grouped by or measured. The SQL column is
 * fixed here (the allow-list); user text only ever selects an entry by its key.
 */
export interface ConversationProperty {
  key: string;
  label: string;
  type: PropertyType;
  /** SQL over `conversations c` (a column, or a fixed expression) holding the value; absent for custom properties. */
  column?: string;
  /** For ids of assignees, inboxes, teams and chatflows: where their names (labels) live. */
  directory?: DirectoryKind;
  enumValues?: readonly string[];
  /** Display names of enum values, in the order reports list them. */
  enumLabels?: Readonly<Record<string, string>>;
  /** For `properties.<name>`: the custom property's name. */
  customName?: string;
  /** Whether reports may group by it. */
  groupable: boolean;
  /**
   * For the local hour of day and day of week of a date: which date and which part. They group
   * only: the value depends on the run's time zone, so the engine computes it (see compile.ts).
   */
  local?: { date: 'c.created_at' | 'c.closed_at'; part: LocalPart };
}

export type LocalPart = 'hourOfDay' | 'dayOfWeek';
export const HOURS_OF_DAY: readonly string[] = Array.from({ length: 24 }, (_, hour) => String(hour));
/** Monday first, as the weeks of time buckets. */
export const DAYS_OF_WEEK = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;

function localProperty(date: 'createdAt' | 'closedAt', label: string, part: LocalPart): ConversationProperty {
  const values = part === 'hourOfDay' ? HOURS_OF_DAY : DAYS_OF_WEEK;
  const labels = part === 'hourOfDay' ? HOURS_OF_DAY.map((h) => `${h.padStart(2, '0')}:00`) : DAYS_OF_WEEK.map((d) => d[0] + d.slice(1).toLowerCase());
  return {
    key: `${date}.${part}`,
    label: `${label} (${part === 'hourOfDay' ? 'local hour of day' : 'local day of week'})`,
    type: 'ENUM',
    groupable: true,
    enumValues: values,
    enumLabels: Object.fromEntries(values.map((v, i) => [v, labels[i]])),
    local: { date: date === 'createdAt' ? 'c.created_at' : 'c.closed_at', part },
  };
}

const builtin = (key: string, label: string, type: PropertyType, column: string, extra: Partial<ConversationProperty> = {}): ConversationProperty => ({
  key, label, type, column, groupable: type !== 'DURATION' && type !== 'NUMBER', ...extra,
});

/** First response time in ranges, for distribution reports: [value, label, upper bound in ms]. */
const RESPONSE_RANGES: readonly [string, string, number | null][] = [
  ['UNDER_1_MIN', '< 1 min', 60_000],
  ['1_TO_5_MIN', '1–5 min', 5 * 60_000],
  ['5_TO_15_MIN', '5–15 min', 15 * 60_000],
  ['15_TO_60_MIN', '15–60 min', 60 * 60_000],
  ['1_TO_4_HOURS', '1–4 h', 4 * 3_600_000],
  ['4_TO_24_HOURS', '4–24 h', 24 * 3_600_000],
  ['OVER_24_HOURS', '> 24 h', null],
];
const responseRangeSql = `CASE ${RESPONSE_RANGES.map(([value, , below]) => (below === null ? `WHEN c.first_response_ms IS NOT NULL THEN '${value}'` : `WHEN c.first_response_ms < ${below} THEN '${value}'`)).join(' ')} END`;

export const BUILTIN_PROPERTIES: readonly ConversationProperty[] = [
  builtin('assignee', 'Assignee', 'ID', 'c.assignee_id', { directory: 'assignee' }),
  builtin('inbox', 'Inbox', 'ID', 'c.inbox_id', { directory: 'inbox' }),
  builtin('team', 'Team', 'ID', 'c.team_id', { directory: 'team' }),
  builtin('chatflow', 'Chatflow', 'ID', 'c.chatflow_id', { directory: 'chatflow' }),
  builtin('pageUrl', 'Page URL', 'STRING', 'c.page_url'),
  builtin('channel', 'Channel', 'ENUM', 'c.channel', { enumValues: CHANNELS, enumLabels: { CHAT: 'Chat', EMAIL: 'Email' } }),
  builtin('status', 'Status', 'ENUM', 'c.status', { enumValues: STATUSES, enumLabels: { OPEN: 'Open', CLOSED: 'Closed' } }),
  builtin('createdAt', 'Created', 'DATETIME', 'c.created_at'),
  builtin('closedAt', 'Closed', 'DATETIME', 'c.closed_at'),
  builtin('firstResponseSeconds', 'First response time', 'DURATION', 'c.first_response_ms'),
  builtin('timeToCloseSeconds', 'Time to close', 'DURATION', 'c.time_to_close_ms'),
  builtin('subject', 'Subject', 'STRING', 'c.subject'),
  builtin('contactEmail', 'Contact email', 'STRING', 'c.contact_email'),
  builtin('contactName', 'Contact name', 'STRING', 'c.contact_name'),
  builtin('messageCount', 'Messages', 'NUMBER', 'c.message_count'),
  builtin('firstResponseRange', 'First response time (range)', 'ENUM', responseRangeSql, {
    enumValues: RESPONSE_RANGES.map(([value]) => value),
    enumLabels: Object.fromEntries(RESPONSE_RANGES.map(([value, label]) => [value, label])),
  }),
  builtin('pageUrlPath', 'Page URL path', 'STRING', 'c.page_url_path'),
  localProperty('createdAt', 'Created', 'hourOfDay'),
  localProperty('createdAt', 'Created', 'dayOfWeek'),
  localProperty('closedAt', 'Closed', 'hourOfDay'),
  localProperty('closedAt', 'Closed', 'dayOfWeek'),
];

const BUILTIN_BY_KEY = new Map(BUILTIN_PROPERTIES.map((p) => [p.key, p]));

/** A built-in property by key; undefined for custom and unknown keys. */
export function builtinProperty(key: string): ConversationProperty | undefined {
  return BUILTIN_BY_KEY.get(key);
}
export const CUSTOM_PREFIX = 'properties.';


/** The properties of one account: the built-ins plus its custom properties. */
export class PropertyCatalog {
  constructor(private readonly custom: ReadonlyMap<string, CustomPropertyType>) {}

  list(): ConversationProperty[] {
    const custom = [...this.custom.keys()].sort().map((name) => this.customProperty(name));
    return [...BUILTIN_PROPERTIES, ...custom];
  }

  /**
   * The property of a key a report definition declares. A plugin may group or filter by a custom
   * property that this account never imported: that is a property without values, not an error.
   */
  resolveDeclared(key: string, field: string): ConversationProperty {
    if (key.startsWith(CUSTOM_PREFIX) && !this.custom.has(key.slice(CUSTOM_PREFIX.length)) && isCustomPropertyName(key.slice(CUSTOM_PREFIX.length))) {
      return this.customProperty(key.slice(CUSTOM_PREFIX.length), 'STRING');
    }
    return this.resolve(key, field);
  }

  /** The property for a key given by a caller; `field` names the input for the error. */
  resolve(key: string, field: string): ConversationProperty {
    const found = BUILTIN_BY_KEY.get(key) ?? (key.startsWith(CUSTOM_PREFIX) && this.custom.has(key.slice(CUSTOM_PREFIX.length)) ? this.customProperty(key.slice(CUSTOM_PREFIX.length)) : undefined);
    if (!found) throw new BadInput(field, `unknown property ${JSON.stringify(key)}; conversationProperties lists the known ones`);
    return found;
  }

  private customProperty(name: string, fallback?: CustomPropertyType): ConversationProperty {
    const type = this.custom.get(name) ?? (fallback as CustomPropertyType);
    return { key: CUSTOM_PREFIX + name, label: name, type, customName: name, groupable: true };
  }
}

/** The property catalog of one account: its custom properties are read from the database. */
export async function loadPropertyCatalog(db: Queryable, accountId: number): Promise<PropertyCatalog> {
  const rows = await select(db, sql`SELECT name, type FROM custom_properties WHERE account_id = ${accountId}`, { name: column.text, type: column.oneOf<CustomPropertyType>(CUSTOM_PROPERTY_TYPES) });
  return new PropertyCatalog(new Map(rows.map((r) => [r.name, r.type])));
}
