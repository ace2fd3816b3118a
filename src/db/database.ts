import 'reflect-metadata';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSource, QueryRunner } from 'typeorm';
import { createConnection } from 'mysql2/promise';
import { DatabaseConfig, parseDatabaseUrl } from '../config';
import { SqlDialect } from './dialect';
import { mysqlDialect } from './dialects/mysql';
import { sqliteDialect } from './dialects/sqlite';
import { ENTITIES } from './entities';
import { MIGRATIONS } from '../../migrations';

/** Something that runs SQL with bound parameters: the database, or one open transaction. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

export interface Database extends Queryable {
  readonly dataSource: DataSource;
  readonly dialect: SqlDialect;
  readonly config: DatabaseConfig;
  /**
   * Runs `work` in one transaction: all of it is written or none. SQLite has one connection,
   * so its transactions are queued one after another; MariaDB's are retried on deadlock.
   */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Apply pending migrations (every CLI command does). Default true. */
  migrate?: boolean;
  /**
   * Called as every SQL statement starts (tests count queries with it); a function it returns is
   * called when the statement settles (tests see which queries overlap).
   */
  onQuery?: (sql: string) => unknown;
}

/** Opens the database named by a DATABASE_URL (unset: the embedded SQLite default). */
export async function openDatabase(url: string | undefined, options: OpenOptions = {}): Promise<Database> {
  const config = parseDatabaseUrl(url);
  const dataSource = config.kind === 'sqlite' ? sqliteDataSource(config.file) : await mysqlDataSource(config);
  await dataSource.initialize();
  if (config.kind === 'sqlite') {
    // WAL lets the server read while an import writes; foreign keys are not used.
    await dataSource.query('PRAGMA journal_mode = WAL');
    await dataSource.query('PRAGMA busy_timeout = 5000');
    registerSqliteFunctions(dataSource);
  }
  if (options.migrate !== false) await dataSource.runMigrations({ transaction: 'each' });
  const dialect = config.kind === 'sqlite' ? sqliteDialect : mysqlDialect;
  const run = async <T>(runner: QueryRunner | undefined, sql: string, params: readonly unknown[] = []) => {
    const settled = options.onQuery?.(sql);
    try {
      return (await dataSource.query(sql, params.map(bindable), runner)) as T[];
    } finally {
      if (typeof settled === 'function') settled();
    }
  };
  let queue: Promise<unknown> = Promise.resolve();
  const inTransaction = async <T>(work: (tx: Queryable) => Promise<T>): Promise<T> => {
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      try {
        const result = await work({ query: (sql, params) => run(runner, sql, params) });
        await runner.commitTransaction();
        return result;
      } catch (error) {
        await runner.rollbackTransaction();
        throw error;
      }
    } finally {
      await runner.release();
    }
  };
  return {
    dataSource,
    dialect,
    config,
    query: (sql, params) => run(undefined, sql, params),
    transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
      if (config.kind === 'sqlite') {
        const next = queue.then(() => inTransaction(work));
        queue = next.catch(() => undefined);
        return next;
      }
      return withDeadlockRetry(() => inTransaction(work));
    },
    async close() {
      if (dataSource.isInitialized) await dataSource.destroy();
    },
  };
}

/**
 * SQLite's LOWER and LIKE fold ASCII only; MariaDB folds every letter. `unicode_lower` lets
 * case-insensitive filters match `ÉCOLE` for `école` on both stores alike.
 */
function registerSqliteFunctions(dataSource: DataSource): void {
  const connection = (dataSource.driver as unknown as { databaseConnection: { function(name: string, options: object, fn: (value: unknown) => unknown): void } }).databaseConnection;
  connection.function('unicode_lower', { deterministic: true }, (value) => (typeof value === 'string' ? value.toLowerCase() : value));
}

function sqliteDataSource(file: string): DataSource {
  if (file !== ':memory:') {
    mkdirSync(dirname(file), { recursive: true });
    // Every conversation and token hash is in it: a new database file is its owner's alone (SQLite
    // gives its -wal and -shm files the same mode). An existing file keeps the mode it was given.
    closeSync(openSync(file, 'a', 0o600));
  }
  return new DataSource({
    type: 'better-sqlite3',
    database: file,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    synchronize: false,
  });
}

async function mysqlDataSource(config: Extract<DatabaseConfig, { kind: 'mysql' }>): Promise<DataSource> {
  await ensureMysqlDatabase(config);
  return new DataSource({
    type: 'mysql',
    host: config.host,
    port: config.port,
    username: config.user,
    password: config.password,
    database: config.database,
    charset: 'utf8mb4_bin',
    // Instants are stored as UTC DATETIME(3): without "Z" mysql2 would shift them by the
    // Node process's timezone.
    timezone: 'Z',
    supportBigNumbers: true,
    bigNumberStrings: false,
    // mysql2 returns DECIMAL (e.g. SUM of a BIGINT) as strings unless told otherwise.
    extra: { decimalNumbers: true, connectionLimit: 10 },
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    synchronize: false,
  });
}

/** A DATABASE_URL may name a database that does not exist yet: create it, as `migrate` would expect. */
async function ensureMysqlDatabase(config: Extract<DatabaseConfig, { kind: 'mysql' }>): Promise<void> {
  const connection = await createConnection({
    host: config.host,
    port: config.port,
    user: config.user,
    password: config.password,
  });
  try {
    await connection.query(
      `CREATE DATABASE IF NOT EXISTS \`${config.database.replace(/`/g, '``')}\` CHARACTER SET utf8mb4`,
    );
  } finally {
    await connection.end();
  }
}

/** InnoDB may pick a concurrent import as a deadlock victim; the whole transaction is safe to redo. */
async function withDeadlockRetry<T>(work: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const code = (error as { driverError?: { code?: string } }).driverError?.code;
      const retriable = code === 'ER_LOCK_DEADLOCK' || code === 'ER_LOCK_WAIT_TIMEOUT';
      if (!retriable || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt));
    }
  }
}

/** better-sqlite3 binds neither booleans nor Dates; both drivers accept these forms. */
function bindable(value: unknown): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return toDbInstant(value);
  if (value === undefined) return null;
  return value;
}

/** Whether both stores can keep this instant (epoch milliseconds): years 1000 to 9999, as toDbInstant writes them. */
export function isDbInstant(ms: number): boolean {
  return Number.isSafeInteger(ms) && ms >= FIRST_DB_INSTANT && ms < END_DB_INSTANT;
}

const FIRST_DB_INSTANT = Date.UTC(1000, 0, 1);
const END_DB_INSTANT = Date.UTC(10000, 0, 1);

/** The text form both stores accept for an instant: 'YYYY-MM-DD HH:MM:SS.mmm' in UTC. */
export function toDbInstant(date: Date): string {
  // Called for every instant an import writes: built from the UTC fields, which is several times
  // faster than slicing toISOString(). Years outside 1000-9999 do not fit DATETIME anyway.
  const year = date.getUTCFullYear();
  if (!(year >= 1000 && year <= 9999)) throw new RangeError(`Instant out of range (years 1000-9999): ${date.getTime()}`);
  const ms = date.getUTCMilliseconds();
  return `${year}-${two(date.getUTCMonth() + 1)}-${two(date.getUTCDate())} ${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}.${ms < 10 ? '00' : ms < 100 ? '0' : ''}${ms}`;
}

function two(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Reads an instant as either driver returns it (mysql2: Date; SQLite: UTC text). */
export function fromDbInstant(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  if (typeof value === 'string') return new Date(value.includes('T') ? value : `${value.replace(' ', 'T')}Z`);
  throw new Error(`Not an instant: ${String(value)}`);
}

/** mysql2 may return counts and sums as strings or bigints; SQLite returns numbers. */
export function toNumber(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint' || typeof value === 'string') return Number(value);
  throw new Error(`Not a number: ${String(value)}`);
}
