import { SqlDialect } from '../dialect';
import { empty, identifier, identifiers, join, raw, rows, sql } from '../sql';

export const sqliteDialect: SqlDialect = {
  name: 'sqlite',
  // SQLite's planner prefers a covering index whose prefix matches the WHERE clause by itself.
  reportIndexHint: () => empty,
  // SQLite 3.32+ allows 32766 host parameters per statement.
  maxParams: 32000,
  upsert(table, columns, keyColumns, updateColumns, values) {
    const updates = join(updateColumns.map((c) => sql`${identifier(c)} = excluded.${identifier(c)}`), ', ');
    const action = updates.isEmpty ? raw('DO NOTHING') : sql`DO UPDATE SET ${updates}`;
    return sql`INSERT INTO ${identifier(table)} (${identifiers(columns)}) VALUES ${rows(values)} ON CONFLICT (${identifiers(keyColumns)}) ${action}`;
  },
  accumulate(table, columns, keyColumns, addColumns, values) {
    // In DO UPDATE, a bare column is the stored row's value and excluded.<column> the new row's.
    const updates = join(addColumns.map((c) => sql`${identifier(c)} = ${identifier(c)} + excluded.${identifier(c)}`), ', ');
    return sql`INSERT INTO ${identifier(table)} (${identifiers(columns)}) VALUES ${rows(values)} ON CONFLICT (${identifiers(keyColumns)}) DO UPDATE SET ${updates}`;
  },
  lockingRead: empty,
  limitStatementTime: () => null,
  epochSeconds(expression) {
    return sql`unixepoch(${expression})`;
  },
  intDiv(dividend, divisor) {
    return sql`((${dividend}) / (${divisor}))`;
  },
  likeInsensitive(expression, pattern, negate) {
    // SQLite's LIKE folds ASCII only: both sides go through unicode_lower (registered on the
    // connection in database.ts). SQLite has no default escape character, so ESCAPE is required.
    return sql`unicode_lower(${expression}) ${raw(negate ? 'NOT LIKE' : 'LIKE')} unicode_lower(${pattern}) ESCAPE '\\'`;
  },
};
