import DataLoader from 'dataloader';
import { Database } from '../db/database';
import { DirectoryKind } from './directory.entity';
import { DirectoryEntryRow, findDirectoryEntries } from './directory';
import { list, sql } from '../db/sql';
import { column, select } from '../db/rows';

export interface CustomPropertyRow {
  name: string;
  value: string;
}

export type ConversationLoaders = Record<DirectoryKind, DataLoader<string, DirectoryEntryRow | null>> & {
  /** Custom property values by conversation external id. */
  properties: DataLoader<string, CustomPropertyRow[]>;
};


/**
 * Per-request loaders for what a conversation points at, scoped to the caller's account:
 * a page of conversations costs one query per kind, not one per row.
 */
export function createConversationLoaders(db: Database, accountId: number): ConversationLoaders {
  const loader = (kind: DirectoryKind) =>
    new DataLoader<string, DirectoryEntryRow | null>(async (ids) => {
      const byId = await findDirectoryEntries(db, accountId, kind, ids);
      return ids.map((id) => byId.get(id) ?? null);
    });
  const properties = new DataLoader<string, CustomPropertyRow[]>(async (ids) => {
    const rows = await select(db, sql`SELECT conversation_id, name, value_text FROM conversation_properties WHERE account_id = ${accountId} AND conversation_id IN (${list(ids)}) ORDER BY name`, {
      conversation_id: column.text,
      name: column.text,
      value_text: column.text,
    });
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
