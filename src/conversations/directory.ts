import { Queryable } from '../db/database';
import { DIRECTORY_TABLES, DirectoryKind } from './directory.entity';

export interface DirectoryEntryRow {
  externalId: string;
  name: string;
  email: string | null;
}

/** Assignees, inboxes, teams or chatflows of an account by external id, in one query. */
export async function findDirectoryEntries(db: Queryable, accountId: number, kind: DirectoryKind, ids: readonly string[]): Promise<Map<string, DirectoryEntryRow>> {
  if (ids.length === 0) return new Map();
  const rows = await selectEntries(db, kind, `account_id = ? AND external_id IN (${ids.map(() => '?').join(', ')})`, [accountId, ...ids]);
  return new Map(rows.map((r) => [r.externalId, r]));
}

/** Every assignee, inbox, team or chatflow of an account, by name. */
export function listDirectory(db: Queryable, accountId: number, kind: DirectoryKind): Promise<DirectoryEntryRow[]> {
  return selectEntries(db, kind, 'account_id = ? ORDER BY name, external_id', [accountId]);
}

async function selectEntries(db: Queryable, kind: DirectoryKind, where: string, params: unknown[]): Promise<DirectoryEntryRow[]> {
  const email = kind === 'assignee' ? 'email' : 'NULL AS email';
  const rows = await db.query<{ external_id: string; name: string; email: string | null }>(`SELECT external_id, name, ${email} FROM ${DIRECTORY_TABLES[kind]} WHERE ${where}`, params);
  return rows.map((r) => ({ externalId: r.external_id, name: r.name, email: r.email }));
}
