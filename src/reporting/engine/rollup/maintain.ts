import { lockAccountForWriting } from '../../../accounts/data-version';
import { ConversationRecord } from '../../../conversations/record';
import { Database, Queryable, toDbInstant, Transaction } from '../../../db/database';
import { column, RowOf, select, selectOne } from '../../../db/rows';
import { SqlDialect } from '../../../db/dialect';
import { empty, identifier, identifiers, list, raw, rows as valueRows, sql } from '../../../db/sql';
import { GroupColumn, RollupCell, RollupChanges, RollupFacts, RollupGroup } from './cells';

/**
 * Keeping `report_rollups` and `report_rollup_groups` current. Writers add what changed instead of
 * recomputing cells from the conversations: an import in time order writes one or two cells per
 * conversation, fewer the busier the account (a batch's conversations share cells), and never reads
 * conversations back.
 *
 * That is exact only if every change to an account's conversations passes through here, in the
 * same transaction, and nothing else changes those conversations between reading the stored rows
 * and writing: `lockAccountForWriting` makes writers of one account take turns.
 */

export const ROLLUP_TABLE = 'report_rollups';
export const ROLLUP_GROUP_TABLE = 'report_rollup_groups';

const CELL_KEY_COLUMNS = ['account_id', 'grouped_by', 'date_property', 'channel', 'bucket_minutes', 'bucket_start', 'group_id'];
const CELL_SUM_COLUMNS = ['conversations', 'first_response_count', 'first_response_ms_sum', 'time_to_close_count', 'time_to_close_ms_sum'];
const CELL_COLUMNS = [...CELL_KEY_COLUMNS, ...CELL_SUM_COLUMNS];
const GROUP_VALUE_COLUMNS: readonly GroupColumn[] = ['inbox_id', 'assignee_id', 'team_id', 'chatflow_id', 'page_url'];
const GROUP_COLUMNS = ['account_id', 'group_id', 'group_key', 'grouped_by', 'channel', 'status', ...GROUP_VALUE_COLUMNS];

/** The stored columns a conversation's facts are read from. */
const FACT_COLUMNS = raw('channel, status, inbox_id, assignee_id, team_id, chatflow_id, page_url, created_at, closed_at, first_response_ms, time_to_close_ms');

/**
 * Rows per statement: far below both stores' parameter limits, and small enough that a statement
 * of groups with long page URLs (2048 characters) stays a few MiB.
 */
const ROWS_PER_STATEMENT = 1000;
const REBUILD_PAGE = 5000;
/** Cells from which a write is staged with LOAD DATA (Transaction.accumulateRows) rather than upserted. */
const BULK_CELLS = 200;

export function factsOfRecord(r: ConversationRecord): RollupFacts {
  return {
    channel: r.channel, status: r.status, inbox_id: r.inbox.id, assignee_id: r.assignee?.id ?? null, team_id: r.team?.id ?? null,
    chatflow_id: r.chatflow?.id ?? null, page_url: r.pageUrl, createdAt: r.createdAt, closedAt: r.closedAt,
    firstResponseMs: r.firstResponseMs, timeToCloseMs: r.timeToCloseMs,
  };
}

/** The stored facts of a conversation the rollup counts (FACT_COLUMNS). */
const FACT_ROW = {
  channel: column.text,
  status: column.text,
  inbox_id: column.text,
  assignee_id: column.nullableText,
  team_id: column.nullableText,
  chatflow_id: column.nullableText,
  page_url: column.nullableText,
  created_at: column.instant,
  closed_at: column.nullableInstant,
  first_response_ms: column.nullableNumber,
  time_to_close_ms: column.nullableNumber,
};

const PAGE_ROW = { ...FACT_ROW, external_id: column.text };

function factsOfRow(row: RowOf<typeof FACT_ROW>): RollupFacts {
  return {
    channel: row.channel,
    status: row.status,
    inbox_id: row.inbox_id,
    assignee_id: row.assignee_id,
    team_id: row.team_id,
    chatflow_id: row.chatflow_id,
    page_url: row.page_url,
    createdAt: row.created_at,
    closedAt: row.closed_at,
    firstResponseMs: row.first_response_ms,
    timeToCloseMs: row.time_to_close_ms,
  };
}

/**
 * Brings the rollup up to date for a batch the writer is about to store, in its transaction and
 * before the conversations are written: `replacedIds` are stored conversations the batch changes
 * (their stored rows are read and taken out), `records` the new versions (added). A record for a
 * new id has no stored row.
 */
export async function updateRollups(tx: Transaction, dialect: SqlDialect, accountId: number, replacedIds: readonly string[], records: readonly ConversationRecord[]): Promise<void> {
  const changes = new RollupChanges();
  for (let i = 0; i < replacedIds.length; i += ROWS_PER_STATEMENT) {
    const ids = replacedIds.slice(i, i + ROWS_PER_STATEMENT);
    const rows = await select(tx, sql`SELECT ${FACT_COLUMNS} FROM conversations WHERE account_id = ${accountId} AND external_id IN (${list(ids)})`, FACT_ROW);
    for (const row of rows) changes.add(factsOfRow(row), -1);
  }
  for (const record of records) changes.add(factsOfRecord(record), 1);
  await writeChanges(tx, dialect, accountId, changes);
}

async function writeChanges(tx: Queryable | Transaction, dialect: SqlDialect, accountId: number, changes: RollupChanges): Promise<void> {
  const cells = changes.changedCells();
  if (cells.length === 0) return;
  const groupIds = await storeGroups(tx, accountId, changes.groups());
  const row = (c: RollupCell) => [
    accountId, c.groupedBy, c.dateProperty, c.channel, c.bucketMinutes, toDbInstant(new Date(c.bucketStart)), groupIds.get(c.groupKey),
    c.conversations, c.firstResponseCount, c.firstResponseMsSum, c.timeToCloseCount, c.timeToCloseMsSum,
  ];
  // An import batch's cells (a few thousand) are staged in bulk where the store can (MariaDB).
  const staged = 'accumulateRows' in tx && cells.length >= BULK_CELLS && (await tx.accumulateRows(ROLLUP_TABLE, CELL_COLUMNS, CELL_SUM_COLUMNS, cells.map(row)));
  for (let i = 0; !staged && i < cells.length; i += ROWS_PER_STATEMENT) {
    const chunk = cells.slice(i, i + ROWS_PER_STATEMENT);
    await tx.query(dialect.accumulate(ROLLUP_TABLE, CELL_COLUMNS, CELL_KEY_COLUMNS, CELL_SUM_COLUMNS, chunk.map(row)));
  }
  await deleteEmptyCells(tx, accountId, cells);
}

/**
 * The number of each group, storing the groups the account has not had before under the next
 * numbers (writers of an account take turns, so no other writer numbers groups meanwhile). Most
 * batches only name groups the account has had for a while: one read by key.
 */
async function storeGroups(tx: Queryable, accountId: number, groups: ReadonlyMap<string, RollupGroup>): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  const keys = [...groups.keys()];
  for (let i = 0; i < keys.length; i += ROWS_PER_STATEMENT) {
    const chunk = keys.slice(i, i + ROWS_PER_STATEMENT);
    const rows = await select(tx, sql`SELECT group_key, group_id FROM ${identifier(ROLLUP_GROUP_TABLE)} WHERE account_id = ${accountId} AND group_key IN (${list(chunk)})`, { group_key: column.text, group_id: column.number });
    for (const row of rows) ids.set(row.group_key, row.group_id);
  }
  const missing = [...groups.values()].filter((g) => !ids.has(g.groupKey));
  if (missing.length === 0) return ids;
  const last = await selectOne(tx, sql`SELECT MAX(group_id) AS last_id FROM ${identifier(ROLLUP_GROUP_TABLE)} WHERE account_id = ${accountId}`, { last_id: column.count });
  let next = (last?.last_id ?? 0) + 1;
  for (let i = 0; i < missing.length; i += ROWS_PER_STATEMENT) {
    const chunk = missing.slice(i, i + ROWS_PER_STATEMENT);
    const values = chunk.map((g) => {
      ids.set(g.groupKey, next);
      return [accountId, next++, g.groupKey, g.groupedBy, g.channel, g.status, ...GROUP_VALUE_COLUMNS.map((column) => (column === g.column ? g.value : null))];
    });
    await tx.query(sql`INSERT INTO ${identifier(ROLLUP_GROUP_TABLE)} (${identifiers(GROUP_COLUMNS)}) VALUES ${valueRows(values)}`);
  }
  return ids;
}

/**
 * Only a cell that lost conversations can be empty now. Empty cells are deleted so that the rollup
 * holds exactly what a rebuild would; groups stay (a few hundred rows per account, and a report
 * reads groups only through cells).
 */
async function deleteEmptyCells(tx: Queryable, accountId: number, cells: RollupCell[]): Promise<void> {
  const emptied = new Map<string, { cell: RollupCell; starts: Set<number> }>();
  for (const cell of cells) {
    if (cell.conversations >= 0) continue;
    const key = `${cell.groupedBy}|${cell.dateProperty}|${cell.channel}|${cell.bucketMinutes}`;
    const entry = emptied.get(key) ?? { cell, starts: new Set<number>() };
    entry.starts.add(cell.bucketStart);
    emptied.set(key, entry);
  }
  for (const { cell, starts } of emptied.values()) {
    const all = [...starts];
    for (let i = 0; i < all.length; i += ROWS_PER_STATEMENT) {
      const chunk = all.slice(i, i + ROWS_PER_STATEMENT);
      const bucketStarts = list(chunk.map((ms) => toDbInstant(new Date(ms))));
      await tx.query(
        sql`DELETE FROM ${identifier(ROLLUP_TABLE)} WHERE account_id = ${accountId} AND grouped_by = ${cell.groupedBy} AND date_property = ${cell.dateProperty} AND channel = ${cell.channel} AND bucket_minutes = ${cell.bucketMinutes} AND bucket_start IN (${bucketStarts}) AND conversations = 0`,
      );
    }
  }
}

/**
 * Recomputes an account's rollup from its conversations: for data stored before rollups existed
 * (the migration), and to check that the kept rollup is exact (tests compare the two).
 */
export async function rebuildRollups(db: Database, accountId: number): Promise<void> {
  await db.transaction((tx) => rebuildRollupsIn(tx, db.dialect, accountId));
}

/** `rebuildRollups` inside a transaction the caller holds (a migration's). Binds no Date: a migration's runner would not convert it. */
export async function rebuildRollupsIn(tx: Queryable, dialect: SqlDialect, accountId: number): Promise<void> {
  await lockAccountForWriting(tx, accountId);
  await tx.query(sql`DELETE FROM ${identifier(ROLLUP_TABLE)} WHERE account_id = ${accountId}`);
  await tx.query(sql`DELETE FROM ${identifier(ROLLUP_GROUP_TABLE)} WHERE account_id = ${accountId}`);
  // Pages in primary key order; a cell that spans pages is added to, as the writer would.
  let after: string | null = null;
  for (;;) {
    const rows: RowOf<typeof PAGE_ROW>[] = await select(
      tx,
      sql`SELECT external_id, ${FACT_COLUMNS} FROM conversations WHERE account_id = ${accountId}${after === null ? empty : sql` AND external_id > ${after}`} ORDER BY external_id LIMIT ${raw(String(REBUILD_PAGE))}`,
      PAGE_ROW,
    );
    const changes = new RollupChanges();
    for (const row of rows) changes.add(factsOfRow(row), 1);
    await writeChanges(tx, dialect, accountId, changes);
    if (rows.length < REBUILD_PAGE) return;
    after = rows[rows.length - 1].external_id;
  }
}
