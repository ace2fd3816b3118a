import { Plan } from '../accounts/account.entity';
import { Database, toNumber } from '../db/database';
import { hashToken } from './tokens';
import { Role } from './user.entity';

/** Who is calling: the user behind the API token, their account and what its plan allows. */
export interface Viewer {
  userId: string;
  email: string;
  role: Role;
  teamId: string | null;
  account: {
    id: number;
    name: string;
    plan: Plan;
    reportingAddon: boolean;
    timezone: string;
    /**
     * The account's data version as the request began (absent for viewers built in-process).
     * Report caches key on it; an import or ingest moves it on.
     */
    dataVersion?: number;
  };
}

/** Reads `Authorization: Bearer <token>`; null for a missing, unknown or revoked token. */
export async function viewerFromAuthorization(db: Database, header: string | undefined): Promise<Viewer | null> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  if (!match) return null;
  const rows = await db.query<Record<string, unknown>>(
    `SELECT u.id AS user_id, u.email, u.role, u.team_id, a.id AS account_id, a.name AS account_name, a.plan, a.reporting_addon, a.timezone, a.data_version
       FROM api_tokens t
       JOIN users u ON u.account_id = t.account_id AND u.id = t.user_id
       JOIN accounts a ON a.id = t.account_id
      WHERE t.token_hash = ? AND t.revoked_at IS NULL`,
    [hashToken(match[1])],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    userId: String(row.user_id),
    email: String(row.email),
    role: row.role as Role,
    teamId: (row.team_id as string | null) ?? null,
    account: {
      id: toNumber(row.account_id) as number,
      name: String(row.account_name),
      plan: row.plan as Plan,
      reportingAddon: Boolean(toNumber(row.reporting_addon)),
      timezone: String(row.timezone),
      dataVersion: toNumber(row.data_version) as number,
    },
  };
}
