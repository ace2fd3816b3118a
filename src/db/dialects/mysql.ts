import { SqlDialect } from '../dialect';
import { identifier, identifiers, join, raw, rows, Sql, sql } from '../sql';

export const mysqlDialect: SqlDialect = {
  name: 'mysql',
  maxParams: 60000,
  upsert(table, columns, _keyColumns, updateColumns, values) {
    const updates = join(updateColumns.map((c) => sql`${identifier(c)} = VALUES(${identifier(c)})`), ', ');
    // With nothing to update, re-assigning the first column keeps the statement an idempotent no-op.
    const onDuplicate = updates.isEmpty ? sql`${identifier(columns[0])} = ${identifier(columns[0])}` : updates;
    return sql`INSERT INTO ${identifier(table)} (${identifiers(columns)}) VALUES ${rows(values)} ON DUPLICATE KEY UPDATE ${onDuplicate}`;
  },
  accumulate(table, columns, _keyColumns, addColumns, values) {
    return sql`INSERT INTO ${identifier(table)} (${identifiers(columns)}) VALUES ${rows(values)} ON DUPLICATE KEY UPDATE ${addedOnDuplicate(addColumns)}`;
  },
  lockingRead: raw(' FOR UPDATE'),
  // MariaDB's form (MySQL 8 has the MAX_EXECUTION_TIME hint instead; the caller checks which server
  // it talks to). Seconds, with millisecond precision; past it: ER_STATEMENT_TIMEOUT.
  limitStatementTime: (text, ms) => `SET STATEMENT max_statement_time = ${(ms / 1000).toFixed(3)} FOR ${text}`,
  // MariaDB's cost model, with fresh InnoDB statistics, can read a 30-day range through the primary
  // key (the whole account) instead of the date index: ten times the rows. FORCE INDEX still lets it
  // use the index's range; it only rules out the table scan and the other indexes.
  reportIndexHint: (index) => sql` FORCE INDEX (${identifier(index)})`,
  // Instants are DATETIME in UTC: plain calendar arithmetic, no session time zone involved (as
  // UNIX_TIMESTAMP would be).
  epochSeconds(expression) {
    return sql`TIMESTAMPDIFF(SECOND, '1970-01-01 00:00:00', ${expression})`;
  },
  intDiv(dividend, divisor) {
    return sql`((${dividend}) DIV (${divisor}))`;
  },
  likeInsensitive(expression, pattern, negate) {
    // The binary collation compares bytes, so LIKE would be case-sensitive: compare lower-cased text.
    // MariaDB's default escape character is already the backslash.
    return sql`LOWER(${expression}) ${raw(negate ? 'NOT LIKE' : 'LIKE')} LOWER(${pattern})`;
  },
};

/**
 * `ON DUPLICATE KEY UPDATE` of an accumulating write: each of `addColumns` adds the new row's value
 * to the stored one. `table` qualifies the stored columns where a SELECT's source has the same names.
 */
export function addedOnDuplicate(addColumns: readonly string[], table?: string): Sql {
  const stored = (c: string) => (table === undefined ? identifier(c) : sql`${identifier(table)}.${identifier(c)}`);
  return join(addColumns.map((c) => sql`${stored(c)} = ${stored(c)} + VALUES(${identifier(c)})`), ', ');
}
