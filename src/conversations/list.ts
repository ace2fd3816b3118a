import { isDbInstant, ReportReader } from '../db/database';
import { BadInput } from '../errors';
import { column, RowOf, selectReport } from '../db/rows';
import { empty, raw, Sql, sql } from '../db/sql';
import { Channel, CHANNELS, ConversationStatus, STATUSES } from './conversation.entity';
import { ID_MAX } from './validate';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

/** One conversation of a page, as listings and drill-downs show it (GraphQL's `Conversation`). */
export interface ListedConversation {
  externalId: string;
  channel: Channel;
  status: ConversationStatus;
  createdAt: Date;
  closedAt: Date | null;
  firstResponseSeconds: number | null;
  timeToCloseSeconds: number | null;
  subject: string | null;
  pageUrl: string | null;
  contact: { email: string | null; name: string | null };
  messageCount: number;
  // Ids of related objects, which the GraphQL layer resolves through per-request DataLoaders.
  assigneeId: string | null;
  inboxId: string;
  teamId: string | null;
  chatflowId: string | null;
}

/** Where a forward-only page starts and ends (Relay's page info). */
export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
  hasPreviousPage: boolean;
  startCursor: string | null;
}

/** The page info of a forward-only page whose nodes have the given cursors. */
export function forwardPageInfo(cursors: readonly string[], hasNextPage: boolean, after: string | null | undefined): PageInfo {
  return {
    hasNextPage,
    endCursor: cursors[cursors.length - 1] ?? null,
    hasPreviousPage: Boolean(after),
    startCursor: cursors[0] ?? null,
  };
}

/** A page of conversations, newest first. */
export interface ConversationPage {
  nodes: ListedConversation[];
  /** The cursor of each node, in the same order: where the next page starts after it. */
  cursors: string[];
  pageInfo: PageInfo;
  /** How many conversations match in all pages together: counted only when asked, a count over millions of rows is not free. */
  totalCount(): Promise<number>;
}

const COLUMNS = raw(`c.external_id, c.channel, c.status, c.inbox_id, c.assignee_id, c.team_id, c.chatflow_id, c.page_url, c.subject,
  c.contact_email, c.contact_name, c.created_at, c.closed_at, c.first_response_ms, c.time_to_close_ms, c.message_count`);

/** How each of COLUMNS is read (the conversations table: created_at, inbox_id and message_count are NOT NULL). */
const LISTED = {
  external_id: column.text,
  channel: column.oneOf<Channel>(CHANNELS),
  status: column.oneOf<ConversationStatus>(STATUSES),
  inbox_id: column.text,
  assignee_id: column.nullableText,
  team_id: column.nullableText,
  chatflow_id: column.nullableText,
  page_url: column.nullableText,
  subject: column.nullableText,
  contact_email: column.nullableText,
  contact_name: column.nullableText,
  created_at: column.instant,
  closed_at: column.nullableInstant,
  first_response_ms: column.nullableNumber,
  time_to_close_ms: column.nullableNumber,
  message_count: column.count,
};

/**
 * One page of an account's conversations that satisfy `where` (SQL over `conversations c`, from the
 * filter compiler or a drill-down), newest first. Keyset pagination on (created_at, external_id):
 * a page costs the same however deep it is, and rows added meanwhile do not shift it.
 */
export async function pageConversations(db: ReportReader, accountId: number, where: Sql, page: PageArgs): Promise<ConversationPage> {
  const first = pageSize(page.first);
  const after = page.after ? decodeCursor(page.after) : null;
  const keyset = after ? sql` AND (c.created_at < ${after.createdAt} OR (c.created_at = ${after.createdAt} AND c.external_id < ${after.externalId}))` : empty;
  const rows = await selectReport(
    db,
    sql`SELECT ${COLUMNS} FROM conversations c WHERE c.account_id = ${accountId} AND (${where})${keyset}
      ORDER BY c.created_at DESC, c.external_id DESC LIMIT ${first + 1}`,
    LISTED,
  );
  const nodes = rows.slice(0, first).map(toNode);
  // A node's cursor is where the next page starts after it: the keyset of that node.
  const cursors = nodes.map(encodeCursor);
  return {
    nodes,
    cursors,
    pageInfo: forwardPageInfo(cursors, rows.length > first, page.after),
    totalCount: async () => {
      const [row] = await selectReport(db, sql`SELECT COUNT(*) AS n FROM conversations c WHERE c.account_id = ${accountId} AND (${where})`, { n: column.count });
      return row.n;
    },
  };
}

/** `first` of a page: default 50, 1 to 500, else BAD_USER_INPUT naming `first`. */
export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) throw new BadInput('first', `must be between 1 and ${MAX_PAGE_SIZE}, got ${first}`);
  return first;
}

function toNode(row: RowOf<typeof LISTED>): ListedConversation {
  const seconds = (ms: number | null) => (ms === null ? null : ms / 1000);
  return {
    externalId: row.external_id,
    channel: row.channel,
    status: row.status,
    createdAt: row.created_at,
    closedAt: row.closed_at,
    firstResponseSeconds: seconds(row.first_response_ms),
    timeToCloseSeconds: seconds(row.time_to_close_ms),
    subject: row.subject,
    pageUrl: row.page_url,
    contact: { email: row.contact_email, name: row.contact_name },
    messageCount: row.message_count,
    assigneeId: row.assignee_id,
    inboxId: row.inbox_id,
    teamId: row.team_id,
    chatflowId: row.chatflow_id,
  };
}

interface Cursor {
  createdAt: Date;
  externalId: string;
}

function encodeCursor(node: ListedConversation): string {
  return Buffer.from(JSON.stringify([node.createdAt.getTime(), node.externalId])).toString('base64url');
}

/** Longer than any cursor encodeCursor makes (an id of ID_MAX characters, each escaped in JSON). */
const MAX_CURSOR_LENGTH = 2048;

/**
 * A cursor comes back from the client, so anything may arrive: whatever is not exactly what
 * encodeCursor makes (an instant both stores can keep and an id that fits) is the caller's mistake.
 */
function decodeCursor(cursor: string): Cursor {
  const refused = new BadInput('after', 'is not a cursor returned by this API (use pageInfo.endCursor)');
  const [ms, externalId] = cursorPair(cursor, refused);
  if (typeof ms !== 'number' || !isDbInstant(ms) || typeof externalId !== 'string' || externalId.length > ID_MAX) throw refused;
  return { createdAt: new Date(ms), externalId };
}

/** The two values a cursor made by `base64url(JSON.stringify([a, b]))` holds; `refused` for anything else. */
export function cursorPair(cursor: string, refused: BadInput): [unknown, unknown] {
  if (cursor.length > MAX_CURSOR_LENGTH) throw refused;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw refused;
  }
  if (!Array.isArray(value) || value.length !== 2) throw refused;
  return value as [unknown, unknown];
}
