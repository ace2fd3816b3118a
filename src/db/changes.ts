import { randomUUID } from 'node:crypto';
import { settings } from '../config';
import type { Database } from './database';
import { BestEffortRedis } from './redis';

/**
 * Change stamps: what lets a process hold an account's tokens and data version in memory and still
 * see, on the very next request, a change made by any process — a token revoked, a user
 * deactivated or demoted, conversations imported.
 *
 * A stamp is read before the database is, and a value held in memory is used only while the stamp
 * it was read under is still the current one:
 * - SQLite: `data_version` (moves on when another connection commits to the file) and
 *   `total_changes()` (rows this connection changed), read in-process without I/O. Any write by
 *   anyone moves the stamp, so it is correct without any announcement.
 * - MariaDB with `REDIS_URL`: one Redis key per account, set to a fresh random value by every
 *   change after it commits (announceChange). A random value rather than a counter: a restarted
 *   Redis that lost its keys can never show an old stamp again. A missing key is no stamp.
 * - MariaDB without Redis: no stamp, so nothing is held; every request reads the database.
 * Every process that writes to the database must use the same Redis (the CLI reads REDIS_URL too).
 */
export interface ChangeStamps {
  /** The current stamp of an account's tokens and data; null when it cannot be known (hold nothing). */
  stamp(accountId: number): Promise<string | null>;
  /** After a committed change of the account: moves its stamp on. */
  announce(accountId: number): Promise<void>;
  close(): Promise<void>;
}

/** Set again on any change; a key that expires is just no stamp for one request. */
const STAMP_TTL_SECONDS = 24 * 3600;
/** Waiting longer than this for Redis costs more than the database lookup it saves. */

const feeds = new WeakMap<Database, ChangeStamps>();
type Listener = (accountId: number) => void;
const listeners = new WeakMap<Database, Set<Listener>>();

/** The stamps of `db` in this process, set up on first use (REDIS_URL from the settings). */
export function changeStamps(db: Database, redisUrlSetting: string | undefined = settings().redisUrl): ChangeStamps {
  let feed = feeds.get(db);
  if (!feed) {
    const redisUrl = redisUrlSetting?.trim();
    if (db.config.kind === 'sqlite') feed = sqliteStamps(db);
    else if (redisUrl) feed = new RedisStamps(redisUrl, `threadline:changes:${db.config.host}:${db.config.port}/${db.config.database}:`);
    else feed = NO_STAMPS;
    feeds.set(db, feed);
  }
  return feed;
}

/**
 * Says that an account's tokens, users or data changed and the change is committed: in-memory
 * copies in this process are dropped at once, and other processes see a new stamp.
 */
export async function announceChange(db: Database, accountId: number): Promise<void> {
  for (const listener of listeners.get(db) ?? []) listener(accountId);
  await changeStamps(db).announce(accountId);
}

/** Calls `listener` with the account of every change this process announces on `db`. */
export function onChange(db: Database, listener: Listener): void {
  let set = listeners.get(db);
  if (!set) listeners.set(db, (set = new Set()));
  set.add(listener);
}

/** Quits Redis when the database closes (a CLI command would otherwise not exit). */
export async function closeChangeStamps(db: Database): Promise<void> {
  const feed = feeds.get(db);
  feeds.delete(db);
  listeners.delete(db);
  await feed?.close();
}

const NO_STAMPS: ChangeStamps = {
  stamp: async () => null,
  announce: async () => undefined,
  close: async () => undefined,
};

interface SqliteConnection {
  open: boolean;
  prepare(sql: string): { get(): unknown };
}

function sqliteStamps(db: Database): ChangeStamps {
  const connection = (db.dataSource.driver as unknown as { databaseConnection: SqliteConnection }).databaseConnection;
  const statement = connection.prepare('SELECT data_version AS v, total_changes() AS t FROM pragma_data_version');
  return {
    stamp: async () => {
      if (!connection.open) return null;
      const row = statement.get() as { v: number; t: number };
      return `${row.v}:${row.t}`;
    },
    announce: async () => undefined,
    close: async () => undefined,
  };
}

class RedisStamps implements ChangeStamps {
  private readonly redis: BestEffortRedis;

  constructor(url: string, private readonly prefix: string) {
    this.redis = new BestEffortRedis(url, { role: 'change stamps', meanwhile: 'reading tokens from the database' });
  }

  async stamp(accountId: number): Promise<string | null> {
    const key = this.prefix + accountId;
    return this.redis.attempt(async (client) => {
      const value = await client.get(key);
      if (value !== null) return value;
      // No stamp yet (or Redis lost it): set one, unless another process just did, and use that.
      await client.set(key, randomUUID(), 'EX', STAMP_TTL_SECONDS, 'NX');
      return await client.get(key);
    }, null);
  }

  async announce(accountId: number): Promise<void> {
    // On failure, processes that hold this account's tokens see the change within TOKEN_CACHE_TTL_MS at the latest.
    await this.redis.attempt(async (client) => void (await client.set(this.prefix + accountId, randomUUID(), 'EX', STAMP_TTL_SECONDS)), undefined);
  }

  close(): Promise<void> {
    return this.redis.close();
  }
}
