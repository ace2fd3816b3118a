import { placeholders, SqlDialect } from '../dialect';

export const sqliteDialect: SqlDialect = {
  name: 'sqlite',
  // SQLite's planner prefers a covering index whose prefix matches the WHERE clause by itself.
  reportIndexHint: () => '',
  // SQLite 3.32+ allows 32766 host parameters per statement.
  maxParams: 32000,
  upsert(table, columns, keyColumns, updateColumns, rowCount) {
    const updates = updateColumns.map((c) => `${c} = excluded.${c}`).join(', ');
    const action = updates ? `DO UPDATE SET ${updates}` : 'DO NOTHING';
    return `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${placeholders(columns.length, rowCount)} ON CONFLICT (${keyColumns.join(', ')}) ${action}`;
  },
  accumulate(table, columns, keyColumns, addColumns, rowCount) {
    // In DO UPDATE, a bare column is the stored row's value and excluded.<column> the new row's.
    const updates = addColumns.map((c) => `${c} = ${c} + excluded.${c}`).join(', ');
    return `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${placeholders(columns.length, rowCount)} ON CONFLICT (${keyColumns.join(', ')}) DO UPDATE SET ${updates}`;
  },
  lockingRead: '',
  limitStatementTime: () => null,
  epochSeconds(expression) {
    return `unixepoch(${expression})`;
  },
  intDiv(dividend, divisor) {
    return `((${dividend}) / (${divisor}))`;
  },
  likeInsensitive(expression, negate) {
    // SQLite's LIKE folds ASCII only: both sides go through unicode_lower (registered on the
    // connection in database.ts). SQLite has no default escape character, so ESCAPE is required.
    return `unicode_lower(${expression}) ${negate ? 'NOT LIKE' : 'LIKE'} unicode_lower(?) ESCAPE '\\'`;
  },
};
