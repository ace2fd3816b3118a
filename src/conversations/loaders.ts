import DataLoader from 'dataloader';
import { Database } from '../db/database';
import { DIRECTORY_TABLES, DirectoryKind } from './directory.entity';

export interface DirectoryEntryRow {
  externalId: string;
  name: string;
  email: string | null;
}

export interface CustomPropertyRow {
  name: string;
  value: string;
}

export type ConversationLoaders = Record<DirectoryKind, DataLoader<string, DirectoryEntryRow | null>> & {
  /** Custom property values by conversation external id. */
  properties: DataLoader<string, CustomPropertyRow[]>;
};

const marks = (n: number) => new Array(n).fill('?').join(', ');

/**
 * Per-request loaders for what a conversation points at, scoped to the caller's account:
 * a page of conversations costs one query per kind, not one per row.
 */
export function createConversationLoaders(db: Database, accountId: number): ConversationLoaders {
  const loader = (kind: DirectoryKind) =>
    new DataLoader<string, DirectoryEntryRow | null>(async (ids) => {
      const email = kind === 'assignee' ? 'email' : 'NULL AS email';
      const rows = await db.query<{ external_id: string; name: string; email: string | null }>(
        `SELECT external_id, name, ${email} FROM ${DIRECTORY_TABLES[kind]} WHERE account_id = ? AND external_id IN (${marks(ids.length)})`,
        [accountId, ...ids],
      );
      const byId = new Map(rows.map((r) => [r.external_id, { externalId: r.external_id, name: r.name, email: r.email }]));
      return ids.map((id) => byId.get(id) ?? null);
    });
  const properties = new DataLoader<string, CustomPropertyRow[]>(async (ids) => {
    const rows = await db.query<{ conversation_id: string; name: string; value_text: string }>(
      `SELECT conversation_id, name, value_text FROM conversation_properties WHERE account_id = ? AND conversation_id IN (${marks(ids.length)}) ORDER BY name`,
      [accountId, ...ids],
    );
    const byConversation = new Map<string, CustomPropertyRow[]>();
    for (const row of rows) {
      const list = byConversation.get(row.conversation_id) ?? [];
      list.push({ name: row.name, value: row.value_text });
      byConversation.set(row.conversation_id, list);
    }
    return ids.map((id) => byConversation.get(id) ?? []);
  });
  return { assignee: loader('assignee'), inbox: loader('inbox'), team: loader('team'), chatflow: loader('chatflow'), properties };
}
