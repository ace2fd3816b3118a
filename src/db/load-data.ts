import { Readable } from 'node:stream';
import { toDbInstant } from './database';

/**
 * `LOAD DATA LOCAL INFILE` of rows held in memory, for MariaDB and MySQL: the rows are written as
 * the server's default text format (tab-separated fields, one line per row, backslash escapes,
 * `\N` for NULL) into a stream that mysql2 sends when the server asks for the "file". Several
 * times faster than multi-row INSERTs for thousands of rows, and as transactional: inside a
 * transaction the rows are committed or rolled back with it.
 */

/** The part of a mysql2 connection (callback API, as TypeORM holds it) that LOAD DATA needs. */
export interface InfileConnection {
  query(options: { sql: string; infileStreamFactory: () => Readable }, callback: (error: Error | null, result?: unknown) => void): unknown;
}

/** Error numbers of a server or client that does not allow LOAD DATA LOCAL (local_infile=OFF). */
const REFUSED_ERRNOS = new Set([
  1148, // ER_NOT_ALLOWED_COMMAND (MySQL, older MariaDB)
  3948, // ER_CLIENT_LOCAL_FILES_DISABLED (MySQL 8)
  4166, // ER_LOAD_INFILE_CAPABILITY_DISABLED (MariaDB 10.5+)
]);

/** The server (or the connection) refused LOAD DATA LOCAL: nothing was written, and the transaction is intact. */
export class LoadDataRefused extends Error {}

/** Text per chunk of the stream: small enough to stay constant in memory, large enough to be cheap. */
const CHUNK_CHARS = 64 * 1024;

/**
 * Appends `rows` to `table` in one LOAD DATA statement. Without IGNORE or REPLACE a LOCAL load
 * still skips duplicate keys and truncates values that do not fit, with warnings instead of errors
 * (the server cannot stop the client's stream half-way): so any warning, or a row count other than
 * the rows sent, fails the statement here, and the caller's transaction rolls it back as it would
 * a failed INSERT. Table and column names come from code, never from input.
 */
export function loadRows(connection: InfileConnection, table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]): Promise<void> {
  const sql = `LOAD DATA LOCAL INFILE 'threadline-rows' INTO TABLE ${table} CHARACTER SET utf8mb4 (${columns.join(', ')})`;
  return new Promise((resolve, reject) => {
    connection.query({ sql, infileStreamFactory: () => Readable.from(tsvChunks(rows)) }, (error, result) => {
      if (error) {
        const errno = (error as { errno?: number }).errno;
        reject(errno !== undefined && REFUSED_ERRNOS.has(errno) ? new LoadDataRefused(error.message) : error);
        return;
      }
      const { affectedRows, warningStatus } = (result ?? {}) as { affectedRows?: number; warningStatus?: number };
      if (warningStatus || affectedRows !== rows.length) {
        reject(new Error(`LOAD DATA into ${table} stored ${affectedRows} of ${rows.length} rows with ${warningStatus} warnings (duplicate keys or values that do not fit)`));
        return;
      }
      resolve();
    });
  });
}

function* tsvChunks(rows: readonly (readonly unknown[])[]): Generator<Buffer> {
  let text = '';
  for (const row of rows) {
    for (let i = 0; i < row.length; i++) text += (i === 0 ? '' : '\t') + tsvField(row[i]);
    text += '\n';
    if (text.length >= CHUNK_CHARS) {
      yield Buffer.from(text, 'utf8');
      text = '';
    }
  }
  if (text.length > 0) yield Buffer.from(text, 'utf8');
}

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r', '\0': '\\0' };

/**
 * One field as LOAD DATA reads it by default (FIELDS TERMINATED BY '\t' ESCAPED BY '\\', LINES
 * TERMINATED BY '\n'): the backslash, tab, newline, carriage return and NUL escaped, `\N` for
 * NULL. Values take the forms the INSERT path binds: instants as toDbInstant, booleans as 1 and 0.
 */
export function tsvField(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'number') {
    // A field the server cannot read as a number would load as 0 with a warning: refuse it here.
    if (!Number.isFinite(value)) throw new RangeError(`LOAD DATA: not a finite number: ${value}`);
    return String(value);
  }
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (value instanceof Date) return toDbInstant(value);
  const text = String(value);
  return /[\\\t\n\r\0]/.test(text) ? text.replace(/[\\\t\n\r\0]/g, (c) => ESCAPES[c]) : text;
}
