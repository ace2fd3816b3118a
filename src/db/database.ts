import 'reflect-metadata';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSource, QueryRunner } from 'typeorm';
import { createConnection } from 'mysql2/promise';
import { AccountReportLimits, DatabaseConfig, DatabaseTimeouts, parseDatabaseUrl, settings } from '../config';
import { QueryTimeout, ServiceUnavailable } from '../errors';
import { QueryTimedOut, SqliteReaders } from './sqlite-readers';
import { ReportTurns } from './report-turns';
import { Slots } from './slots';
import { closeChangeStamps } from './changes';
import { InfileConnection, LoadDataRefused, loadRows } from './load-data';
import { SqlDialect } from './dialect';
import { identifier, identifiers, Sql, sql } from './sql';

export { fromDbInstant, toNumber } from './driver-values';
import { addedOnDuplicate, mysqlDialect } from './dialects/mysql';
import { sqliteDialect } from './dialects/sqlite';
import { ENTITIES } from './entities';
import { MIGRATIONS } from '../../migrations';

/**
 * A statement: SQL built with the `sql` tag (src/db/sql.ts), values bound. Plain text with
 * separate parameters is for tests and migrations only; src/ never writes a `?` by hand
 * (test/project/sql.test.ts checks).
 */
export type Statement = Sql | string;

/** Something that runs SQL with bound parameters: the database, or one open transaction. */
export interface Queryable {
  query<T = Record<string, unknown>>(statement: Statement, params?: readonly unknown[]): Promise<T[]>;
}

/** What a report, drill-down or conversation list reads through: the database, or a read replica. */
export interface ReportReader extends Queryable {
  /**
   * A read-only report, value-list or conversation-list query: stopped after
   * THREADLINE_QUERY_TIMEOUT_MS (the request answers TIMEOUT, the connection is freed), and on a
   * SQLite file run in a reader process so that it never blocks this one.
   */
  report<T = Record<string, unknown>>(statement: Statement, params?: readonly unknown[]): Promise<T[]>;
}

/** One open transaction. */
export interface Transaction extends Queryable {
  /**
   * Appends `rows` to `table` with LOAD DATA LOCAL INFILE, as part of this transaction (see
   * load-data.ts). Answers false, having written nothing, where that is not possible: on SQLite,
   * or when the server refuses it (local_infile=OFF; logged once, and not tried again): the caller
   * then INSERTs the rows. Table and column names come from code, never from input.
   */
  loadRows(table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]): Promise<boolean>;
  /**
   * Writes `rows` as SqlDialect.accumulate does (a row whose key is stored adds its `addColumns` to
   * the stored values), staged with LOAD DATA into a temporary table and merged in one statement.
   * False, having written nothing, where `loadRows` would answer false.
   */
  accumulateRows(table: string, columns: readonly string[], addColumns: readonly string[], rows: readonly (readonly unknown[])[]): Promise<boolean>;
}

export interface Database extends ReportReader {
  readonly dataSource: DataSource;
  readonly dialect: SqlDialect;
  readonly config: DatabaseConfig;
  /**
   * Runs `work` in one transaction: all of it is written or none. SQLite has one connection,
   * so its transactions are queued one after another; MariaDB's are retried on deadlock.
   */
  transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
  /** The read replicas of a MySQL primary (DATABASE_REPLICA_URLS); null without any. See ReadReplicas. */
  readonly replicas: ReadReplicas | null;
  /**
   * Runs one report, drill-down, value list or conversation page of the account (all its queries)
   * in one of the account's turns: at most THREADLINE_ACCOUNT_REPORTS_IN_FLIGHT at once, the others
   * wait (RATE_LIMITED past THREADLINE_ACCOUNT_REPORTS_QUEUED waiting; TIMEOUT past the query time
   * limit). See ReportTurns.
   */
  inAccountTurn<T>(accountId: number, work: () => Promise<T>): Promise<T>;
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
  /** How long statements may take; default from the settings. */
  timeouts?: DatabaseTimeouts;
  /** Where an outage is reported, once as it starts and once as it ends; default stderr. */
  log?: (message: string) => void;
  /** Reader processes for report queries on a SQLite file; default THREADLINE_SQLITE_READERS. */
  sqliteReaders?: number;
  /** Test hook: rewrites every report query before it runs (tests make one slow with it). */
  rewriteReport?: (sql: string) => string;
  /** Read replicas of a MySQL primary (config's replicaUrlsFrom); default none. */
  replicas?: readonly MysqlConfig[];
  /** Reports per account at once and waiting; default THREADLINE_ACCOUNT_REPORTS_IN_FLIGHT and _QUEUED. */
  accountReports?: AccountReportLimits;
}

type MysqlConfig = Extract<DatabaseConfig, { kind: 'mysql' }>;

/** Opens the database named by a DATABASE_URL (unset: the embedded SQLite default). */
export async function openDatabase(url: string | undefined, options: OpenOptions = {}): Promise<Database> {
  const config = parseDatabaseUrl(url);
  const timeouts = options.timeouts ?? settings().databaseTimeouts;
  const dataSource = config.kind === 'sqlite' ? sqliteDataSource(config.file) : await mysqlDataSource(config, timeouts.statementMs);
  await dataSource.initialize();
  if (config.kind === 'sqlite') {
    // WAL lets the server read while an import writes; foreign keys are not used.
    await dataSource.query('PRAGMA journal_mode = WAL');
    await dataSource.query('PRAGMA busy_timeout = 5000');
    registerSqliteFunctions(dataSource);
  }
  if (options.migrate !== false) await dataSource.runMigrations({ transaction: 'each' });
  const dialect = config.kind === 'sqlite' ? sqliteDialect : mysqlDialect;
  const log = options.log ?? ((message: string) => process.stderr.write(`threadline: ${message}\n`));
  const outage = new Outage(log);
  /**
   * One statement, on the transaction's runner or on a pooled connection of its own. Every wait is
   * bounded: a frozen server never answers, and without a limit a request would hang with it.
   */
  const run = async <T>(runner: QueryRunner | undefined, statement: Statement, given?: readonly unknown[]) => {
    const { sql, params } = textOf(statement, given);
    const settled = options.onQuery?.(sql);
    try {
      const values = params.map(bindable);
      let rows: T[];
      // SQLite answers on this thread (or reports SQLITE_BUSY after its busy timeout): nothing to bound.
      if (config.kind === 'sqlite') rows = (await dataSource.query(sql, values, runner)) as T[];
      else if (runner) rows = await bounded(runner.query(sql, values) as Promise<T[]>, timeouts.statementMs, () => discardConnection(runner));
      else rows = await onOwnConnection(dataSource, timeouts.statementMs, (own) => own.query(sql, values) as Promise<T[]>);
      outage.end();
      return rows;
    } catch (error) {
      throw outage.check(error);
    } finally {
      if (typeof settled === 'function') settled();
    }
  };
  // The server's own limit where it has one (MariaDB), so that it stops the statement and frees the
  // connection; our deadline, a little later, only catches a server that does not answer at all.
  const serverLimits = config.kind === 'mysql' && (await isMariadb(dataSource));
  const readerCount = options.sqliteReaders ?? settings().sqliteReaders;
  const readers = config.kind === 'sqlite' && config.file !== ':memory:' && readerCount > 0 ? new SqliteReaders({ file: config.file, size: readerCount }) : null;
  const reportSlots = new Slots(MYSQL_CONNECTIONS - CONNECTIONS_KEPT_FROM_REPORTS);
  const report = async <T>(statement: Statement, given?: readonly unknown[]): Promise<T[]> => {
    const { sql: text, params } = textOf(statement, given);
    const sql = options.rewriteReport ? options.rewriteReport(text) : text;
    const limitMs = timeouts.queryMs;
    const settled = options.onQuery?.(sql);
    try {
      const values = params.map(bindable);
      let rows: T[];
      if (readers) rows = await readers.run<T>(sql, values, limitMs);
      else if (config.kind === 'sqlite') rows = (await dataSource.query(sql, values)) as T[];
      else {
        const limited = serverLimits ? (dialect.limitStatementTime(sql, limitMs) ?? sql) : sql;
        const grace = serverLimits ? QUERY_LIMIT_GRACE_MS : 0;
        const release = await reportSlots.take(limitMs);
        try {
          rows = await onOwnConnection(dataSource, limitMs + grace, (own) => own.query(limited, values) as Promise<T[]>);
        } finally {
          release();
        }
      }
      outage.end();
      return rows;
    } catch (error) {
      if (error instanceof QueryTimedOut || isStatementTimeout(error) || (!serverLimits && config.kind === 'mysql' && error instanceof NoAnswer)) throw new QueryTimeout(limitMs);
      throw outage.check(error);
    } finally {
      if (typeof settled === 'function') settled();
    }
  };
  let loadDataRefused = config.kind === 'sqlite';
  /** LOAD DATA on the transaction's connection, bounded like every statement. */
  const load = async (runner: QueryRunner, table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]): Promise<boolean> => {
    if (loadDataRefused) return false;
    const settled = options.onQuery?.(`LOAD DATA LOCAL INFILE INTO ${table}`);
    try {
      const connection = (await runner.connect()) as InfileConnection;
      await bounded(loadRows(connection, table, columns, rows), timeouts.statementMs, () => discardConnection(runner));
      outage.end();
      return true;
    } catch (error) {
      if (!(error instanceof LoadDataRefused)) throw outage.check(error);
      // Refused before a row was read: the transaction goes on, with INSERTs from now on.
      loadDataRefused = true;
      log(`LOAD DATA LOCAL INFILE refused by the database server (${error.message}); imports write with INSERT instead`);
      return false;
    } finally {
      if (typeof settled === 'function') settled();
    }
  };
  const accumulate = async (runner: QueryRunner, table: string, columns: readonly string[], addColumns: readonly string[], rows: readonly (readonly unknown[])[]): Promise<boolean> => {
    if (loadDataRefused) return false;
    // A temporary table is the connection's own and commits nothing when created (MariaDB, MySQL);
    // it stays with the pooled connection, so it is emptied before each use.
    const staging = `${table}_staged`;
    await run(runner, sql`CREATE TEMPORARY TABLE IF NOT EXISTS ${identifier(staging)} LIKE ${identifier(table)}`);
    await run(runner, sql`DELETE FROM ${identifier(staging)}`);
    if (!(await load(runner, staging, columns, rows))) return false;
    const names = identifiers(columns);
    await run(runner, sql`INSERT INTO ${identifier(table)} (${names}) SELECT ${names} FROM ${identifier(staging)} ON DUPLICATE KEY UPDATE ${addedOnDuplicate(addColumns, table)}`);
    return true;
  };
  let queue: Promise<unknown> = Promise.resolve();
  const inTransaction = async <T>(work: (tx: Transaction) => Promise<T>): Promise<T> => {
    const runner = dataSource.createQueryRunner();
    const step = <R>(promise: Promise<R>) => (config.kind === 'sqlite' ? promise : bounded(promise, timeouts.statementMs, () => discardConnection(runner)));
    try {
      try {
        await step(runner.connect());
        await step(runner.startTransaction());
      } catch (error) {
        throw outage.check(error);
      }
      try {
        const result = await work({
          query: (statement, params) => run(runner, statement, params),
          loadRows: (table, columns, rows) => load(runner, table, columns, rows),
          accumulateRows: (table, columns, addColumns, rows) => accumulate(runner, table, columns, addColumns, rows),
        });
        await step(runner.commitTransaction()).catch((error: unknown) => Promise.reject(outage.check(error)));
        return result;
      } catch (error) {
        // On a discarded connection this fails at once; the server rolls back what it lost.
        await step(runner.rollbackTransaction()).catch(() => undefined);
        throw error;
      }
    } finally {
      await runner.release();
    }
  };
  const primary: ReportReader = { query: (statement, params) => run(undefined, statement, params), report };
  const replicas = config.kind === 'mysql' && options.replicas?.length ? new ReplicaSet(options.replicas, primary, timeouts, log) : null;
  const turns = new ReportTurns(options.accountReports ?? settings().accountReports, timeouts.queryMs);
  const db: Database = {
    dataSource,
    dialect,
    config,
    replicas,
    query: primary.query,
    report,
    inAccountTurn: (accountId, work) => turns.run(accountId, work),
    transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
      if (config.kind === 'sqlite') {
        const next = queue.then(() => inTransaction(work));
        queue = next.catch(() => undefined);
        return next;
      }
      return withDeadlockRetry(() => inTransaction(work));
    },
    async close() {
      await closeChangeStamps(db);
      await replicas?.close();
      await readers?.close();
      if (dataSource.isInitialized) await dataSource.destroy();
    },
  };
  return db;
}

const MYSQL_CONNECTIONS = 10;

/**
 * Pool connections report queries never take. Reports may each run for THREADLINE_QUERY_TIMEOUT_MS:
 * without this, ten slow reports sent at once (one client, well within its rate limit) held every
 * connection, and the health check, sign-ins and ingests of every account waited past
 * THREADLINE_DB_TIMEOUT_MS and answered SERVICE_UNAVAILABLE, as if the database were down.
 */
const CONNECTIONS_KEPT_FROM_REPORTS = 2;

/** How long past its own limit MariaDB may take to stop a statement before the server counts as not answering. */
const QUERY_LIMIT_GRACE_MS = 2000;

async function isMariadb(dataSource: DataSource): Promise<boolean> {
  const [row] = (await dataSource.query('SELECT VERSION() AS version')) as { version: string }[];
  return /mariadb/i.test(row?.version ?? '');
}

/** MariaDB stopped the statement at its max_statement_time (error 1969); the connection stays usable. */
function isStatementTimeout(error: unknown): boolean {
  const driverError = (error as { driverError?: { code?: string; errno?: number } } | null)?.driverError;
  return driverError?.code === 'ER_STATEMENT_TIMEOUT' || driverError?.errno === 1969;
}

/** A wait that ran out: the database is treated as unavailable. */
class NoAnswer extends Error {}

/**
 * Settles like `work`, or rejects with NoAnswer after `ms`; `expired` then gets rid of whatever is
 * still waiting (the connection), so that a late answer cannot reach the next user of it.
 */
async function bounded<T>(work: Promise<T>, ms: number, expired: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      expired();
      reject(new NoAnswer(`no answer within ${ms} ms`));
    }, ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** Takes a pooled connection, runs `work` on it, and gives it back; waiting for the pool counts toward `ms`. */
async function onOwnConnection<T>(dataSource: DataSource, ms: number, work: (runner: QueryRunner) => Promise<T>): Promise<T> {
  const runner = dataSource.createQueryRunner();
  try {
    return await bounded(
      runner.connect().then(() => work(runner)),
      ms,
      () => discardConnection(runner),
    );
  } finally {
    await runner.release();
  }
}

/**
 * Closes the runner's connection instead of returning it to the pool: its statement may still be
 * running on a frozen server, and its answer must not reach the next user. The pool opens a fresh
 * one when it needs it. A connection still being acquired is closed as it arrives.
 */
function discardConnection(runner: QueryRunner): void {
  void runner.connect().then(
    (connection: { destroy?: () => void }) => connection.destroy?.(),
    () => undefined,
  );
}

/**
 * Errors that say the database is not there (refused, reset, lost, shutting down, locked by
 * another process) rather than that the statement is wrong. mysql2 puts the code on the error;
 * TypeORM wraps it as `driverError`.
 */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN',
  'PROTOCOL_CONNECTION_LOST', 'PROTOCOL_SEQUENCE_TIMEOUT', 'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR', 'PROTOCOL_ENQUEUE_AFTER_QUIT',
  'ER_CON_COUNT_ERROR', 'ER_SERVER_SHUTDOWN', 'ER_CONNECTION_KILLED', 'ER_CLIENT_INTERACTION_TIMEOUT',
  'SQLITE_BUSY', 'SQLITE_CANTOPEN', 'SQLITE_IOERR',
]);

function unavailableReason(error: unknown): string | null {
  if (error instanceof NoAnswer) return error.message;
  if (typeof error !== 'object' || error === null) return null;
  const driverError = (error as { driverError?: unknown }).driverError;
  const code = (error as { code?: unknown }).code ?? (driverError as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || code.startsWith('SQLITE_IOERR'))) {
    return `${code}: ${((driverError as Error | undefined) ?? (error as Error)).message}`.split('\n')[0];
  }
  // mysql2 says this with no code when a released connection's socket is already gone.
  if (error instanceof Error && /connection is in closed state|Pool is closed/.test(error.message)) return error.message;
  return null;
}

/**
 * One outage, from the first statement the database does not answer to the first it answers
 * again: logged as it starts and as it ends, never once per request (an outage under load is
 * thousands of failed requests). Every statement in between answers SERVICE_UNAVAILABLE.
 */
class Outage {
  private since: number | null = null;

  constructor(private readonly log: (message: string) => void) {}

  /** The error to throw for `error`: SERVICE_UNAVAILABLE when the database is not there, else `error` itself. */
  check(error: unknown): unknown {
    const reason = unavailableReason(error);
    if (reason === null) return error;
    if (this.since === null) {
      this.since = Date.now();
      this.log(`database unavailable (${reason}); requests answer SERVICE_UNAVAILABLE until it is back`);
    }
    return new ServiceUnavailable();
  }

  end(): void {
    if (this.since === null) return;
    this.log(`database available again after ${((Date.now() - this.since) / 1000).toFixed(1)} s`);
    this.since = null;
  }
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

async function mysqlDataSource(config: MysqlConfig, connectTimeout: number): Promise<DataSource> {
  await ensureMysqlDatabase(config, connectTimeout);
  return new DataSource({ ...mysqlConnectionOptions(config, connectTimeout), entities: ENTITIES, migrations: MIGRATIONS, migrationsTableName: 'migrations' });
}

/** How every connection to a MariaDB or MySQL server is made, primary or replica: their rows must read alike. */
function mysqlConnectionOptions(config: MysqlConfig, connectTimeout: number) {
  return {
    type: 'mysql' as const,
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
    extra: { decimalNumbers: true, connectionLimit: MYSQL_CONNECTIONS, connectTimeout },
    synchronize: false,
  };
}

/** A DATABASE_URL may name a database that does not exist yet: create it, as `migrate` would expect. */
async function ensureMysqlDatabase(config: MysqlConfig, connectTimeout: number): Promise<void> {
  const connection = await createConnection({
    connectTimeout,
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
      // TypeORM wraps the driver's error; LOAD DATA (load-data.ts) throws mysql2's own.
      const code = (error as { driverError?: { code?: string } }).driverError?.code ?? (error as { code?: unknown }).code;
      const retriable = code === 'ER_LOCK_DEADLOCK' || code === 'ER_LOCK_WAIT_TIMEOUT';
      if (!retriable || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt));
    }
  }
}

/** The text and values of a statement: an Sql carries its own; plain text (tests, migrations) is given them. */
export function textOf(statement: Statement, params: readonly unknown[] = []): { sql: string; params: readonly unknown[] } {
  if (typeof statement === 'string') return { sql: statement, params };
  if (params.length > 0) throw new Error('An Sql statement carries its own values');
  return { sql: statement.text, params: statement.params };
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

// Read replicas ------------------------------------------------------------------------------------

/**
 * Read replicas of a MySQL primary (DATABASE_REPLICA_URLS, docs/scaling.md "Read replicas"). Only
 * reads that say so go here (reports, drill-downs, conversation lists); everything else, and every
 * write, stays on the primary. A replica lags behind its primary by an unknown amount, so callers
 * compare what it holds with what they need (the account's data version) and use the primary
 * instead when it is behind. A replica that does not answer is left alone for a moment and its
 * reads go to the primary: one log line as it goes, one as it is back, never an error to a user.
 */
export interface ReadReplicas {
  /**
   * Runs read-only `work` on one replica (round robin), in one transaction with a consistent
   * snapshot: every statement of `work` sees the replica as it was at one moment, so a transaction
   * the replica applies meanwhile is seen whole or not at all. Null when no replica answered, or
   * one stopped answering during `work`: then run `work` on the primary.
   */
  snapshot<T>(work: (reader: ReportReader) => Promise<T>): Promise<{ value: T } | null>;
  /**
   * One replica (round robin), statement by statement on pooled connections; from the first
   * statement it does not answer on, the primary. For reads that cannot share a transaction (a
   * page, and its total count asked for later).
   */
  reader(): ReportReader;
  close(): Promise<void>;
}

/** A replica that has not yet applied a migration of the primary: its reads go to the primary meanwhile. */
const REPLICA_BEHIND_CODES = new Set(['ER_NO_SUCH_TABLE', 'ER_BAD_FIELD_ERROR']);

function driverCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown }).code ?? (error as { driverError?: { code?: unknown } }).driverError?.code;
  return typeof code === 'string' ? code : undefined;
}

/** How long a replica that did not answer is left alone before a read tries it again. */
const REPLICA_RETRY_MS = 1000;

class ReplicaSet implements ReadReplicas {
  private readonly replicas: Replica[];
  private next = 0;

  constructor(configs: readonly MysqlConfig[], private readonly primary: ReportReader, timeouts: DatabaseTimeouts, log: (message: string) => void) {
    this.replicas = configs.map((config) => new Replica(config, timeouts, log));
  }

  async snapshot<T>(work: (reader: ReportReader) => Promise<T>): Promise<{ value: T } | null> {
    for (const replica of this.inTurn()) {
      const outcome = await replica.use(work, true);
      if (outcome) return outcome;
    }
    return null;
  }

  reader(): ReportReader {
    const [replica] = this.inTurn();
    // Once on the primary, always: a replica back a moment later may be behind what was read.
    let onPrimary = false;
    const statement = async <T>(run: (reader: ReportReader) => Promise<T[]>): Promise<T[]> => {
      const outcome = onPrimary ? null : await replica.use(run, false);
      if (outcome) return outcome.value;
      onPrimary = true;
      return run(this.primary);
    };
    return {
      query: <T>(sql: Statement, params?: readonly unknown[]) => statement((reader) => reader.query<T>(sql, params)),
      report: <T>(sql: Statement, params?: readonly unknown[]) => statement((reader) => reader.report<T>(sql, params)),
    };
  }

  async close(): Promise<void> {
    await Promise.all(this.replicas.map((replica) => replica.close()));
  }

  /** Every replica once, starting with the next in turn. */
  private inTurn(): Replica[] {
    const start = this.next++ % this.replicas.length;
    return [...this.replicas.slice(start), ...this.replicas.slice(0, start)];
  }
}

/** One replica: its pool opened on first use (a replica down at start-up stops nothing), and whether it answers. */
class Replica {
  private dataSource: DataSource | null = null;
  private opening: Promise<DataSource> | null = null;
  /** Whether it stops a report statement at its time limit itself (MariaDB's max_statement_time). */
  private serverLimits = false;
  private downSince: number | null = null;
  private retryAt = 0;
  private closed = false;

  constructor(
    private readonly config: MysqlConfig,
    private readonly timeouts: DatabaseTimeouts,
    private readonly log: (message: string) => void,
  ) {}

  /**
   * Runs `work` on a connection of its own, every statement bounded by its time limit as on the
   * primary (a report past THREADLINE_QUERY_TIMEOUT_MS answers TIMEOUT); in a read-only
   * consistent snapshot if asked. Null when the replica does not answer (also when it
   * stops during `work`), is still left alone after not answering, or lacks a table or column
   * the primary has (a migration not yet replicated); other errors are `work`'s.
   */
  async use<T>(work: (reader: ReportReader) => Promise<T>, snapshot: boolean): Promise<{ value: T } | null> {
    if (this.closed || Date.now() < this.retryAt) return null;
    let runner: QueryRunner | undefined;
    try {
      let reader: ReportReader;
      try {
        const dataSource = await this.open();
        const own = dataSource.createQueryRunner();
        runner = own;
        const step = <R>(promise: Promise<R>, ms = this.timeouts.statementMs) => bounded(promise, ms, () => discardConnection(own));
        await step(own.connect());
        const statement = <R>(sql: string, params: readonly unknown[], ms?: number) => step(own.query(sql, params.map(bindable)) as Promise<R[]>, ms);
        reader = {
          query: <R>(given: Statement, values?: readonly unknown[]) => {
            const { sql, params } = textOf(given, values);
            return statement<R>(sql, params);
          },
          report: async <R>(given: Statement, values?: readonly unknown[]) => {
            const { sql, params } = textOf(given, values);
            const limitMs = this.timeouts.queryMs;
            try {
              if (!this.serverLimits) return await statement<R>(sql, params, limitMs);
              return await statement<R>(mysqlDialect.limitStatementTime(sql, limitMs) ?? sql, params, limitMs + QUERY_LIMIT_GRACE_MS);
            } catch (error) {
              if (isStatementTimeout(error) || (!this.serverLimits && error instanceof NoAnswer)) throw new QueryTimeout(limitMs);
              throw error;
            }
          },
        };
        if (snapshot) {
          // REPEATABLE READ is what makes the snapshot one moment for every statement; READ ONLY
          // because nothing may ever be written to a replica through Threadline.
          await reader.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
          await reader.query('START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY');
        }
      } catch (error) {
        // Whatever keeps a replica from starting a read (down, a wrong database or password in
        // DATABASE_REPLICA_URLS) sends its reads to the primary rather than failing them.
        this.unavailable(unavailableReason(error) ?? `${(error as { code?: string }).code ?? 'error'}: ${(error as Error).message}`.split('\n')[0]);
        return null;
      }
      try {
        return this.answered({ value: await work(reader) });
      } catch (error) {
        const reason = unavailableReason(error);
        if (reason !== null) this.unavailable(reason);
        else if (!REPLICA_BEHIND_CODES.has(driverCode(error) ?? '')) throw error;
        return null;
      } finally {
        if (snapshot) await reader.query('COMMIT').catch(() => undefined);
      }
    } finally {
      await runner?.release();
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const dataSource = this.dataSource ?? (await this.opening?.catch(() => null));
    if (dataSource?.isInitialized) await dataSource.destroy();
  }

  private open(): Promise<DataSource> {
    if (this.dataSource?.isInitialized) return Promise.resolve(this.dataSource);
    this.opening ??= (async () => {
      // No entities and no migrations: a replica gets its schema from the primary, never from here.
      const ms = this.timeouts.statementMs;
      const dataSource = new DataSource(mysqlConnectionOptions(this.config, ms));
      const initializing = dataSource.initialize();
      // Opened after the time ran out: closed again as it arrives.
      await bounded(initializing, ms, () => void initializing.then((opened) => opened.destroy(), () => undefined));
      this.serverLimits = await bounded(isMariadb(dataSource), ms, () => undefined).catch(async (error: unknown) => {
        await dataSource.destroy();
        throw error;
      });
      this.dataSource = dataSource;
      return dataSource;
    })().finally(() => (this.opening = null));
    return this.opening;
  }

  private answered<T>(outcome: T): T {
    if (this.downSince !== null) {
      this.log(`read replica ${this.name()} available again after ${((Date.now() - this.downSince) / 1000).toFixed(1)} s`);
      this.downSince = null;
    }
    return outcome;
  }

  private unavailable(reason: string): void {
    this.retryAt = Date.now() + REPLICA_RETRY_MS;
    if (this.downSince !== null) return;
    this.downSince = Date.now();
    this.log(`read replica ${this.name()} unavailable (${reason}); its reads go to the primary until it is back`);
  }

  private name(): string {
    return `mysql://${this.config.host}:${this.config.port}/${this.config.database}`;
  }
}
