import { Sql } from './sql';

/**
 * What MySQL/MariaDB and SQLite really do differently, and nothing else. Everything outside
 * src/db/dialects/ writes SQL that both accept; values are always bound, through the `sql` tag.
 */
export interface SqlDialect {
  readonly name: 'mysql' | 'sqlite';
  /** How many `?` parameters one statement may carry (multi-row inserts are chunked below it). */
  readonly maxParams: number;
  /**
   * A multi-row insert that updates `updateColumns` of rows whose key already exists.
   * Table and column names come from code, never from input.
   */
  upsert(table: string, columns: readonly string[], keyColumns: readonly string[], updateColumns: readonly string[], rows: readonly (readonly unknown[])[]): Sql;
  /**
   * A multi-row insert that adds `addColumns` of a row whose key already exists to the stored
   * values (counters such as the rollups' sums and counts). Names come from code, never from input.
   */
  accumulate(table: string, columns: readonly string[], keyColumns: readonly string[], addColumns: readonly string[], rows: readonly (readonly unknown[])[]): Sql;
  /** Case-insensitive `LIKE` of `expression` against `pattern` (bound), which uses `\` as escape. */
  likeInsensitive(expression: Sql, pattern: string, negate: boolean): Sql;
  /**
   * Appended to a SELECT inside a transaction to lock the rows it reads until commit, so that
   * check-then-write (a plan's dashboard limit) holds under concurrency. SQLite needs none: its
   * write transactions already run one at a time.
   */
  readonly lockingRead: Sql;
  /**
   * `sql` (a SELECT) with a server-side time limit, past which the server stops it and frees the
   * connection; null where the server cannot do that (SQLite: the reader process is killed instead).
   */
  limitStatementTime(sql: string, ms: number): string | null;
  /**
   * Written after `FROM conversations c` in a report's query over a date range: makes the engine
   * read the range from `index` (the covering index of the date property) where the database's
   * planner might pick another. Empty where the planner needs no telling.
   */
  reportIndexHint(index: string): Sql;
  /** Whole seconds from 1970-01-01T00:00Z to a stored instant (a column or expression from code). */
  epochSeconds(expression: Sql): Sql;
  /** Integer division of two non-negative integer expressions (SQLite's `/` already is; MariaDB's gives decimals). */
  intDiv(dividend: Sql, divisor: Sql): Sql;
}
