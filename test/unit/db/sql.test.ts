import { and, empty, identifier, identifiers, join, list, raw, rows, Sql, sql } from '../../../src/db/sql';
import { mysqlDialect } from '../../../src/db/dialects/mysql';
import { sqliteDialect } from '../../../src/db/dialects/sqlite';

const placeholders = (statement: Sql) => statement.text.split('?').length - 1;

describe('the sql tag', () => {
  it('binds every interpolated value as a placeholder, in order', () => {
    const since = new Date('2026-03-01T00:00:00Z');
    const statement = sql`SELECT id FROM users WHERE account_id = ${7} AND email = ${"o'brien@example.org"} AND created_at >= ${since}`;
    expect(statement).toEqual(Sql.of('SELECT id FROM users WHERE account_id = ? AND email = ? AND created_at >= ?', [7, "o'brien@example.org", since]));
  });

  it('binds text that looks like SQL as a value, never as SQL', () => {
    const hostile = "x' OR 1 = 1; DROP TABLE users; --";
    expect(sql`SELECT 1 WHERE name = ${hostile}`).toEqual(Sql.of('SELECT 1 WHERE name = ?', [hostile]));
  });

  it('nests a fragment: its SQL in place, its values where its placeholders are', () => {
    const inner = sql`c.status = ${'OPEN'} AND c.inbox_id IN (${list(['a', 'b'])})`;
    const statement = sql`SELECT COUNT(*) FROM conversations c WHERE c.account_id = ${1} AND (${inner}) AND c.channel = ${'CHAT'}`;
    expect(statement.text).toBe('SELECT COUNT(*) FROM conversations c WHERE c.account_id = ? AND (c.status = ? AND c.inbox_id IN (?, ?)) AND c.channel = ?');
    expect(statement.params).toEqual([1, 'OPEN', 'a', 'b', 'CHAT']);
  });

  it('keeps textual order through join, and, lists and rows', () => {
    const parts = [sql`a = ${1}`, raw('b IS NULL'), sql`c BETWEEN ${2} AND ${3}`];
    expect(and(parts)).toEqual(Sql.of('(a = ?) AND (b IS NULL) AND (c BETWEEN ? AND ?)', [1, 2, 3]));
    expect(and([])).toEqual(raw('1 = 1'));
    expect(join([sql`SELECT ${'x'}`, sql`SELECT ${'y'}`], ' UNION ALL ')).toEqual(Sql.of('SELECT ? UNION ALL SELECT ?', ['x', 'y']));
    expect(rows([[1, 'a'], [2, null]])).toEqual(Sql.of('(?, ?), (?, ?)', [1, 'a', 2, null]));
    expect(() => list([])).toThrow(/at least one value/);
    expect(() => rows([])).toThrow(/at least one row/);
  });

  it('has as many placeholders as values however deep the nesting', () => {
    let statement = sql`x = ${0}`;
    for (let depth = 1; depth <= 50; depth++) statement = depth % 2 ? sql`(${statement}) OR y = ${depth}` : and([statement, sql`z IN (${list([depth, depth + 1])})`, empty]);
    expect(placeholders(statement)).toBe(statement.params.length);
    expect(statement.params.length).toBeGreaterThan(50);
  });

  it('refuses a placeholder written by hand, and an Sql whose placeholders and values differ', () => {
    const tag = sql as unknown as (strings: string[], ...values: unknown[]) => Sql;
    expect(() => tag(Object.assign(['SELECT 1 WHERE a = ?'], { raw: [] }))).toThrow(/not as \?/);
    expect(() => raw('a = ?')).toThrow(/no placeholder/);
    expect(() => Sql.of('a = ? AND b = ?', [1])).toThrow(/2 placeholders but 1 values/);
  });

  it('takes identifiers only when they are identifiers', () => {
    expect(identifiers(['account_id', 'c.created_at'])).toEqual(raw('account_id, c.created_at'));
    for (const bad of ['', 'name; DROP TABLE users', 'a b', '`x`', "o'brien", '1abc', 'a.b.c']) expect(() => identifier(bad)).toThrow(/Not an SQL identifier/);
  });
});

describe('the dialects through the tag', () => {
  const rowsOf = [[1, 'u-1', 'Ada'], [1, 'u-2', null]];

  it('upserts with one placeholder per value', () => {
    const mysql = mysqlDialect.upsert('agents', ['account_id', 'external_id', 'name'], ['account_id', 'external_id'], ['name'], rowsOf);
    expect(mysql).toEqual(Sql.of('INSERT INTO agents (account_id, external_id, name) VALUES (?, ?, ?), (?, ?, ?) ON DUPLICATE KEY UPDATE name = VALUES(name)', rowsOf.flat()));
    const sqlite = sqliteDialect.upsert('agents', ['account_id', 'external_id', 'name'], ['account_id', 'external_id'], [], rowsOf);
    expect(sqlite).toEqual(Sql.of('INSERT INTO agents (account_id, external_id, name) VALUES (?, ?, ?), (?, ?, ?) ON CONFLICT (account_id, external_id) DO NOTHING', rowsOf.flat()));
  });

  it('binds the LIKE pattern of a case-insensitive match', () => {
    expect(sqliteDialect.likeInsensitive(raw('c.subject'), '%refund%', false)).toEqual(Sql.of("unicode_lower(c.subject) LIKE unicode_lower(?) ESCAPE '\\'", ['%refund%']));
    expect(mysqlDialect.likeInsensitive(raw('c.subject'), '%refund%', true)).toEqual(Sql.of('LOWER(c.subject) NOT LIKE LOWER(?)', ['%refund%']));
  });

  it('refuses a table or column name that is not an identifier', () => {
    expect(() => mysqlDialect.upsert('agents; DROP TABLE x', ['a'], ['a'], [], [[1]])).toThrow(/Not an SQL identifier/);
    expect(() => sqliteDialect.accumulate('cells', ['a', 'b)'], ['a'], ['b)'], [[1, 2]])).toThrow(/Not an SQL identifier/);
  });
});
