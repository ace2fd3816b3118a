/**
 * Values as the drivers return them, read into one form: mysql2 gives Date, BigInt or string where
 * SQLite gives UTC text or a number. No imports, so that any module of the db layer may use them.
 */

/** Reads an instant as either driver returns it (mysql2: Date; SQLite: UTC text). */
export function fromDbInstant(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  if (typeof value === 'string') return new Date(value.includes('T') ? value : `${value.replace(' ', 'T')}Z`);
  throw new Error(`Not an instant: ${String(value)}`);
}

/** mysql2 may return counts and sums as strings or bigints; SQLite returns numbers. */
export function toNumber(value: unknown): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint' || typeof value === 'string') return Number(value);
  throw new Error(`Not a number: ${String(value)}`);
}
