import type { Queryable, ReportReader } from './database';
import { fromDbInstant, toNumber } from './driver-values';
import { Sql } from './sql';

/**
 * Rows typed where they are read. A query names the columns it reads and how to read each; the
 * values come back as TypeScript types, whatever form the driver gave them in (mysql2: Date, BigInt
 * or string for counts and sums; SQLite: UTC text for instants, 0/1 for booleans). Callers never
 * cast a row or convert a column themselves.
 */
export type Column<T> = (value: unknown, name: string) => T;

export type RowShape = Record<string, Column<unknown>>;

export type RowOf<S extends RowShape> = { [K in keyof S]: ReturnType<S[K]> };

function required<T>(reader: (value: unknown) => T | null, what: string): Column<T> {
  return (value, name) => {
    const read = reader(value);
    if (read === null) throw new Error(`Column ${name} is null, expected ${what}`);
    return read;
  };
}

function text(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  // Ids and keys may be numbers in one store and text in another.
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (Buffer.isBuffer(value)) return value.toString('utf8');
  throw new Error(`Not text: ${String(value)}`);
}

function flag(value: unknown): boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value;
  const n = toNumber(value);
  return n === null ? null : n !== 0;
}

/** How each kind of column is read. */
export const column = {
  number: required(toNumber, 'a number'),
  /** A count or sum that is null over no rows reads 0. */
  count: ((value) => toNumber(value) ?? 0) as Column<number>,
  nullableNumber: ((value) => toNumber(value)) as Column<number | null>,
  text: required(text, 'text'),
  nullableText: ((value) => text(value)) as Column<string | null>,
  instant: required(fromDbInstant, 'an instant'),
  nullableInstant: ((value) => fromDbInstant(value)) as Column<Date | null>,
  boolean: required(flag, 'a boolean'),
  /** Text from a closed set (a role, a scope, a privacy). */
  oneOf: <T extends string>(values: readonly T[]): Column<T> => (value, name) => {
    const read = text(value);
    if (read === null || !(values as readonly string[]).includes(read)) throw new Error(`Column ${name} holds ${String(value)}, expected one of ${values.join(', ')}`);
    return read as T;
  },
} as const;

function decode<S extends RowShape>(rows: readonly Record<string, unknown>[], shape: S): RowOf<S>[] {
  const names = Object.keys(shape);
  return rows.map((row) => {
    const decoded: Record<string, unknown> = {};
    for (const name of names) decoded[name] = shape[name](row[name], name);
    return decoded as RowOf<S>;
  });
}

/** The rows of `statement`, each column read as `shape` says. */
export async function select<S extends RowShape>(db: Queryable, statement: Sql, shape: S): Promise<RowOf<S>[]> {
  return decode(await db.query<Record<string, unknown>>(statement), shape);
}

/** The first row of `statement`, or null for none. */
export async function selectOne<S extends RowShape>(db: Queryable, statement: Sql, shape: S): Promise<RowOf<S> | null> {
  return (await select(db, statement, shape))[0] ?? null;
}

/** `select` for a report, value-list or conversation-list query (ReportReader.report: time-limited, off the main thread). */
export async function selectReport<S extends RowShape>(db: ReportReader, statement: Sql, shape: S): Promise<RowOf<S>[]> {
  return decode(await db.report<Record<string, unknown>>(statement), shape);
}
