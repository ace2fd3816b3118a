import { DateTime } from 'luxon';

/**
 * A deliberately naive reference implementation ("oracle") of the twelve standard reports of
 * docs/reports.md, computed in plain JavaScript over the import objects of docs/import-format.md.
 * It shares no code with src/reporting: every rule below is written from the contract's text
 * (section 3), one conversation at a time, so that a model-based test can compare the server's
 * SQL against it on thousands of generated conversations.
 */

export type Granularity = 'DAY' | 'WEEK' | 'MONTH' | 'QUARTER' | 'YEAR';

export interface DateRange {
  from: string;
  to: string;
}

export interface OracleRun {
  timezone: string;
  /** Absent: all time. */
  dateRange?: DateRange;
  /** Only for the time-bucket report; default WEEK. */
  granularity?: Granularity;
}

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

type Dimension = 'assignee' | 'pageUrl' | 'chatflow' | 'inbox' | 'bucket';
type Measure = 'count' | 'closedCount' | 'openCount' | 'avgFirstResponse' | 'avgTimeToClose';

interface OracleDefinition {
  channel: 'CHAT' | 'EMAIL';
  measure: Measure;
  dimension: Dimension;
  dateProperty: 'createdAt' | 'closedAt';
}

/** The catalog of docs/reports.md, row by row. */
export const ORACLE_DEFINITIONS: Record<string, OracleDefinition> = {
  'chat-volume-by-assignee': { channel: 'CHAT', measure: 'count', dimension: 'assignee', dateProperty: 'createdAt' },
  'chat-volume-by-page-url': { channel: 'CHAT', measure: 'count', dimension: 'pageUrl', dateProperty: 'createdAt' },
  'chat-response-time-by-assignee': { channel: 'CHAT', measure: 'avgFirstResponse', dimension: 'assignee', dateProperty: 'createdAt' },
  'chat-time-to-close-by-assignee': { channel: 'CHAT', measure: 'avgTimeToClose', dimension: 'assignee', dateProperty: 'closedAt' },
  'chats-closed-by-assignee': { channel: 'CHAT', measure: 'closedCount', dimension: 'assignee', dateProperty: 'closedAt' },
  'chat-volume-by-chatflow': { channel: 'CHAT', measure: 'count', dimension: 'chatflow', dateProperty: 'createdAt' },
  'email-volume-by-assignee': { channel: 'EMAIL', measure: 'count', dimension: 'assignee', dateProperty: 'createdAt' },
  'email-response-time-by-assignee': { channel: 'EMAIL', measure: 'avgFirstResponse', dimension: 'assignee', dateProperty: 'createdAt' },
  'emails-closed-by-assignee': { channel: 'EMAIL', measure: 'closedCount', dimension: 'assignee', dateProperty: 'closedAt' },
  'email-time-to-close-by-assignee': { channel: 'EMAIL', measure: 'avgTimeToClose', dimension: 'assignee', dateProperty: 'closedAt' },
  'email-volume-over-time': { channel: 'EMAIL', measure: 'count', dimension: 'bucket', dateProperty: 'createdAt' },
  'open-emails-by-inbox': { channel: 'EMAIL', measure: 'openCount', dimension: 'inbox', dateProperty: 'createdAt' },
};

export const STANDARD_REPORT_IDS = Object.keys(ORACLE_DEFINITIONS);

export const isTimeReport = (reportId: string): boolean => definitionOf(reportId).dimension === 'bucket';
export const isAverageReport = (reportId: string): boolean => definitionOf(reportId).measure.startsWith('avg');

function definitionOf(reportId: string): OracleDefinition {
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
  assigneeId: string | null;
  inboxId: string;
  chatflowId: string | null;
  pageUrl: string | null;
  firstResponseMs: number | null;
  timeToCloseMs: number | null;
}

interface Ref {
  id: string;
  name: string;
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

export class ReportOracle {
  private readonly conversations = new Map<string, Conversation>();
  private readonly names = { assignee: new Map<string, string>(), inbox: new Map<string, string>(), chatflow: new Map<string, string>() };

  /** `objects` in the order they were ingested: a later object with the same id replaces the earlier one, and names are the latest given. */
  constructor(objects: Iterable<Record<string, unknown>> = []) {
    this.add(objects);
  }

  add(objects: Iterable<Record<string, unknown>>): this {
    for (const o of objects) {
      const assignee = refOf(o.assignee);
      const inbox = refOf(o.inbox);
      const chatflow = refOf(o.chatflow);
      if (!inbox) throw new Error(`oracle: conversation ${String(o.id)} has no inbox`);
      if (assignee) this.names.assignee.set(assignee.id, assignee.name);
      this.names.inbox.set(inbox.id, inbox.name);
      if (chatflow) this.names.chatflow.set(chatflow.id, chatflow.name);
      const createdAt = instant(o.createdAt, 'createdAt');
      const closed = o.status === 'CLOSED';
      const closedAt = closed ? instant(o.closedAt, 'closedAt') : null;
      const pageUrl = o.pageUrl === undefined || o.pageUrl === null ? null : String(o.pageUrl);
      this.conversations.set(String(o.id), {
        id: String(o.id),
        channel: String(o.channel),
        status: String(o.status),
        createdAt,
        closedAt,
        assigneeId: assignee ? assignee.id : null,
        inboxId: inbox.id,
        chatflowId: chatflow ? chatflow.id : null,
        pageUrl,
        firstResponseMs: firstResponseMs((o.messages ?? []) as ImportMessage[]),
        timeToCloseMs: closedAt === null ? null : closedAt - createdAt,
      });
    }
    return this;
  }

  get size(): number {
    return this.conversations.size;
  }

  /** The report's rows: groups in any order (sort them yourself), time buckets in time order. */
  run(reportId: string, run: OracleRun): OracleRow[] {
    const definition = definitionOf(reportId);
    const localDate = (ms: number) => DateTime.fromMillis(ms, { zone: run.timezone }).toISODate() as string;

    // 1. Select: the channel, the report's own condition, and the date property's local date in the range.
    const selected: { conversation: Conversation; date: string }[] = [];
    for (const c of this.conversations.values()) {
      if (c.channel !== definition.channel) continue;
      if (definition.measure === 'openCount' && c.status !== 'OPEN') continue;
      const at = definition.dateProperty === 'createdAt' ? c.createdAt : c.closedAt;
      if (at === null) continue; // never closed: invisible to closed reports, even for all time
      const date = localDate(at);
      if (run.dateRange && (date < run.dateRange.from || date > run.dateRange.to)) continue;
      selected.push({ conversation: c, date });
    }

    // 2. Group.
    const groups = new Map<string | null, Conversation[]>();
    const put = (key: string | null, c: Conversation) => {
      const list = groups.get(key);
      if (list) list.push(c);
      else groups.set(key, [c]);
    };
    if (definition.dimension === 'bucket') {
      const granularity = run.granularity ?? 'WEEK';
      let first: string;
      let last: string;
      if (run.dateRange) {
        first = run.dateRange.from;
        last = run.dateRange.to;
      } else {
        if (selected.length === 0) return [];
        const dates = selected.map((s) => s.date).sort();
        first = dates[0];
        last = dates[dates.length - 1];
      }
      const lastStart = bucketStart(last, granularity);
      for (let start = bucketStart(first, granularity); start <= lastStart; start = nextBucket(start, granularity)) groups.set(start, []);
      for (const s of selected) {
        const key = bucketStart(s.date, granularity);
        if (!groups.has(key)) throw new Error(`oracle: bucket ${key} outside ${first}..${last}`);
        put(key, s.conversation);
      }
    } else {
      for (const { conversation: c } of selected) {
        const key = definition.dimension === 'assignee' ? c.assigneeId
          : definition.dimension === 'pageUrl' ? c.pageUrl
            : definition.dimension === 'chatflow' ? c.chatflowId
              : c.inboxId;
        put(key, c);
      }
    }

    // 3. Measure.
    const rows: OracleRow[] = [];
    for (const [value, members] of groups) {
      let behind: Conversation[];
      let measure: number | null;
      if (definition.measure === 'avgFirstResponse' || definition.measure === 'avgTimeToClose') {
        const valueOf = (c: Conversation) => (definition.measure === 'avgFirstResponse' ? c.firstResponseMs : c.status === 'CLOSED' ? c.timeToCloseMs : null);
        behind = members.filter((c) => valueOf(c) !== null);
        let sum = 0;
        for (const c of behind) sum += valueOf(c) as number;
        measure = behind.length === 0 ? null : sum / behind.length / 1000;
      } else if (definition.measure === 'closedCount') {
        behind = members.filter((c) => c.status === 'CLOSED');
        measure = behind.length;
      } else if (definition.measure === 'openCount') {
        behind = members.filter((c) => c.status === 'OPEN');
        measure = behind.length;
      } else {
        behind = members;
        measure = behind.length;
      }
      rows.push({ value, label: this.labelOf(definition.dimension, value), measure, ids: behind.map((c) => c.id).sort() });
    }
    return rows;
  }

  private labelOf(dimension: Dimension, value: string | null): string | null {
    if (dimension === 'bucket') return null;
    if (value === null) return dimension === 'assignee' ? 'Unassigned' : '(No value)';
    if (dimension === 'pageUrl') return value;
    const name = this.names[dimension].get(value);
    if (name === undefined) throw new Error(`oracle: no name for ${dimension} ${value}`);
    return name;
  }
}
