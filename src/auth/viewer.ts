import { Plan, PLANS } from '../accounts/account.entity';
import { settings } from '../config';
import { changeStamps, onChange } from '../db/changes';
import { Database } from '../db/database';
import { column, selectOne } from '../db/rows';
import { Scope, SCOPES } from './rights';
import { hashToken } from './tokens';
import { Role, ROLES } from './user.entity';
import { sql } from '../db/sql';

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

/** What authentication reads about a token, its user and their account. */
const VIEWER_ROW = {
  token_id: column.text,
  scope: column.oneOf<Scope>(SCOPES),
  expires_at: column.nullableInstant,
  revoked_at: column.nullableInstant,
  last_used_at: column.nullableInstant,
  deactivated_at: column.nullableInstant,
  user_id: column.text,
  email: column.text,
  role: column.oneOf<Role>(ROLES),
  team_id: column.nullableText,
  account_id: column.number,
  account_name: column.text,
  plan: column.oneOf<Plan>(PLANS),
  reporting_addon: column.boolean,
  timezone: column.text,
  data_version: column.number,
  database_identity: column.nullableText,
};

/**
 * Reads `Authorization: Bearer <token>` and checks the token on every request: a token revoked or
 * expired a moment ago, its user deactivated, by this process or another, fails on its very next
 * use. This is the one place a token is looked up.
 *
 * An accepted token's viewer (with the account's data version) is held in memory and used again
 * without a database query while the account's change stamp is the one it was read under (see
 * db/changes.ts: any change of the account's tokens, users or data moves the stamp, in any process)
 * and for at most TOKEN_CACHE_TTL_MS. Where no stamp can be known (MariaDB without Redis), or with
 * THREADLINE_AUTH_CACHE=off, every request reads the database.
 */
export async function authenticate(db: Database, header: string | undefined, now = new Date()): Promise<Authentication> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  if (!match) return { refusal: 'missing' };
  const hash = hashToken(match[1]);
  const cache = tokenCacheOf(db);
  // The stamp is read before the database: a change committed after it moves it on again.
  const accountId = cache?.accounts.get(hash);
  const stamp = cache && accountId !== undefined ? await changeStamps(db).stamp(accountId) : null;
  const held = cache?.viewers.get(hash);
  if (held && stamp !== null && held.stamp === stamp && now.getTime() - held.at < TOKEN_CACHE_TTL_MS) {
    if (held.expiresAt !== null && held.expiresAt <= now.getTime()) return { refusal: 'expired' };
    await recordUse(db, held.viewer.tokenId as string, held.lastUsedAt, now);
    return { viewer: held.viewer };
  }
  if (held) cache?.viewers.delete(hash);
  const row = await selectOne(db, sql`SELECT t.id AS token_id, t.scope, t.expires_at, t.revoked_at, t.last_used_at, u.deactivated_at,
            u.id AS user_id, u.email, u.role, u.team_id, a.id AS account_id, a.name AS account_name, a.plan, a.reporting_addon, a.timezone, a.data_version,
            d.identity AS database_identity
       FROM api_tokens t
       JOIN users u ON u.account_id = t.account_id AND u.id = t.user_id
       JOIN accounts a ON a.id = t.account_id
       LEFT JOIN database_identity d ON d.id = 1
      WHERE t.token_hash = ${hash}`, VIEWER_ROW);
  if (!row) return { refusal: 'unknown' };
  if (row.revoked_at !== null) return { refusal: 'revoked' };
  if (row.deactivated_at !== null) return { refusal: 'deactivated' };
  const expiresAt = row.expires_at;
  if (expiresAt && expiresAt.getTime() <= now.getTime()) return { refusal: 'expired' };
  const tokenId = row.token_id;
  await recordUse(db, tokenId, row.last_used_at, now);
  const viewer: Viewer = {
    userId: row.user_id,
    email: row.email,
    role: row.role,
    teamId: row.team_id,
    scope: row.scope,
    tokenId,
    account: {
      id: row.account_id,
      name: row.account_name,
      plan: row.plan,
      reportingAddon: row.reporting_addon,
      timezone: row.timezone,
      dataVersion: row.data_version,
      ...(row.database_identity ? { databaseIdentity: row.database_identity } : {}),
    },
  };
  if (cache) {
    // A token never moves between accounts. The first request learns the account; from the
    // second on, the stamp is read before the query, and only then is the viewer held.
    if (cache.accounts.size >= TOKEN_CACHE_MAX_ENTRIES) cache.accounts.clear();
    cache.accounts.set(hash, viewer.account.id);
    if (stamp !== null && accountId === viewer.account.id) {
      if (cache.viewers.size >= TOKEN_CACHE_MAX_ENTRIES) cache.viewers.clear();
      cache.viewers.set(hash, { viewer: freeze(viewer), stamp, at: now.getTime(), expiresAt: expiresAt?.getTime() ?? null, lastUsedAt: row.last_used_at });
    }
  }
  return { viewer };
}

/** How long an accepted token is used without reading the database, at most: a bound should a change go unannounced. */
export const TOKEN_CACHE_TTL_MS = 120_000;
const TOKEN_CACHE_MAX_ENTRIES = 10_000;

interface HeldViewer {
  viewer: Viewer;
  /** The account's change stamp the viewer was read under. */
  stamp: string;
  /** When it was read (ms). */
  at: number;
  expiresAt: number | null;
  /** The token's last use as stored when it was read (recordUse writes a newer one at most once a minute). */
  lastUsedAt: Date | null;
}

interface TokenCache {
  /** Token hash → accepted viewer. */
  viewers: Map<string, HeldViewer>;
  /** Token hash → its account, once seen. */
  accounts: Map<string, number>;
}

const tokenCaches = new WeakMap<Database, TokenCache | null>();

/** This process's token cache of `db`; null with THREADLINE_AUTH_CACHE=off. */
function tokenCacheOf(db: Database): TokenCache | null {
  let cache = tokenCaches.get(db);
  if (cache === undefined) {
    cache = settings().authCache ? { viewers: new Map(), accounts: new Map() } : null;
    if (cache) {
      const viewers = cache.viewers;
      // This process's own changes drop its copies at once, whatever the stamps say.
      onChange(db, (changed) => {
        for (const [hash, held] of viewers) if (held.viewer.account.id === changed) viewers.delete(hash);
      });
    }
    tokenCaches.set(db, cache);
  }
  return cache;
}

/** A held viewer is shared by every request of its token: nobody may change it. */
function freeze(viewer: Viewer): Viewer {
  Object.freeze(viewer.account);
  return Object.freeze(viewer);
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
  await db.query(sql`UPDATE api_tokens SET last_used_at = ${now} WHERE id = ${tokenId}`);
}
