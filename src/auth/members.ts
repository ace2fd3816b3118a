import DataLoader from 'dataloader';
import { Database } from '../db/database';
import { Role } from './user.entity';
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
    const rows = await db.query<Record<string, unknown>>(sql`SELECT id, email, name, role, team_id FROM users WHERE account_id = ${accountId} AND id IN (${list(ids)})`);
    const byId = new Map(rows.map((r) => [String(r.id), { id: String(r.id), email: String(r.email), name: (r.name as string | null) ?? null, role: r.role as Role, teamId: (r.team_id as string | null) ?? null }]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}
