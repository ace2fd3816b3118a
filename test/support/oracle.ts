import { DateTime } from 'luxon';

/**
 * A deliberately naive reference implementation ("oracle") of Threadline's reports, computed in
 * plain JavaScript over the import objects of docs/import-format.md. It shares no code with
 * src/reporting: every rule below is written from docs/metrics.md and the README's
 * Reports section, one conversation at a time, so that model-based tests can compare the server's
 * SQL against it on thousands of generated conversations: the twelve standard reports of docs/reports.md
 * (`run`) and any custom report configuration (`runConfig`).
 *
 * The rules, as a reporting user reads them:
 * 1. Select: the channel, every filter, and the local date of the report's date property within the
 *    date range (all time: every conversation that has that date at all).
 * 2. Group every selected conversation in exactly one row, by its value of each dimension (null
 *    for no value). A date dimension groups by the first day of the local bucket its date falls
 *    in, whatever the date range; an open conversation has no closedAt (the no-value group).
 * 3. List the buckets of the first date dimension that overlap the date range (all time: from the
 *    first to the last local date that dimension has), empty ones too, for every combination of
 *    the other dimensions that has data.
 * 4. Measure each row over its conversations.
 */

export type Granularity = 'DAY' | 'WEEK' | 'MONTH' | 'QUARTER' | 'YEAR';

export interface DateRange {
  from: string;
  to: string;
}

export type OracleMeasure =
  | 'count'
  | 'closedCount'
  | 'openCount'
  | 'avgFirstResponseSeconds'
  | 'avgTimeToCloseSeconds'
  | 'medianFirstResponseSeconds'
  | 'p90FirstResponseSeconds'
  | 'medianTimeToCloseSeconds'
  | 'p90TimeToCloseSeconds'
  // Plugin measures of the other kinds (docs/metrics.md, "Measures are definitions"), as a plugin
  // would define them: see PLUGIN_MEASURES in test/integration/custom-report-oracle.test.ts.
  | 'highPriorityCount' // count where properties.priority is "high"
  | 'sumFirstResponseSeconds' // sum of the first response time
  | 'maxMessages' // max of messageCount
  | 'minSatisfaction' // min of the number custom property satisfaction
  | 'avgSatisfaction'
  | 'p75Satisfaction' // its 75th percentile
  | 'closedShare' // closedCount ÷ count, in percent
  | 'highPriorityPerClosed'; // highPriorityCount ÷ closedCount, a plain number

export const ORACLE_MEASURES: readonly OracleMeasure[] = [
  'count', 'closedCount', 'openCount', 'avgFirstResponseSeconds', 'avgTimeToCloseSeconds',
  'medianFirstResponseSeconds', 'p90FirstResponseSeconds', 'medianTimeToCloseSeconds', 'p90TimeToCloseSeconds',
  'highPriorityCount', 'sumFirstResponseSeconds', 'maxMessages', 'minSatisfaction', 'avgSatisfaction', 'p75Satisfaction', 'closedShare', 'highPriorityPerClosed',
];

export const isCountMeasure = (measure: OracleMeasure): boolean => measure === 'count' || measure === 'closedCount' || measure === 'openCount' || measure === 'highPriorityCount';

/** Ratios: numerator, denominator, and whether in percent. A drill-down lists the numerator's conversations. */
const RATIOS: Partial<Record<OracleMeasure, [OracleMeasure, OracleMeasure, boolean]>> = {
  closedShare: ['closedCount', 'count', true],
  highPriorityPerClosed: ['highPriorityCount', 'closedCount', false],
};

/** The local hours and weekdays of the dates: only group, in the report's time zone. */
const LOCAL_PARTS: Record<string, ['createdAt' | 'closedAt', 'hour' | 'weekday']> = {
  'createdAt.hourOfDay': ['createdAt', 'hour'],
  'createdAt.dayOfWeek': ['createdAt', 'weekday'],
  'closedAt.hourOfDay': ['closedAt', 'hour'],
  'closedAt.dayOfWeek': ['closedAt', 'weekday'],
};
const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
const HOURS = Array.from({ length: 24 }, (_, h) => String(h));

/** docs/metrics.md: scheme and host lower-cased, no query or fragment, no trailing slash but the root's. */
function pagePath(url: string | null): string | null {
  if (url === null) return null;
  const bare = url.split(/[?#]/)[0].trim();
  const match = /^([A-Za-z][A-Za-z0-9+.-]*:\/\/)([^/]*)(.*)$/.exec(bare);
  if (!match) {
    const path = bare.replace(/\/+$/, '');
    return path !== '' ? path : bare.startsWith('/') ? '/' : null;
  }
  const path = match[3].replace(/\/+$/, '');
  return match[1].toLowerCase() + match[2].toLowerCase() + (path === '' ? '/' : path);
}

export interface OracleFilter {
  property: string;
  operator: string;
  values?: string[];
}

/** A report as the report editor builds it, and one run of it. */
export interface OracleConfig {
  channel: 'CHAT' | 'EMAIL' | null;
  measures: OracleMeasure[];
  /** Property keys: x-axis, then break-down. */
  dimensions: string[];
  dateProperty: 'createdAt' | 'closedAt';
  filters: OracleFilter[];
  timezone: string;
  /** Absent: all time. */
  dateRange?: DateRange;
  /** For date dimensions. */
  granularity?: Granularity;
}

/** One data point of a custom report. */
export interface OraclePoint {
  /** One per dimension: an external id, a text, an enum value, a bucket's first day; null for no value. */
  values: (string | null)[];
  /** One per dimension: the latest name, the text, the enum's display name, `Unassigned` / `(No value)`, the bucket's first day. */
  labels: string[];
  /** One per measure: a count, or seconds (null when no conversation of the point has the value). */
  measures: (number | null)[];
  /** One per measure: the conversations it counts or averages, sorted. */
  ids: string[][];
}

/** The data point of a standard report (one dimension, one measure). */
export interface OracleRow {
  /** The dimension value: an external id, a URL, a bucket's first day, or null for no value. */
  value: string | null;
  /** The label: the latest name, the URL, `Unassigned` / `(No value)`; null for time buckets (display only). */
  label: string | null;
  /** Count, or average seconds (null when no conversation of the group has the value). */
  measure: number | null;
  /** The conversations behind the data point (for averages: those that have the value), sorted. */
  ids: string[];
}

export interface OracleRun {
  timezone: string;
  /** Absent: all time. */
  dateRange?: DateRange;
  /** Only for the time-bucket report; default WEEK. */
  granularity?: Granularity;
}

type Definition = Omit<OracleConfig, 'timezone' | 'dateRange' | 'granularity'>;

/** The catalog of docs/reports.md, row by row (open emails are those with status OPEN, each inbox with some listed). */
export const ORACLE_DEFINITIONS: Record<string, Definition> = {
  'chat-volume-by-assignee': { channel: 'CHAT', measures: ['count'], dimensions: ['assignee'], dateProperty: 'createdAt', filters: [] },
  'chat-volume-by-page-url': { channel: 'CHAT', measures: ['count'], dimensions: ['pageUrl'], dateProperty: 'createdAt', filters: [] },
  'chat-response-time-by-assignee': { channel: 'CHAT', measures: ['avgFirstResponseSeconds'], dimensions: ['assignee'], dateProperty: 'createdAt', filters: [] },
  'chat-time-to-close-by-assignee': { channel: 'CHAT', measures: ['avgTimeToCloseSeconds'], dimensions: ['assignee'], dateProperty: 'closedAt', filters: [] },
  'chats-closed-by-assignee': { channel: 'CHAT', measures: ['closedCount'], dimensions: ['assignee'], dateProperty: 'closedAt', filters: [] },
  'chat-volume-by-chatflow': { channel: 'CHAT', measures: ['count'], dimensions: ['chatflow'], dateProperty: 'createdAt', filters: [] },
  'email-volume-by-assignee': { channel: 'EMAIL', measures: ['count'], dimensions: ['assignee'], dateProperty: 'createdAt', filters: [] },
  'email-response-time-by-assignee': { channel: 'EMAIL', measures: ['avgFirstResponseSeconds'], dimensions: ['assignee'], dateProperty: 'createdAt', filters: [] },
  'emails-closed-by-assignee': { channel: 'EMAIL', measures: ['closedCount'], dimensions: ['assignee'], dateProperty: 'closedAt', filters: [] },
  'email-time-to-close-by-assignee': { channel: 'EMAIL', measures: ['avgTimeToCloseSeconds'], dimensions: ['assignee'], dateProperty: 'closedAt', filters: [] },
  'email-volume-over-time': { channel: 'EMAIL', measures: ['count'], dimensions: ['createdAt'], dateProperty: 'createdAt', filters: [] },
  'open-emails-by-inbox': { channel: 'EMAIL', measures: ['openCount'], dimensions: ['inbox'], dateProperty: 'createdAt', filters: [{ property: 'status', operator: 'EQ', values: ['OPEN'] }] },
};

export const STANDARD_REPORT_IDS = Object.keys(ORACLE_DEFINITIONS);

export const isDateProperty = (key: string): boolean => key === 'createdAt' || key === 'closedAt';
export const isTimeReport = (reportId: string): boolean => definitionOf(reportId).dimensions.some(isDateProperty);
export const isAverageReport = (reportId: string): boolean => !isCountMeasure(definitionOf(reportId).measures[0]);

function definitionOf(reportId: string): Definition {
  const definition = ORACLE_DEFINITIONS[reportId];
  if (!definition) throw new Error(`oracle: unknown report ${reportId}`);
  return definition;
}

/** One conversation as the oracle sees it: instants in epoch ms, references by external id. */
interface Conversation {
  id: string;
  channel: string;
  status: string;
  createdAt: number;
  /** Only for CLOSED conversations (an OPEN one is not closed, whatever closedAt it was given). */
  closedAt: number | null;
  assignee: string | null;
  inbox: string;
  team: string | null;
  chatflow: string | null;
  pageUrl: string | null;
  subject: string | null;
  contactEmail: string | null;
  contactName: string | null;
  messageCount: number;
  firstResponseMs: number | null;
  timeToCloseMs: number | null;
  properties: Map<string, string | number | boolean>;
}

type Directory = 'assignee' | 'inbox' | 'team' | 'chatflow';
const DIRECTORIES: readonly Directory[] = ['assignee', 'inbox', 'team', 'chatflow'];

interface Ref {
  id: string;
  /** Left out: the name stays as it was (the id for an id never named). */
  name?: string | null;
}

interface ImportMessage {
  from: string;
  sentAt: string;
}

function instant(iso: unknown, what: string): number {
  const parsed = DateTime.fromISO(String(iso), { setZone: true });
  if (!parsed.isValid) throw new Error(`oracle: ${what} is not an ISO 8601 instant: ${String(iso)}`);
  return parsed.toMillis();
}

const refOf = (value: unknown): Ref | null => (value === null || value === undefined ? null : (value as Ref));

/** A text field as imported: absent, null and blank are no value. */
const textOf = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);

/**
 * First response: the first VISITOR message, then the first AGENT message sent at or after it.
 * Messages come in any order, so look at every one of them; BOT messages never count.
 */
function firstResponseMs(messages: ImportMessage[]): number | null {
  let firstVisitor: number | null = null;
  for (const m of messages) {
    if (m.from !== 'VISITOR') continue;
    const t = instant(m.sentAt, 'sentAt');
    if (firstVisitor === null || t < firstVisitor) firstVisitor = t;
  }
  if (firstVisitor === null) return null;
  let firstAgent: number | null = null;
  for (const m of messages) {
    if (m.from !== 'AGENT') continue;
    const t = instant(m.sentAt, 'sentAt');
    if (t >= firstVisitor && (firstAgent === null || t < firstAgent)) firstAgent = t;
  }
  return firstAgent === null ? null : firstAgent - firstVisitor;
}

/** A local calendar date `YYYY-MM-DD` as a day number (days since 1970-01-01), and back. */
function dayNumber(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / 86400000;
}

function dateOfDay(day: number): string {
  return new Date(day * 86400000).toISOString().slice(0, 10);
}

/** The first day of the bucket a local date is in (weeks start on Monday). */
export function bucketStart(date: string, granularity: Granularity): string {
  const [y, m] = date.split('-').map(Number);
  const pad = (n: number) => String(n).padStart(2, '0');
  switch (granularity) {
    case 'DAY':
      return date;
    case 'WEEK': {
      const day = dayNumber(date);
      const weekday = new Date(day * 86400000).getUTCDay(); // 0 = Sunday
      const sinceMonday = (weekday + 6) % 7;
      return dateOfDay(day - sinceMonday);
    }
    case 'MONTH':
      return `${y}-${pad(m)}-01`;
    case 'QUARTER':
      return `${y}-${pad(Math.floor((m - 1) / 3) * 3 + 1)}-01`;
    case 'YEAR':
      return `${y}-01-01`;
  }
}

/** The first day of the bucket after the one starting on `start`. */
function nextBucket(start: string, granularity: Granularity): string {
  const [y, m] = start.split('-').map(Number);
  const pad = (n: number) => String(n).padStart(2, '0');
  const monthsLater = (months: number) => {
    const index = y * 12 + (m - 1) + months;
    return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}-01`;
  };
  switch (granularity) {
    case 'DAY':
      return dateOfDay(dayNumber(start) + 1);
    case 'WEEK':
      return dateOfDay(dayNumber(start) + 7);
    case 'MONTH':
      return monthsLater(1);
    case 'QUARTER':
      return monthsLater(3);
    case 'YEAR':
      return `${y + 1}-01-01`;
  }
}

/** First response time in ranges: [value, label, upper bound in ms (exclusive)]. */
const RESPONSE_RANGES: [string, string, number][] = [
  ['UNDER_1_MIN', '< 1 min', 60_000], ['1_TO_5_MIN', '1–5 min', 300_000], ['5_TO_15_MIN', '5–15 min', 900_000],
  ['15_TO_60_MIN', '15–60 min', 3_600_000], ['1_TO_4_HOURS', '1–4 h', 14_400_000], ['4_TO_24_HOURS', '4–24 h', 86_400_000],
  ['OVER_24_HOURS', '> 24 h', Infinity],
];
const ENUM_LABELS: Record<string, Record<string, string>> = {
  channel: { CHAT: 'Chat', EMAIL: 'Email' },
  status: { OPEN: 'Open', CLOSED: 'Closed' },
  firstResponseRange: Object.fromEntries(RESPONSE_RANGES.map(([value, label]) => [value, label])),
};

const CUSTOM = 'properties.';

type Value = string | number | boolean | null;

/** A conversation's value of a property, as filters compare it: instants and durations in ms. */
function valueOf(c: Conversation, key: string): Value {
  if (key.startsWith(CUSTOM)) return c.properties.get(key.slice(CUSTOM.length)) ?? null;
  switch (key) {
    case 'assignee': case 'inbox': case 'team': case 'chatflow': case 'pageUrl': case 'subject': case 'contactEmail': case 'contactName':
    case 'channel': case 'status': case 'createdAt': case 'closedAt': case 'messageCount':
      return c[key];
    case 'firstResponseSeconds':
      return c.firstResponseMs;
    case 'timeToCloseSeconds':
      return c.timeToCloseMs;
    case 'pageUrlPath':
      return pagePath(c.pageUrl);
    case 'firstResponseRange': {
      const ms = c.firstResponseMs;
      return ms === null ? null : (RESPONSE_RANGES.find(([, , below]) => ms < below) as [string, string, number])[0];
    }
    default:
      throw new Error(`oracle: unknown property ${key}`);
  }
}

/**
 * One filter, as the README describes them: NEQ, NOT_IN and NOT_CONTAINS keep conversations without
 * a value; CONTAINS and STARTS_WITH ignore case; a date compares by its local date in the report's
 * zone; durations are given in seconds.
 */
function matches(c: Conversation, filter: OracleFilter, localDate: (ms: number) => string): boolean {
  const value = valueOf(c, filter.property);
  const values = filter.values ?? [];
  const date = isDateProperty(filter.property);
  const duration = filter.property === 'firstResponseSeconds' || filter.property === 'timeToCloseSeconds';
  const comparable = (v: Value): string | number => (date ? localDate(v as number) : typeof v === 'number' ? v : String(v));
  const operand = (s: string): string | number => (date ? s : duration ? Number(s) * 1000 : typeof value === 'number' ? Number(s) : s);
  const compare = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
  const positive = (operator: string): boolean => {
    if (value === null) return false;
    const v = comparable(value);
    switch (operator) {
      case 'EQ': return compare(v, operand(values[0])) === 0;
      case 'IN': return values.some((s) => compare(v, operand(s)) === 0);
      case 'CONTAINS': return String(value).toLowerCase().includes(values[0].toLowerCase());
      case 'STARTS_WITH': return String(value).toLowerCase().startsWith(values[0].toLowerCase());
      case 'GT': return compare(v, operand(values[0])) > 0;
      case 'GTE': return compare(v, operand(values[0])) >= 0;
      case 'LT': return compare(v, operand(values[0])) < 0;
      case 'LTE': return compare(v, operand(values[0])) <= 0;
      case 'BETWEEN': return compare(v, operand(values[0])) >= 0 && compare(v, operand(values[1])) <= 0;
      default: throw new Error(`oracle: unknown operator ${operator}`);
    }
  };
  switch (filter.operator) {
    case 'IS_KNOWN': return value !== null;
    case 'IS_UNKNOWN': return value === null;
    case 'NEQ': return value === null || !positive('EQ');
    case 'NOT_IN': return value === null || !positive('IN');
    case 'NOT_CONTAINS': return value === null || !positive('CONTAINS');
    default: return positive(filter.operator);
  }
}

/** PERCENTILE_CONT: position (n - 1) * fraction of the sorted values, interpolated between its neighbours. */
function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * fraction;
  const lower = Math.floor(position);
  return sorted[lower] + (position - lower) * (sorted[Math.ceil(position)] - sorted[lower]);
}

/** What a measure reads of a conversation: null when it does not count it. */
function measured(measure: OracleMeasure, c: Conversation): number | null {
  switch (measure) {
    case 'count': return 1;
    case 'closedCount': return c.status === 'CLOSED' ? 1 : null;
    case 'openCount': return c.status === 'OPEN' ? 1 : null;
    case 'avgFirstResponseSeconds': case 'medianFirstResponseSeconds': case 'p90FirstResponseSeconds': return c.firstResponseMs;
    case 'avgTimeToCloseSeconds': case 'medianTimeToCloseSeconds': case 'p90TimeToCloseSeconds': return c.timeToCloseMs;
    case 'highPriorityCount': return c.properties.get('priority') === 'high' ? 1 : null;
    case 'sumFirstResponseSeconds': return c.firstResponseMs;
    case 'maxMessages': return c.messageCount;
    case 'minSatisfaction': case 'avgSatisfaction': case 'p75Satisfaction': {
      const value = c.properties.get('satisfaction');
      return typeof value === 'number' ? value : null;
    }
    case 'closedShare': case 'highPriorityPerClosed': return measured((RATIOS[measure] as [OracleMeasure, OracleMeasure, boolean])[0], c);
  }
}

/** A measure over the conversations of a point. */
function measureOf(measure: OracleMeasure, members: Conversation[]): number | null {
  const ratio = RATIOS[measure];
  if (ratio) {
    const [numerator, denominator] = [measureOf(ratio[0], members), measureOf(ratio[1], members)];
    return numerator === null || denominator === null || denominator === 0 ? null : (numerator / denominator) * (ratio[2] ? 100 : 1);
  }
  return aggregate(measure, members.map((c) => measured(measure, c)).filter((v): v is number => v !== null));
}

function aggregate(measure: OracleMeasure, values: number[]): number | null {
  if (isCountMeasure(measure)) return values.length;
  if (values.length === 0) return null;
  switch (measure) {
    case 'sumFirstResponseSeconds': return values.reduce((a, b) => a + b, 0) / 1000;
    case 'maxMessages': return Math.max(...values);
    case 'minSatisfaction': return Math.min(...values);
    case 'avgSatisfaction': return values.reduce((a, b) => a + b, 0) / values.length;
    case 'p75Satisfaction': return percentile(values, 0.75);
    default: break;
  }
  if (measure.startsWith('avg')) return values.reduce((a, b) => a + b, 0) / values.length / 1000;
  return percentile(values, measure.startsWith('p90') ? 0.9 : 0.5) / 1000;
}

/** Values in a stable order: text order, no value last. */
function compareValues(a: (string | null)[], b: (string | null)[]): number {
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (a[i] === null) return 1;
    if (b[i] === null) return -1;
    return (a[i] as string) < (b[i] as string) ? -1 : 1;
  }
  return 0;
}

export class ReportOracle {
  private readonly conversations = new Map<string, Conversation>();
  private readonly names: Record<Directory, Map<string, string>> = { assignee: new Map(), inbox: new Map(), team: new Map(), chatflow: new Map() };

  /**
   * `objects` in the order they were ingested: a later object with the same id replaces the earlier
   * one, and names are the latest given (a reference by id alone keeps the name).
   */
  constructor(objects: Iterable<Record<string, unknown>> = []) {
    this.add(objects);
  }

  private rename(directory: Directory, ref: Ref): void {
    const names = this.names[directory];
    if (ref.name) names.set(ref.id, ref.name);
    else if (!names.has(ref.id)) names.set(ref.id, ref.id);
  }

  add(objects: Iterable<Record<string, unknown>>): this {
    for (const o of objects) {
      const refs = Object.fromEntries(DIRECTORIES.map((d) => [d, refOf(o[d])])) as Record<Directory, Ref | null>;
      if (!refs.inbox) throw new Error(`oracle: conversation ${String(o.id)} has no inbox`);
      for (const d of DIRECTORIES) if (refs[d]) this.rename(d, refs[d] as Ref);
      const createdAt = instant(o.createdAt, 'createdAt');
      const closedAt = o.status === 'CLOSED' ? instant(o.closedAt, 'closedAt') : null;
      const contact = (o.contact ?? {}) as Record<string, unknown>;
      const messages = (o.messages ?? []) as ImportMessage[];
      const properties = Object.entries((o.properties ?? {}) as Record<string, string | number | boolean | null>).filter((e): e is [string, string | number | boolean] => e[1] !== null);
      this.conversations.set(String(o.id), {
        id: String(o.id),
        channel: String(o.channel),
        status: String(o.status),
        createdAt,
        closedAt,
        assignee: refs.assignee?.id ?? null,
        inbox: refs.inbox.id,
        team: refs.team?.id ?? null,
        chatflow: refs.chatflow?.id ?? null,
        pageUrl: textOf(o.pageUrl),
        subject: textOf(o.subject),
        contactEmail: textOf(contact.email),
        contactName: textOf(contact.name),
        messageCount: messages.length,
        firstResponseMs: firstResponseMs(messages),
        timeToCloseMs: closedAt === null ? null : closedAt - createdAt,
        properties: new Map(properties),
      });
    }
    return this;
  }

  get size(): number {
    return this.conversations.size;
  }

  /** A standard report's rows: groups in any order (sort them yourself), time buckets in time order. */
  run(reportId: string, run: OracleRun): OracleRow[] {
    const definition = definitionOf(reportId);
    const time = isTimeReport(reportId);
    return this.runConfig({ ...definition, timezone: run.timezone, dateRange: run.dateRange, granularity: time ? (run.granularity ?? 'WEEK') : undefined })
      .map((p) => ({ value: p.values[0], label: time ? null : p.labels[0], measure: p.measures[0], ids: p.ids[0] }));
  }

  /** A custom report's data points, sorted by their values (time order for a date; no value last). */
  runConfig(config: OracleConfig): OraclePoint[] {
    const localDate = (ms: number) => DateTime.fromMillis(ms, { zone: config.timezone }).toISODate() as string;
    const granularity = (): Granularity => {
      if (!config.granularity) throw new Error('oracle: a date dimension needs a granularity');
      return config.granularity;
    };

    // 1. Select.
    const selected: Conversation[] = [];
    for (const c of this.conversations.values()) {
      if (config.channel && c.channel !== config.channel) continue;
      const at = c[config.dateProperty];
      if (at === null) continue; // never closed: invisible to reports by closedAt, even for all time
      const date = localDate(at);
      if (config.dateRange && (date < config.dateRange.from || date > config.dateRange.to)) continue;
      if (config.filters.every((f) => matches(c, f, localDate))) selected.push(c);
    }

    // 2. Group: every selected conversation in exactly one point.
    const points = new Map<string, { values: (string | null)[]; members: Conversation[] }>();
    const pointOf = (values: (string | null)[]) => {
      const key = JSON.stringify(values);
      let point = points.get(key);
      if (!point) points.set(key, (point = { values, members: [] }));
      return point;
    };
    for (const c of selected) {
      const values = config.dimensions.map((key) => {
        const local = LOCAL_PARTS[key];
        if (local) {
          const at = c[local[0]];
          if (at === null) return null;
          const time = DateTime.fromMillis(at, { zone: config.timezone });
          return local[1] === 'hour' ? String(time.hour) : WEEKDAYS[time.weekday - 1];
        }
        const value = valueOf(c, key);
        if (value === null) return null;
        return isDateProperty(key) ? bucketStart(localDate(value as number), granularity()) : String(value);
      });
      pointOf(values).members.push(c);
    }

    // 3. Empty buckets of the first date dimension: those of the range, for every series with data.
    const t = config.dimensions.findIndex(isDateProperty);
    if (t >= 0) {
      let first = config.dateRange?.from;
      let last = config.dateRange?.to;
      if (!config.dateRange) {
        const dates = selected.map((c) => valueOf(c, config.dimensions[t])).filter((v): v is number => v !== null).map(localDate).sort();
        [first, last] = [dates[0], dates[dates.length - 1]];
      }
      const series = new Map<string, (string | null)[]>();
      for (const { values } of points.values()) {
        const rest = values.filter((_, i) => i !== t);
        series.set(JSON.stringify(rest), rest);
      }
      if (series.size === 0 && config.dimensions.length === 1) series.set('[]', []);
      if (first !== undefined && last !== undefined) {
        const lastStart = bucketStart(last, granularity());
        for (let start = bucketStart(first, granularity()); start <= lastStart; start = nextBucket(start, granularity())) {
          for (const rest of series.values()) pointOf([...rest.slice(0, t), start, ...rest.slice(t)]);
        }
      }
    }
    // Without a date dimension, every hour or weekday of the first local one, for every series with data.
    const l = config.dimensions.findIndex((key) => LOCAL_PARTS[key] !== undefined);
    if (t < 0 && l >= 0) {
      const series = new Map<string, (string | null)[]>();
      for (const { values } of points.values()) {
        const rest = values.filter((_, i) => i !== l);
        series.set(JSON.stringify(rest), rest);
      }
      if (series.size === 0 && config.dimensions.length === 1) series.set('[]', []);
      for (const value of LOCAL_PARTS[config.dimensions[l]][1] === 'hour' ? HOURS : WEEKDAYS) {
        for (const rest of series.values()) pointOf([...rest.slice(0, l), value, ...rest.slice(l)]);
      }
    }
    // Totals: a report without dimensions is one point, even over nothing.
    if (config.dimensions.length === 0) pointOf([]);

    // 4. Measure.
    return [...points.values()]
      .map(({ values, members }) => {
        const behind = config.measures.map((m) => members.filter((c) => measured(m, c) !== null));
        return {
          values,
          labels: values.map((v, i) => this.labelOf(config.dimensions[i], v)),
          measures: config.measures.map((m) => measureOf(m, members)),
          ids: behind.map((list) => list.map((c) => c.id).sort()),
        };
      })
      .sort((a, b) => compareValues(a.values, b.values));
  }

  private labelOf(key: string, value: string | null): string {
    if (value === null) return key === 'assignee' ? 'Unassigned' : '(No value)';
    if ((DIRECTORIES as readonly string[]).includes(key)) {
      const name = this.names[key as Directory].get(value);
      if (name === undefined) throw new Error(`oracle: no name for ${key} ${value}`);
      return name;
    }
    const local = LOCAL_PARTS[key];
    if (local) return local[1] === 'hour' ? `${value.padStart(2, '0')}:00` : value[0] + value.slice(1).toLowerCase();
    return ENUM_LABELS[key]?.[value] ?? value;
  }
}
