import { placeholders, SqlDialect } from '../dialect';

export const sqliteDialect: SqlDialect = {
  name: 'sqlite',
  // SQLite 3.32+ allows 32766 host parameters per statement.
  maxParams: 32000,
  upsert(table, columns, keyColumns, updateColumns, rowCount) {
    const updates = updateColumns.map((c) => `${c} = excluded.${c}`).join(', ');
    const action = updates ? `DO UPDATE SET ${updates}` : 'DO NOTHING';
    return `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${placeholders(columns.length, rowCount)} ON CONFLICT (${keyColumns.join(', ')}) ${action}`;
  },
  likeInsensitive(expression, negate) {
    // SQLite's LIKE is case-insensitive for ASCII already, but has no default escape character,
    // so the ESCAPE clause is required.
    return `${expression} ${negate ? 'NOT LIKE' : 'LIKE'} ? ESCAPE '\\'`;
  },
};
