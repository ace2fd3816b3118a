import { Queryable } from '../db/database';
import { DIRECTORY_TABLES, DirectoryKind } from './directory.entity';
import { identifier, list, raw, Sql, sql } from '../db/sql';
import { column, select } from '../db/rows';

export interface DirectoryEntryRow {
  externalId: string;
  name: string;
  email: string | null;
}

/** Assignees, inboxes, teams or chatflows of an account by external id, in one query. */
export async function findDirectoryEntries(db: Queryable, accountId: number, kind: DirectoryKind, ids: readonly string[]): Promise<Map<string, DirectoryEntryRow>> {
  if (ids.length === 0) return new Map();
  const rows = await selectEntries(db, kind, sql`account_id = ${accountId} AND external_id IN (${list(ids)})`);
  return new Map(rows.map((r) => [r.externalId, r]));
}

/** Every assignee, inbox, team or chatflow of an account, by name. */
export function listDirectory(db: Queryable, accountId: number, kind: DirectoryKind): Promise<DirectoryEntryRow[]> {
  return selectEntries(db, kind, sql`account_id = ${accountId} ORDER BY name, external_id`);
}

async function selectEntries(db: Queryable, kind: DirectoryKind, where: Sql): Promise<DirectoryEntryRow[]> {
  const email = raw(kind === 'assignee' ? 'email' : 'NULL AS email');
  const rows = await select(db, sql`SELECT external_id, name, ${email} FROM ${identifier(DIRECTORY_TABLES[kind])} WHERE ${where}`, { external_id: column.text, name: column.text, email: column.nullableText });
  return rows.map((r) => ({ externalId: r.external_id, name: r.name, email: r.email }));
}
