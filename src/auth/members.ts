import DataLoader from 'dataloader';
import { Database } from '../db/database';
import { column, select } from '../db/rows';
import { Role, ROLES } from './user.entity';
import { list, sql } from '../db/sql';

/** A user as others see them: the owner of a dashboard, the author of a revision. */
export interface Member {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  teamId: string | null;
}

/** Users of one account by id, batched per request. */
export function createMemberLoader(db: Database, accountId: number): DataLoader<string, Member | null> {
  return new DataLoader(async (ids) => {
    const rows = await select(db, sql`SELECT id, email, name, role, team_id FROM users WHERE account_id = ${accountId} AND id IN (${list(ids)})`, {
      id: column.text,
      email: column.text,
      name: column.nullableText,
      role: column.oneOf<Role>(ROLES),
      team_id: column.nullableText,
    });
    const byId = new Map(rows.map((r) => [r.id, { id: r.id, email: r.email, name: r.name, role: r.role, teamId: r.team_id }]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}
