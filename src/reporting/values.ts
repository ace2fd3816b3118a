import { DIRECTORY_TABLES } from '../conversations/directory.entity';
import { cursorPair, pageSize } from '../conversations/list';
import { Database } from '../db/database';
import { column, selectReport } from '../db/rows';
import { BadInput } from '../errors';
import { escapeLike } from '../conversations/query/filters';
import { empty, identifier, raw, Sql, sql } from '../db/sql';
import { ConversationProperty, PropertyCatalog } from '../conversations/query/properties';

/** One value of a property, as a picker lists it: what a filter takes, what a person reads, how many conversations have it. */
export interface PropertyValue {
  value: string;
  label: string;
  count: number;
}

export interface PropertyValuePage {
  nodes: PropertyValue[];
  /** The cursor of each node, in the same order: the offset just after it. */
  cursors: string[];
  hasNextPage: boolean;
  totalCount: number;
}

export interface PropertyValuesArgs {
  key: string;
  search?: string | null;
  first?: number | null;
  after?: string | null;
}

/**
 * The values of one property of an account's conversations, most used first (then by label),
 * with how many conversations have each: the lists a filter picker offers. Directory properties
 * (assignee, inbox, team, chatflow) list every entry, also those no conversation points at yet;
 * `search` keeps values whose label or value contains it, ignoring case. Conversations without a
 * value are not a value here (a filter asks for them with IS_UNKNOWN).
 */
export async function propertyValues(db: Database, catalog: PropertyCatalog, accountId: number, args: PropertyValuesArgs): Promise<PropertyValuePage> {
  const property = catalog.resolve(args.key, 'key');
  if (property.local) throw new BadInput('key', `${property.key} has no value list: it is local to a report's time zone and only groups reports`);
  const first = pageSize(args.first);
  const offset = args.after ? decodeOffset(args.after, property.key) : 0;
  const needle = args.search?.trim() || null;
  if (property.enumValues) return db.inAccountTurn(accountId, () => enumValues(db, property, accountId, needle, first, offset));
  const search = needle === null ? null : `%${escapeLike(needle)}%`;
  const values = valuesQuery(db, property, accountId, search);
  const [rows, [total]] = await db.inAccountTurn(accountId, () =>
    Promise.all([
      selectReport(db, sql`SELECT value, label, n FROM (${values}) v ORDER BY n DESC, label, value LIMIT ${first + 1} OFFSET ${offset}`, { value: column.text, label: column.text, n: column.count }),
      selectReport(db, sql`SELECT COUNT(*) AS total FROM (${values}) v`, { total: column.count }),
    ]),
  );
  const nodes = rows.slice(0, first).map((r) => ({ value: r.value, label: r.label, count: r.n }));
  return page(nodes, rows.length > first, offset, property.key, total?.total ?? 0);
}

/** SQL giving (value, label, n) per value of `property`; property columns come from the catalog, never from input. */
function valuesQuery(db: Database, property: ConversationProperty, accountId: number, search: string | null): Sql {
  const matching = (expression: Sql) => (search ? sql` AND ${db.dialect.likeInsensitive(expression, search, false)}` : empty);
  if (property.directory) {
    const column = raw(property.column as string);
    const where = search ? sql` AND (${db.dialect.likeInsensitive(raw('d.name'), search, false)} OR ${db.dialect.likeInsensitive(raw('d.external_id'), search, false)})` : empty;
    return sql`SELECT d.external_id AS value, d.name AS label, COALESCE(c.n, 0) AS n FROM ${identifier(DIRECTORY_TABLES[property.directory])} d
        LEFT JOIN (SELECT ${column} AS id, COUNT(*) AS n FROM conversations c WHERE c.account_id = ${accountId} GROUP BY ${column}) c ON c.id = d.external_id
        WHERE d.account_id = ${accountId}${where}`;
  }
  if (property.customName !== undefined) {
    return sql`SELECT p.value_text AS value, p.value_text AS label, COUNT(*) AS n FROM conversation_properties p
        WHERE p.account_id = ${accountId} AND p.name = ${property.customName}${matching(raw('p.value_text'))} GROUP BY p.value_text`;
  }
  if (property.type !== 'STRING' && property.type !== 'ID') {
    throw new BadInput('key', `${property.key} is a ${property.type} property: filter it by a range of values, it has no list of values`);
  }
  const column = raw(property.column as string);
  return sql`SELECT ${column} AS value, ${column} AS label, COUNT(*) AS n FROM conversations c
      WHERE c.account_id = ${accountId} AND ${column} IS NOT NULL${matching(column)} GROUP BY ${column}`;
}

/** Every value of an enum, also those no conversation has, in the order the enum lists them when counts tie. */
async function enumValues(db: Database, property: ConversationProperty, accountId: number, search: string | null, first: number, offset: number): Promise<PropertyValuePage> {
  const needle = search?.toLowerCase();
  const enumColumn = raw(property.column as string);
  const rows = await selectReport(db, sql`SELECT ${enumColumn} AS value, COUNT(*) AS n FROM conversations c WHERE c.account_id = ${accountId} GROUP BY ${enumColumn}`, { value: column.nullableText, n: column.count });
  const counts = new Map(rows.map((r) => [String(r.value), r.n]));
  const all = (property.enumValues ?? [])
    .map((value) => ({ value, label: property.enumLabels?.[value] ?? value, count: counts.get(value) ?? 0 }))
    .filter((v) => !needle || v.value.toLowerCase().includes(needle) || v.label.toLowerCase().includes(needle))
    .sort((a, b) => b.count - a.count);
  return page(all.slice(offset, offset + first), all.length > offset + first, offset, property.key, all.length);
}

function page(nodes: PropertyValue[], hasNextPage: boolean, offset: number, key: string, totalCount: number): PropertyValuePage {
  return { nodes, cursors: nodes.map((_, i) => encodeOffset(offset + i + 1, key)), hasNextPage, totalCount };
}

/**
 * Value lists are short (an account's agents, inboxes, URLs), so a page is an offset; the cursor
 * names its property, so a cursor of one list is refused by another.
 */
function encodeOffset(offset: number, key: string): string {
  return Buffer.from(JSON.stringify([offset, key])).toString('base64url');
}

const MAX_OFFSET = 10_000_000;

function decodeOffset(cursor: string, key: string): number {
  const refused = new BadInput('after', 'is not a cursor returned by this API for this property (use pageInfo.endCursor)');
  const [offset, forKey] = cursorPair(cursor, refused);
  if (!Number.isSafeInteger(offset) || (offset as number) < 0 || (offset as number) > MAX_OFFSET || forKey !== key) throw refused;
  return offset as number;
}
