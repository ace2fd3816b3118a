import { fromDbInstant, isDbInstant, ReportReader, toNumber } from '../db/database';
import { BadInput } from '../errors';
import { raw, Sql, sql } from '../db/sql';
import { ConversationConnection, ConversationNode, forwardPageInfo } from './graphql/types';
import { ID_MAX } from './validate';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

const COLUMNS = raw(`c.external_id, c.channel, c.status, c.inbox_id, c.assignee_id, c.team_id, c.chatflow_id, c.page_url, c.subject,
  c.contact_email, c.contact_name, c.created_at, c.closed_at, c.first_response_ms, c.time_to_close_ms, c.message_count`);

/**
 * One page of an account's conversations that satisfy `where` (SQL over `conversations c`, from the
 * filter compiler or a drill-down), newest first. Keyset pagination on (created_at, external_id):
 * a page costs the same however deep it is, and rows added meanwhile do not shift it.
 */
export async function pageConversations(db: ReportReader, accountId: number, where: Sql, page: PageArgs): Promise<ConversationConnection> {
  const first = pageSize(page.first);
  const after = page.after ? decodeCursor(page.after) : null;
  const keyset = after ? sql` AND (c.created_at < ${after.createdAt} OR (c.created_at = ${after.createdAt} AND c.external_id < ${after.externalId}))` : raw('');
  const rows = await db.report<Record<string, unknown>>(
    sql`SELECT ${COLUMNS} FROM conversations c WHERE c.account_id = ${accountId} AND (${where})${keyset}
      ORDER BY c.created_at DESC, c.external_id DESC LIMIT ${first + 1}`,
  );
  const nodes = rows.slice(0, first).map(toNode);
  const connection = new ConversationConnection();
  connection.nodes = nodes;
  // A node's cursor is where the next page starts after it: the keyset of that node.
  connection.cursors = nodes.map(encodeCursor);
  connection.pageInfo = forwardPageInfo(connection.cursors, rows.length > first, page.after);
  connection.countAll = async () => {
    const [row] = await db.report<{ n: unknown }>(sql`SELECT COUNT(*) AS n FROM conversations c WHERE c.account_id = ${accountId} AND (${where})`);
    return toNumber(row.n) ?? 0;
  };
  return connection;
}

/** `first` of a page: default 50, 1 to 500, else BAD_USER_INPUT naming `first`. */
export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) throw new BadInput('first', `must be between 1 and ${MAX_PAGE_SIZE}, got ${first}`);
  return first;
}

function toNode(row: Record<string, unknown>): ConversationNode {
  const seconds = (ms: unknown) => {
    const n = toNumber(ms);
    return n === null ? null : n / 1000;
  };
  return Object.assign(new ConversationNode(), {
    externalId: String(row.external_id),
    channel: row.channel,
    status: row.status,
    createdAt: fromDbInstant(row.created_at),
    closedAt: fromDbInstant(row.closed_at),
    firstResponseSeconds: seconds(row.first_response_ms),
    timeToCloseSeconds: seconds(row.time_to_close_ms),
    subject: row.subject ?? null,
    pageUrl: row.page_url ?? null,
    contact: { email: row.contact_email ?? null, name: row.contact_name ?? null },
    messageCount: toNumber(row.message_count) ?? 0,
    assigneeId: row.assignee_id ?? null,
    inboxId: String(row.inbox_id),
    teamId: row.team_id ?? null,
    chatflowId: row.chatflow_id ?? null,
  });
}

interface Cursor {
  createdAt: Date;
  externalId: string;
}

function encodeCursor(node: ConversationNode): string {
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
