import { lockAccountForWriting } from '../accounts/data-version';
import { announceChange } from '../db/changes';
import { Database, Queryable, toDbInstant, Transaction } from '../db/database';
import { SqlDialect } from '../db/dialect';
import { identifier, identifiers, join, list, raw, rows as valueRows, Sql, sql } from '../db/sql';
import { invariant } from '../errors';
import { CUSTOM_PROPERTY_TYPES, CustomPropertyType } from './conversation.entity';
import { DIRECTORY_TABLES, DirectoryKind } from './directory.entity';
import { log } from '../log';
import { IMPORT_LIMITS } from './import-schema';
import { pageUrlPath } from './page-url';
import { ConversationRecord } from './record';
import { column, select, selectOne } from '../db/rows';

export interface WriteResult {
  /** Conversations that did not exist before. */
  imported: number;
  /** Existing conversations whose data changed. */
  updated: number;
  /** Existing conversations given again with identical data: nothing was written. */
  unchanged: number;
  /** Records that could not be stored, by their index in the batch. */
  failed: { index: number; error: string }[];
}

const CONVERSATION_COLUMNS = [
  'account_id', 'external_id', 'channel', 'status', 'inbox_id', 'assignee_id', 'team_id', 'chatflow_id',
  'page_url', 'subject', 'contact_email', 'contact_name', 'created_at', 'closed_at', 'first_response_at',
  'first_response_ms', 'time_to_close_ms', 'message_count', 'content_hash', 'updated_at', 'page_url_path',
] as const;
const MESSAGE_COLUMNS = ['account_id', 'conversation_id', 'position', 'external_id', 'sender', 'agent_id', 'sent_at'];
const PROPERTY_COLUMNS = ['account_id', 'conversation_id', 'name', 'value_text', 'value_number'];
/**
 * Upper bound of one statement's values, in UTF-8 bytes (3 per UTF-16 unit covers every
 * character). Escaping may double that, which still stays below MariaDB's default
 * max_allowed_packet of 16 MiB: a batch of long subjects and URLs is split, not refused.
 */
const MAX_STATEMENT_BYTES = 4 * 1024 * 1024;
/**
 * Rows of one table from which a batch is bulk-loaded (LOAD DATA on MariaDB, Transaction.loadRows)
 * instead of INSERTed: below it the statement's fixed cost outweighs what it saves, and an ingest of
 * a few chats or a record retried alone takes the INSERT path as before.
 */
const LOAD_DATA_MIN_ROWS = 200;

/**
 * Writes a batch of validated conversations, in the order they were given, in one transaction:
 * a conversation is stored with all its messages and properties, or not at all. A later record
 * for the same id wins. Counts are per record, as if each were written in turn, so they do not
 * depend on where batches begin and end: a new id is imported, then its next record updated (or
 * unchanged when identical). If the batch fails as a whole, each record is retried alone so one
 * bad record cannot take the others with it.
 */
/**
 * Called inside each write transaction, after the account is locked and before the stored versions of
 * `replacedIds` are replaced by `records` (it may read them). Reporting installs its rollup maintainer
 * here at start-up (src/reporting/install.ts), so conversations never import reporting.
 */
export type BeforeReplace = (tx: Transaction, dialect: SqlDialect, accountId: number, replacedIds: readonly string[], records: readonly ConversationRecord[]) => Promise<void>;

let beforeReplace: BeforeReplace | undefined;

/** Installs the one hook every write runs (the rollup maintainer); installing again replaces it. */
export function setBeforeReplace(hook: BeforeReplace): void {
  beforeReplace = hook;
}

function installedBeforeReplace(): BeforeReplace {
  // Without it the rollups would silently fall behind the conversations.
  invariant(beforeReplace, 'no rollup maintainer installed: call installReporting() (src/reporting/install.ts) at start-up');
  return beforeReplace;
}

export async function writeConversations(db: Database, accountId: number, records: ConversationRecord[]): Promise<WriteResult> {
  if (records.length === 0) return { imported: 0, updated: 0, unchanged: 0, failed: [] };
  installedBeforeReplace(); // before any write, not half-way
  try {
    const written = await db.transaction((tx) => writeBatch(tx, db.dialect, accountId, records));
    await announceWritten(db, accountId, written);
    return written;
  } catch (error) {
    if (records.length === 1) throw error;
  }
  const result: WriteResult = { imported: 0, updated: 0, unchanged: 0, failed: [] };
  let lastError: unknown;
  for (const [index, record] of records.entries()) {
    try {
      const one = await db.transaction((tx) => writeBatch(tx, db.dialect, accountId, [record]));
      await announceWritten(db, accountId, one);
      result.imported += one.imported;
      result.updated += one.updated;
      result.unchanged += one.unchanged;
      for (const failure of one.failed) result.failed.push({ index, error: failure.error });
    } catch (error) {
      lastError = error;
      log().error({ err: error, accountId, conversation: record.externalId }, 'import: a conversation could not be stored');
      result.failed.push({ index, error: 'could not be stored (internal error, logged on the server)' });
    }
  }
  // Not one record could be stored on its own: the database is failing, not the data. That is an
  // error of the import, not a thousand rejected lines.
  if (result.failed.length === records.length) throw lastError;
  return result;
}

/** New or changed conversations moved the account's data version on: every process must see the new one. */
async function announceWritten(db: Database, accountId: number, written: WriteResult): Promise<void> {
  if (written.imported + written.updated > 0) await announceChange(db, accountId);
}

async function writeBatch(tx: Transaction, dialect: SqlDialect, accountId: number, given: ConversationRecord[]): Promise<WriteResult> {
  // Before the first read: the rollups are kept by adding what changed, which needs the stored rows
  // read here to stay as they are until this transaction commits.
  await lockAccountForWriting(tx, accountId);
  const refused = await beyondPropertyLimit(tx, accountId, given);
  const records = refused.size === 0 ? given : given.filter((_, index) => !refused.has(index));
  const failed = [...refused].map(([index, error]) => ({ index, error }));
  const written = await writeAccepted(tx, dialect, accountId, records);
  return { ...written, failed };
}

/**
 * The records that would take the account past its number of custom property names
 * (docs/import-format.md), by index, with the reason. Names are never removed once seen, so the cap
 * is what keeps one runaway export from creating thousands of them.
 */
async function beyondPropertyLimit(tx: Queryable, accountId: number, records: readonly ConversationRecord[]): Promise<Map<number, string>> {
  const refused = new Map<number, string>();
  const names = new Set(records.flatMap((r) => r.properties.map((p) => p.name)));
  if (names.size === 0) return refused;
  const known = new Set<string>();
  await inChunks([...names], 1000, async (chunk) => {
    const rows = await select(tx, sql`SELECT name FROM custom_properties WHERE account_id = ${accountId} AND name IN (${list(chunk)})`, { name: column.text });
    for (const row of rows) known.add(row.name);
  });
  if (known.size === names.size) return refused;
  const row = await selectOne(tx, sql`SELECT COUNT(*) AS n FROM custom_properties WHERE account_id = ${accountId}`, { n: column.count });
  let count = row?.n ?? 0;
  const max = IMPORT_LIMITS.propertiesPerAccount;
  records.forEach((record, index) => {
    const added = [...new Set(record.properties.map((p) => p.name))].filter((name) => !known.has(name));
    if (added.length === 0) return;
    if (count + added.length > max) {
      refused.set(index, `properties: the account has ${count} custom properties, the most it may have is ${max}; this conversation would add ${added.length} more (${added.slice(0, 3).map((n) => JSON.stringify(n)).join(', ')}${added.length > 3 ? ', ...' : ''})`);
      return;
    }
    for (const name of added) known.add(name);
    count += added.length;
  });
  return refused;
}

async function writeAccepted(tx: Transaction, dialect: SqlDialect, accountId: number, records: ConversationRecord[]): Promise<WriteResult> {
  if (records.length === 0) return { imported: 0, updated: 0, unchanged: 0, failed: [] };
  // The last record of each id, in the order of those last records: later lines win.
  const latest = new Map<string, ConversationRecord>();
  for (const record of records) {
    latest.delete(record.externalId);
    latest.set(record.externalId, record);
  }
  const stored = await existingHashes(tx, accountId, [...latest.keys()]);
  const result: WriteResult = { imported: 0, updated: 0, unchanged: 0, failed: [] };
  const current = new Map(stored);
  for (const record of records) {
    const before = current.get(record.externalId);
    if (before === undefined) result.imported++;
    else if (before === record.contentHash) result.unchanged++;
    else result.updated++;
    current.set(record.externalId, record.contentHash);
  }
  const changed = [...latest.values()].filter((r) => stored.get(r.externalId) !== r.contentHash);
  const updatedIds = changed.filter((r) => stored.has(r.externalId)).map((r) => r.externalId);

  // Unchanged conversations still name their assignee, inbox, team and chatflow: a name given
  // by a later line wins even when that line's conversation is identical to the stored one. Every
  // record counts, superseded ones too, so names do not depend on where batches begin and end.
  const directoryChanged = await writeDirectory(tx, dialect, accountId, records);
  if (changed.length === 0 && !directoryChanged) return result;

  if (updatedIds.length > 0) {
    for (const table of ['messages', 'conversation_properties']) {
      await inChunks(updatedIds, dialect.maxParams - 1, (ids) =>
        tx.query(sql`DELETE FROM ${identifier(table)} WHERE account_id = ${accountId} AND conversation_id IN (${list(ids)})`),
      );
    }
  }
  // Reads the stored versions of the updated conversations, so it comes before they are replaced.
  await installedBeforeReplace()(tx, dialect, accountId, updatedIds, changed);
  const now = toDbInstant(new Date());
  const conversationRows = changed.map((r) => conversationRow(accountId, r, now));
  if (conversationRows.length >= LOAD_DATA_MIN_ROWS) {
    // A bulk load only appends: the stored versions go first (their messages and properties went
    // above), which leaves the same rows as the upsert, every column being given.
    await inChunks(updatedIds, dialect.maxParams - 1, (ids) =>
      tx.query(sql`DELETE FROM conversations WHERE account_id = ${accountId} AND external_id IN (${list(ids)})`),
    );
    await appendRows(tx, dialect, 'conversations', CONVERSATION_COLUMNS, conversationRows);
  } else {
    await insertRows(tx, dialect, 'conversations', CONVERSATION_COLUMNS, ['account_id', 'external_id'], conversationRows, true);
  }
  const messageRows = changed.flatMap((r) =>
    r.messages.map((m, position) => [accountId, r.externalId, position, m.externalId, m.sender, m.agentId, m.sentAt]),
  );
  await appendRows(tx, dialect, 'messages', MESSAGE_COLUMNS, messageRows);
  const propertyRows = changed.flatMap((r) => r.properties.map((p) => [accountId, r.externalId, p.name, p.text, p.number]));
  await appendRows(tx, dialect, 'conversation_properties', PROPERTY_COLUMNS, propertyRows);
  await writeCustomPropertyTypes(tx, dialect, accountId, changed);
  await tx.query(sql`UPDATE accounts SET data_version = data_version + 1 WHERE id = ${accountId}`);
  return result;
}

function conversationRow(accountId: number, r: ConversationRecord, now: string): unknown[] {
  return [
    accountId, r.externalId, r.channel, r.status, r.inbox.id, r.assignee?.id ?? null, r.team?.id ?? null,
    r.chatflow?.id ?? null, r.pageUrl, r.subject, r.contactEmail, r.contactName, r.createdAt, r.closedAt,
    r.firstResponseAt, r.firstResponseMs, r.timeToCloseMs, r.messages.length, r.contentHash, now, pageUrlPath(r.pageUrl),
  ];
}

async function existingHashes(tx: Queryable, accountId: number, ids: string[]): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  await inChunks(ids, 1000, async (chunk) => {
    const rows = await select(tx, sql`SELECT external_id, content_hash FROM conversations WHERE account_id = ${accountId} AND external_id IN (${list(chunk)})`, {
      external_id: column.text,
      content_hash: column.text,
    });
    for (const row of rows) hashes.set(row.external_id, row.content_hash);
  });
  return hashes;
}

/**
 * Upserts the assignees, inboxes, teams and chatflows the records name, where the name (or an
 * agent's email) differs from the stored one. Returns whether any changed.
 * Names are never wiped: a reference without a name keeps the stored one, and a new id given
 * without a name is stored under its id until a name arrives. The last name given in the batch
 * wins; a later reference by id alone does not undo it. An agent's email follows the same rule,
 * except that an explicit null clears it.
 */
async function writeDirectory(tx: Queryable, dialect: SqlDialect, accountId: number, records: readonly ConversationRecord[]): Promise<boolean> {
  /** What the batch says: null name, undefined email: not given. */
  type Given = { name: string | null; email?: string | null };
  type Entry = { name: string; email: string | null };
  const wanted: Record<DirectoryKind, Map<string, Given>> = { assignee: new Map(), inbox: new Map(), team: new Map(), chatflow: new Map() };
  const mention = (kind: DirectoryKind, id: string, given: Given) => {
    const before = wanted[kind].get(id);
    wanted[kind].set(id, { name: given.name ?? before?.name ?? null, email: given.email !== undefined ? given.email : before?.email });
  };
  for (const r of records) {
    mention('inbox', r.inbox.id, r.inbox);
    if (r.assignee) mention('assignee', r.assignee.id, r.assignee);
    if (r.team) mention('team', r.team.id, r.team);
    if (r.chatflow) mention('chatflow', r.chatflow.id, r.chatflow);
  }
  const kinds = Object.keys(wanted) as DirectoryKind[];
  const stored = new Map(kinds.map((kind) => [kind, new Map<string, Entry>()]));
  // One round trip for all four tables: a batch names only a handful of each.
  const pairs = kinds.flatMap((kind) => [...wanted[kind].keys()].map((id) => [kind, id] as const));
  await inChunks(pairs, 1000, async (chunk) => {
    const selects: Sql[] = [];
    for (const kind of kinds) {
      const ids = chunk.filter(([k]) => k === kind).map(([, id]) => id);
      if (ids.length === 0) continue;
      const email = raw(kind === 'assignee' ? 'email' : 'NULL');
      selects.push(sql`SELECT ${raw(`'${kind}'`)} AS kind, external_id, name, ${email} AS email FROM ${identifier(DIRECTORY_TABLES[kind])} WHERE account_id = ${accountId} AND external_id IN (${list(ids)})`);
    }
    const rows = await select(tx, join(selects, ' UNION ALL '), { kind: column.oneOf<DirectoryKind>(kinds), external_id: column.text, name: column.text, email: column.nullableText });
    for (const row of rows) stored.get(row.kind)?.set(row.external_id, { name: row.name, email: row.email ?? null });
  });
  let changed = false;
  for (const kind of kinds) {
    const withEmail = kind === 'assignee';
    const rows: unknown[][] = [];
    for (const [id, given] of wanted[kind]) {
      const have = stored.get(kind)?.get(id);
      const want: Entry = { name: given.name ?? have?.name ?? id, email: given.email !== undefined ? given.email : (have?.email ?? null) };
      if (have && have.name === want.name && (!withEmail || have.email === want.email)) continue;
      rows.push(withEmail ? [accountId, id, want.name, want.email] : [accountId, id, want.name]);
    }
    if (rows.length === 0) continue;
    changed = true;
    const columns = withEmail ? ['account_id', 'external_id', 'name', 'email'] : ['account_id', 'external_id', 'name'];
    await insertRows(tx, dialect, DIRECTORY_TABLES[kind], columns, ['account_id', 'external_id'], rows, true);
  }
  return changed;
}

/** A property seen with values of different types becomes STRING: every value has a text form. */
async function writeCustomPropertyTypes(tx: Queryable, dialect: SqlDialect, accountId: number, records: ConversationRecord[]): Promise<void> {
  const seen = new Map<string, CustomPropertyType>();
  for (const r of records) {
    for (const p of r.properties) {
      const before = seen.get(p.name);
      seen.set(p.name, before && before !== p.type ? 'STRING' : p.type);
    }
  }
  if (seen.size === 0) return;
  const known = new Map<string, CustomPropertyType>();
  await inChunks([...seen.keys()], 1000, async (names) => {
    const rows = await select(tx, sql`SELECT name, type FROM custom_properties WHERE account_id = ${accountId} AND name IN (${list(names)})`, {
      name: column.text,
      type: column.oneOf<CustomPropertyType>(CUSTOM_PROPERTY_TYPES),
    });
    for (const { name, type } of rows) known.set(name, type);
  });
  const rows: unknown[][] = [];
  for (const [name, type] of seen) {
    const before = known.get(name);
    if (before === type || before === 'STRING') continue;
    rows.push([accountId, name, before === undefined ? type : 'STRING']);
  }
  await insertRows(tx, dialect, 'custom_properties', ['account_id', 'name', 'type'], ['account_id', 'name'], rows, true);
}

/** Rows whose keys are not stored: bulk-loaded where the store can and there are enough, else INSERTed. */
async function appendRows(tx: Transaction, dialect: SqlDialect, table: string, columns: readonly string[], rows: unknown[][]): Promise<void> {
  if (rows.length >= LOAD_DATA_MIN_ROWS && (await tx.loadRows(table, columns, rows))) return;
  await insertRows(tx, dialect, table, columns, [], rows, false);
}

async function insertRows(
  tx: Queryable,
  dialect: SqlDialect,
  table: string,
  columns: readonly string[],
  keyColumns: readonly string[],
  rows: unknown[][],
  upsert: boolean,
): Promise<void> {
  if (rows.length === 0) return;
  const updateColumns = upsert ? columns.filter((c) => !keyColumns.includes(c)) : [];
  const rowsPerStatement = Math.max(1, Math.floor(dialect.maxParams / columns.length));
  const send = (chunk: readonly unknown[][]) =>
    tx.query(upsert ? dialect.upsert(table, columns, keyColumns, updateColumns, chunk) : sql`INSERT INTO ${identifier(table)} (${identifiers(columns)}) VALUES ${valueRows(chunk)}`);
  let chunk: unknown[][] = [];
  let size = 0;
  for (const row of rows) {
    let rowSize = 0;
    for (const value of row) rowSize += typeof value === 'string' ? value.length * 3 + 8 : 24;
    if (chunk.length > 0 && (chunk.length === rowsPerStatement || size + rowSize > MAX_STATEMENT_BYTES)) {
      await send(chunk);
      chunk = [];
      size = 0;
    }
    chunk.push(row);
    size += rowSize;
  }
  await send(chunk);
}

async function inChunks<T>(items: T[], size: number, work: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await work(items.slice(i, i + size));
}
