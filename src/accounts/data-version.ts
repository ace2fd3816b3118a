import { Database, Queryable, toNumber } from '../db/database';

/**
 * An account's data version: every import or ingest that changes its data moves it on, in the
 * same transaction as the data. Cached reports are keyed by it, and a read replica is known to
 * hold an account's latest data when its copy of the version has caught up with the primary's.
 */

/** The account's data version as `db` (the primary, a replica, a snapshot) holds it; null for no such account. */
export async function readDataVersion(db: Queryable, accountId: number): Promise<number | null> {
  const [row] = await db.query<{ data_version: unknown }>('SELECT data_version FROM accounts WHERE id = ?', [accountId]);
  return row ? toNumber(row.data_version) : null;
}

/**
 * Runs the reads of one report at one data version of the account, and says which version the
 * result is of. With read replicas: on one of them, in one consistent snapshot with the version
 * read in that snapshot, when it holds at least `atLeast` (the version the request saw on the
 * primary; unset: read there now). A replica that lags behind it, or does not answer, leaves the
 * work to the primary, where the data is `atLeast` or newer. So a result is never older than the
 * version it is said to be of, and never mixes two versions read on a replica.
 */
export async function readAtVersion<T>(db: Database, accountId: number, atLeast: number | undefined, work: (reader: Queryable) => Promise<T>): Promise<{ value: T; version: number | null }> {
  const needed = atLeast ?? (db.replicas ? await readDataVersion(db, accountId) : null);
  if (db.replicas && needed !== null) {
    const outcome = await db.replicas.snapshot(async (reader) => {
      const version = await readDataVersion(reader, accountId);
      return version !== null && version >= needed ? { value: await work(reader), version } : null;
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
export async function listingReader(db: Database, accountId: number, atLeast: number | undefined): Promise<Queryable> {
  if (!db.replicas) return db;
  const needed = atLeast ?? (await readDataVersion(db, accountId));
  const reader = db.replicas.reader();
  const version = await readDataVersion(reader, accountId);
  return needed !== null && version !== null && version >= needed ? reader : db;
}
