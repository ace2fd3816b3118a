import { Database, Queryable, ReportReader } from '../db/database';
import { sql } from '../db/sql';
import { column, selectOne } from '../db/rows';

/**
 * Which data a report's numbers are of: the database (by its random identity, table
 * database_identity) and the account's data version in it. Every import or ingest that changes
 * the account's data moves the version on, in the same transaction as the data. Cached reports are
 * keyed by both, and a read replica holds an account's latest data when its copy of them has
 * caught up with the primary's.
 */
export interface DataVersion {
  databaseIdentity: string;
  version: number;
}

/** The account's data version as `db` (the primary, a replica, a snapshot) holds it; null for no such account. */
export async function readDataVersion(db: Queryable, accountId: number): Promise<DataVersion | null> {
  const row = await selectOne(db, sql`SELECT a.data_version, d.identity AS database_identity FROM accounts a JOIN database_identity d ON d.id = 1 WHERE a.id = ${accountId}`, {
    data_version: column.number,
    database_identity: column.nullableText,
  });
  return row && row.database_identity ? { databaseIdentity: row.database_identity, version: row.data_version } : null;
}

/** The version a request read with its viewer, if it did (viewers built in-process have none). */
export function knownDataVersion(account: { dataVersion?: number; databaseIdentity?: string }): DataVersion | undefined {
  const { dataVersion, databaseIdentity } = account;
  return dataVersion !== undefined && databaseIdentity !== undefined ? { version: dataVersion, databaseIdentity } : undefined;
}

/** Whether `held` (a replica's) is at least `needed` (the primary's) of the same database. */
function holds(held: DataVersion | null, needed: DataVersion): boolean {
  return held !== null && held.databaseIdentity === needed.databaseIdentity && held.version >= needed.version;
}

/**
 * Runs the reads of one report at one data version of the account, and says which version the
 * result is of. With read replicas: on one of them, in one consistent snapshot with the version
 * read in that snapshot, when it holds at least `atLeast` (the version the request saw on the
 * primary; unset: read there now). A replica that lags behind it, or does not answer, leaves the
 * work to the primary, where the data is `atLeast` or newer. So a result is never older than the
 * version it is said to be of, and never mixes two versions read on a replica. It runs in one of the
 * account's turns (Database.inAccountTurn), taken before a replica's connection is.
 */
export function readAtVersion<T>(db: Database, accountId: number, atLeast: DataVersion | undefined, work: (reader: ReportReader) => Promise<T>): Promise<{ value: T; version: DataVersion | null }> {
  return db.inAccountTurn(accountId, () => readAtVersionNow(db, accountId, atLeast, work));
}

async function readAtVersionNow<T>(db: Database, accountId: number, atLeast: DataVersion | undefined, work: (reader: ReportReader) => Promise<T>): Promise<{ value: T; version: DataVersion | null }> {
  const needed = atLeast ?? (db.replicas ? await readDataVersion(db, accountId) : null);
  if (db.replicas && needed !== null) {
    const outcome = await db.replicas.snapshot(async (reader) => {
      const version = await readDataVersion(reader, accountId);
      return version !== null && holds(version, needed) ? { value: await work(reader), version } : null;
    });
    if (outcome?.value) return outcome.value;
  }
  return { value: await work(db), version: needed };
}

/**
 * Where a drill-down or conversation list reads: a replica that holds at least `atLeast` of the
 * account's data (unset: the primary's version now), else the primary. Its statements run one by
 * one (a page's total count is asked for later), so unlike a report they are not one snapshot.
 */
export async function listingReader(db: Database, accountId: number, atLeast: DataVersion | undefined): Promise<ReportReader> {
  if (!db.replicas) return db;
  const needed = atLeast ?? (await readDataVersion(db, accountId));
  const reader = db.replicas.reader();
  return needed !== null && holds(await readDataVersion(reader, accountId), needed) ? reader : db;
}

/**
 * Holds the account's row lock until the transaction ends. MariaDB: a second writer of the same
 * account waits here, before its first read, so it reads what the first one committed (InnoDB
 * takes a transaction's snapshot at its first plain read). SQLite has one writer at a time anyway.
 * Setting a column to itself changes nothing but takes the lock in both stores.
 */
export async function lockAccountForWriting(tx: Queryable, accountId: number): Promise<void> {
  await tx.query(sql`UPDATE accounts SET data_version = data_version WHERE id = ${accountId}`);
}
