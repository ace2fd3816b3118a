import { placeholders, SqlDialect } from '../dialect';

export const mysqlDialect: SqlDialect = {
  name: 'mysql',
  maxParams: 60000,
  upsert(table, columns, _keyColumns, updateColumns, rowCount) {
    const updates = updateColumns.map((c) => `${c} = VALUES(${c})`).join(', ');
    // With nothing to update, re-assigning the first column keeps the statement an idempotent no-op.
    const onDuplicate = updates || `${columns[0]} = ${columns[0]}`;
    return `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${placeholders(columns.length, rowCount)} ON DUPLICATE KEY UPDATE ${onDuplicate}`;
  },
  accumulate(table, columns, _keyColumns, addColumns, rowCount) {
    const updates = addColumns.map((c) => `${c} = ${c} + VALUES(${c})`).join(', ');
    return `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${placeholders(columns.length, rowCount)} ON DUPLICATE KEY UPDATE ${updates}`;
  },
  lockingRead: ' FOR UPDATE',
  // MariaDB's form (MySQL 8 has the MAX_EXECUTION_TIME hint instead; the caller checks which server
  // it talks to). Seconds, with millisecond precision; past it: ER_STATEMENT_TIMEOUT.
  limitStatementTime: (sql, ms) => `SET STATEMENT max_statement_time = ${(ms / 1000).toFixed(3)} FOR ${sql}`,
  // MariaDB's cost model, with fresh InnoDB statistics, can read a 30-day range through the primary
  // key (the whole account) instead of the date index: ten times the rows. FORCE INDEX still lets it
  // use the index's range; it only rules out the table scan and the other indexes.
  reportIndexHint: (index) => ` FORCE INDEX (${index})`,
  // Instants are DATETIME in UTC: plain calendar arithmetic, no session time zone involved (as
  // UNIX_TIMESTAMP would be).
  epochSeconds(expression) {
    return `TIMESTAMPDIFF(SECOND, '1970-01-01 00:00:00', ${expression})`;
  },
  intDiv(dividend, divisor) {
    return `((${dividend}) DIV (${divisor}))`;
  },
  likeInsensitive(expression, negate) {
    // The binary collation compares bytes, so LIKE would be case-sensitive: compare lower-cased text.
    // MariaDB's default escape character is already the backslash.
    return `LOWER(${expression}) ${negate ? 'NOT LIKE' : 'LIKE'} LOWER(?)`;
  },
};
