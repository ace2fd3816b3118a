import { Plan } from '../accounts/account.entity';
import { Database, fromDbInstant, toNumber } from '../db/database';
import { Scope } from './rights';
import { hashToken } from './tokens';
import { Role } from './user.entity';

/** Who is calling: the user behind the API token, their account and what its plan allows. */
export interface Viewer {
  userId: string;
  email: string;
  role: Role;
  teamId: string | null;
  /** The scope of the token the request came with (what in-process callers act with otherwise). */
  scope: Scope;
  /** The public id of that token; absent for viewers built in-process. Rate limits key on it. */
  tokenId?: string;
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
    /** The database's random identity (table database_identity), read with the data version. */
    databaseIdentity?: string;
  };
}

/** Why a request is not authenticated: each answers UNAUTHENTICATED with its own message. */
export type Refusal = 'missing' | 'unknown' | 'revoked' | 'expired' | 'deactivated';

export type Authentication = { viewer: Viewer } | { refusal: Refusal };

/**
 * Reads `Authorization: Bearer <token>` and looks the token up, on every request: a token revoked
 * or expired a moment ago, by this process or another, fails on its very next use. This is the
 * one place a token is looked up.
 */
export async function authenticate(db: Database, header: string | undefined, now = new Date()): Promise<Authentication> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  if (!match) return { refusal: 'missing' };
  const rows = await db.query<Record<string, unknown>>(
    `SELECT t.id AS token_id, t.scope, t.expires_at, t.revoked_at, t.last_used_at, u.deactivated_at,
            u.id AS user_id, u.email, u.role, u.team_id, a.id AS account_id, a.name AS account_name, a.plan, a.reporting_addon, a.timezone, a.data_version,
            d.identity AS database_identity
       FROM api_tokens t
       JOIN users u ON u.account_id = t.account_id AND u.id = t.user_id
       JOIN accounts a ON a.id = t.account_id
       LEFT JOIN database_identity d ON d.id = 1
      WHERE t.token_hash = ?`,
    [hashToken(match[1])],
  );
  const row = rows[0];
  if (!row) return { refusal: 'unknown' };
  if (row.revoked_at !== null) return { refusal: 'revoked' };
  if (row.deactivated_at !== null) return { refusal: 'deactivated' };
  const expiresAt = fromDbInstant(row.expires_at);
  if (expiresAt && expiresAt.getTime() <= now.getTime()) return { refusal: 'expired' };
  const tokenId = String(row.token_id);
  await recordUse(db, tokenId, fromDbInstant(row.last_used_at), now);
  return {
    viewer: {
      userId: String(row.user_id),
      email: String(row.email),
      role: row.role as Role,
      teamId: (row.team_id as string | null) ?? null,
      scope: row.scope as Scope,
      tokenId,
      account: {
        id: toNumber(row.account_id) as number,
        name: String(row.account_name),
        plan: row.plan as Plan,
        reportingAddon: Boolean(toNumber(row.reporting_addon)),
        timezone: String(row.timezone),
        dataVersion: toNumber(row.data_version) as number,
        ...(row.database_identity ? { databaseIdentity: String(row.database_identity) } : {}),
      },
    },
  };
}

/** A token's last use is recorded this coarsely: a write per request would cost more than the request. */
export const LAST_USED_PRECISION_MS = 60_000;

/** Token id → when this process last wrote its last_used_at. Cleared when it grows past this. */
const lastWritten = new Map<string, number>();
const LAST_WRITTEN_MAX_ENTRIES = 10_000;

/**
 * Writes `last_used_at` when the stored value (or this process's last write) is a minute old or
 * more: at most about one write per token per minute and process, and none on most requests.
 */
async function recordUse(db: Database, tokenId: string, stored: Date | null, now: Date): Promise<void> {
  const known = Math.max(stored?.getTime() ?? -Infinity, lastWritten.get(tokenId) ?? -Infinity);
  if (now.getTime() - known < LAST_USED_PRECISION_MS) return;
  if (lastWritten.size >= LAST_WRITTEN_MAX_ENTRIES) lastWritten.clear();
  lastWritten.set(tokenId, now.getTime());
  await db.query('UPDATE api_tokens SET last_used_at = ? WHERE id = ?', [now, tokenId]);
}
