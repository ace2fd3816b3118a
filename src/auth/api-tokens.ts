import { randomUUID } from 'node:crypto';
import { announceChange } from '../db/changes';
import { Database, Queryable } from '../db/database';
import { column, RowOf, select, selectOne } from '../db/rows';
import { BadInput } from '../errors';
import { defaultScope, Scope, SCOPES } from './rights';
import { hashToken, newToken, parseExpiry } from './tokens';
import { Role } from './user.entity';
import { empty, join, raw, Sql, sql } from '../db/sql';

/** A token as lists show it: never its secret, which exists only in the answer that created it. */
export interface TokenInfo {
  id: string;
  accountId: number;
  userId: string;
  userEmail: string;
  userName: string | null;
  name: string | null;
  scope: Scope;
  createdAt: Date;
  expiresAt: Date | null;
  /** Precise to about a minute (LAST_USED_PRECISION_MS). */
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export type TokenStatus = 'ACTIVE' | 'EXPIRED' | 'REVOKED';

export function statusOf(token: Pick<TokenInfo, 'expiresAt' | 'revokedAt'>, now = new Date()): TokenStatus {
  if (token.revokedAt) return 'REVOKED';
  return token.expiresAt && token.expiresAt.getTime() <= now.getTime() ? 'EXPIRED' : 'ACTIVE';
}

/** What a new token is asked to be; every part optional. */
export interface TokenRequest {
  scope?: string | null;
  /** See parseExpiry: `90d`, `12h`, `4w`, an ISO date or instant; absent: never expires. */
  expires?: string | null;
  name?: string | null;
}

/** The user a token is issued to. */
export interface TokenHolder {
  accountId: number;
  id: string;
  email: string;
  name: string | null;
  role: Role;
  deactivatedAt: Date | null;
}

/** Issues a token to `holder`: the secret (shown once) and what lists will show of it. */
export async function issueToken(db: Queryable, holder: TokenHolder, request: TokenRequest = {}, now = new Date()): Promise<{ token: string; info: TokenInfo }> {
  if (holder.deactivatedAt) throw new BadInput('user', `${holder.email} is deactivated`);
  const scope = parseScope(request.scope, holder.role);
  const name = parseTokenName(request.name);
  const expiresAt = request.expires == null ? null : parseExpiry(request.expires, now);
  const { token, hash } = newToken();
  const info: TokenInfo = {
    id: randomUUID(),
    accountId: holder.accountId,
    userId: holder.id,
    userEmail: holder.email,
    userName: holder.name,
    name,
    scope,
    createdAt: now,
    expiresAt,
    lastUsedAt: null,
    revokedAt: null,
  };
  await db.query(sql`INSERT INTO api_tokens (token_hash, id, account_id, user_id, name, scope, created_at, expires_at, last_used_at, revoked_at)
     VALUES (${hash}, ${info.id}, ${info.accountId}, ${info.userId}, ${name}, ${scope}, ${now}, ${expiresAt}, NULL, NULL)`);
  return { token, info };
}

function parseScope(value: string | null | undefined, role: Role): Scope {
  if (value == null) return defaultScope(role);
  const scope = value.trim().toUpperCase();
  if (!(SCOPES as readonly string[]).includes(scope)) throw new BadInput('scope', `must be one of ${SCOPES.join(', ')}, not "${value}"`);
  if (scope === 'ADMIN' && role !== 'ADMIN') throw new BadInput('scope', 'only an ADMIN may hold an ADMIN-scoped token; give a MEMBER a READ or INGEST token');
  return scope as Scope;
}

function parseTokenName(value: string | null | undefined): string | null {
  const name = value?.trim() ?? '';
  if (name.length > 100) throw new BadInput('name', 'must be at most 100 characters');
  return name === '' ? null : name;
}

export interface TokenFilter {
  accountId?: number;
  userId?: string;
  /** The token's public id. */
  id?: string;
  /** Only tokens that work now (neither revoked nor expired). */
  activeAt?: Date;
}

/** Tokens matching every part of `filter`, oldest first. */
export async function listTokens(db: Queryable, filter: TokenFilter = {}): Promise<TokenInfo[]> {
  const where: Sql[] = [];
  if (filter.accountId !== undefined) where.push(sql`t.account_id = ${filter.accountId}`);
  if (filter.userId !== undefined) where.push(sql`t.user_id = ${filter.userId}`);
  if (filter.id !== undefined) where.push(sql`t.id = ${filter.id}`);
  if (filter.activeAt !== undefined) where.push(sql`t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > ${filter.activeAt})`);
  const rows = await select(
    db,
    sql`SELECT t.id, t.account_id, t.user_id, u.email, u.name AS user_name, t.name, t.scope, t.created_at, t.expires_at, t.last_used_at, t.revoked_at
       FROM api_tokens t JOIN users u ON u.account_id = t.account_id AND u.id = t.user_id
      ${where.length > 0 ? sql`WHERE ${join(where, ' AND ')}` : empty}
      ORDER BY t.created_at, t.id`,
    TOKEN_ROW,
  );
  return rows.map(toTokenInfo);
}

/** One token by its public id, within `accountId` when given: null when there is none. */
export async function findToken(db: Queryable, id: string, accountId?: number): Promise<TokenInfo | null> {
  return (await listTokens(db, { id, accountId }))[0] ?? null;
}

/** The token behind a secret, whatever its state; null when the secret is no token. */
export async function findTokenBySecret(db: Queryable, token: string): Promise<TokenInfo | null> {
  const row = await selectOne(db, sql`SELECT id FROM api_tokens WHERE token_hash = ${hashToken(token)}`, { id: column.text });
  return row ? findToken(db, row.id) : null;
}

/**
 * Revokes a token by its public id (within `accountId` when given); null when there is none.
 * Revoking a revoked token changes nothing: it keeps its first revocation time.
 */
export async function revokeToken(db: Database, id: string, accountId?: number, now = new Date()): Promise<TokenInfo | null> {
  const token = await findToken(db, id, accountId);
  if (!token) return null;
  if (!token.revokedAt) {
    await db.query(sql`UPDATE api_tokens SET revoked_at = ${now} WHERE id = ${id} AND revoked_at IS NULL`);
    await announceChange(db, token.accountId);
  }
  return findToken(db, id, accountId);
}

/**
 * Revokes every unrevoked token of a user, or only those named `name`, except the token `except`.
 * The caller announces the change (announceChange) once it is committed.
 */
export async function revokeUserTokens(db: Queryable, accountId: number, userId: string, now: Date, only: { name?: string; except?: string } = {}): Promise<void> {
  const conditions = [sql`account_id = ${accountId}`, sql`user_id = ${userId}`, raw('revoked_at IS NULL')];
  if (only.name !== undefined) conditions.push(sql`name = ${only.name}`);
  if (only.except !== undefined) conditions.push(sql`id <> ${only.except}`);
  await db.query(sql`UPDATE api_tokens SET revoked_at = ${now} WHERE ${join(conditions, ' AND ')}`);
}

const TOKEN_ROW = {
  id: column.text,
  account_id: column.number,
  user_id: column.text,
  email: column.text,
  user_name: column.nullableText,
  name: column.nullableText,
  scope: column.oneOf<Scope>(SCOPES),
  created_at: column.instant,
  expires_at: column.nullableInstant,
  last_used_at: column.nullableInstant,
  revoked_at: column.nullableInstant,
};

function toTokenInfo(row: RowOf<typeof TOKEN_ROW>): TokenInfo {
  return {
    id: row.id,
    accountId: row.account_id,
    userId: row.user_id,
    userEmail: row.email,
    userName: row.user_name,
    name: row.name,
    scope: row.scope,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}
