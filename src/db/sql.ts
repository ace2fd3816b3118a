/**
 * SQL with its bound values, built by the `sql` tagged template: every value interpolated into
 * sql`...` becomes a `?` placeholder with the value bound to it, in order; another Sql interpolated
 * is nested, its text and values in place. A placeholder is therefore never written by hand, and
 * the count of `?` always equals the count of values (checked as each Sql is built).
 *
 * Text that is not a value (a column name from the property catalog, a dialect's expression, a
 * table name) enters only through `raw` or `identifier`, called from code with names the code
 * itself holds: never with text from a request or an import.
 */
export class Sql {
  private constructor(
    /** The statement text, with one `?` per value. */
    readonly text: string,
    /** The values bound to the `?` placeholders, in order. */
    readonly params: readonly unknown[],
  ) {}

  /** For this module only: the one place an Sql is made, and where the placeholder count is checked. */
  static of(text: string, params: readonly unknown[]): Sql {
    const marks = countPlaceholders(text);
    if (marks !== params.length) throw new Error(`SQL has ${marks} placeholders but ${params.length} values: ${text}`);
    return new Sql(text, params);
  }

  get isEmpty(): boolean {
    return this.text === '';
  }
}

function countPlaceholders(text: string): number {
  let count = 0;
  for (let i = text.indexOf('?'); i >= 0; i = text.indexOf('?', i + 1)) count++;
  return count;
}

/**
 * sql`SELECT name FROM users WHERE account_id = ${accountId}`: `${accountId}` is bound, never
 * pasted. An Sql interpolated (a filter, `raw(column)`, a dialect's expression) is nested as SQL.
 */
export function sql(strings: TemplateStringsArray, ...values: readonly unknown[]): Sql {
  let text = strings[0];
  const params: unknown[] = [];
  checkLiteral(strings[0]);
  values.forEach((value, i) => {
    if (value instanceof Sql) {
      text += value.text;
      // Not push(...params): a multi-row insert nests tens of thousands of values.
      for (const param of value.params) params.push(param);
    } else {
      text += '?';
      params.push(value);
    }
    checkLiteral(strings[i + 1]);
    text += strings[i + 1];
  });
  return Sql.of(text, params);
}

/** A `?` written by hand would bind the wrong value: values go in `${}`. */
function checkLiteral(part: string): void {
  if (part.includes('?')) throw new Error(`Write values as \${value} in sql\`...\`, not as ?: ${part}`);
}

/**
 * SQL text from code: a column name from the property catalog, a dialect's expression, a keyword.
 * Never text from a request or an import (that is what `${value}` is for). It may hold no `?`.
 */
export function raw(text: string): Sql {
  if (text.includes('?')) throw new Error(`raw SQL may hold no placeholder: ${text}`);
  return Sql.of(text, []);
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?$/;

/** A table or column name (`c.created_at`, `saved_reports`): refused unless it is one. */
export function identifier(name: string): Sql {
  if (!IDENTIFIER.test(name)) throw new Error(`Not an SQL identifier: ${JSON.stringify(name)}`);
  return Sql.of(name, []);
}

/** Comma-separated names, as in `INSERT INTO t (a, b)`. */
export function identifiers(names: readonly string[]): Sql {
  return join(names.map(identifier), ', ');
}

export const empty = raw('');

/** The parts joined by `separator` (code's own text, such as ', ' or ' UNION ALL '), values in textual order. */
export function join(parts: readonly Sql[], separator: string): Sql {
  return Sql.of(parts.map((p) => p.text).join(separator), parts.flatMap((p) => p.params));
}

/** `(a) AND (b) AND ...`; `1 = 1` for none. */
export function and(parts: readonly Sql[]): Sql {
  if (parts.length === 0) return raw('1 = 1');
  return join(parts.map((p) => sql`(${p})`), ' AND ');
}

/** One placeholder per value, comma-separated: `IN (${list(ids)})`. */
export function list(values: readonly unknown[]): Sql {
  if (values.length === 0) throw new Error('An SQL list needs at least one value');
  return Sql.of(new Array(values.length).fill('?').join(', '), values);
}

/** `(?, ?), (?, ?)`: the VALUES of a multi-row insert, one row of values per tuple. */
export function rows(values: readonly (readonly unknown[])[]): Sql {
  if (values.length === 0) throw new Error('An SQL VALUES list needs at least one row');
  // Built in one pass: an import writes thousands of rows per statement.
  const tuples: string[] = [];
  const params: unknown[] = [];
  for (const row of values) {
    if (row.length === 0) throw new Error('An SQL row needs at least one value');
    tuples.push(`(${new Array(row.length).fill('?').join(', ')})`);
    for (const value of row) params.push(value);
  }
  return Sql.of(tuples.join(', '), params);
}
