import { randomUUID } from 'node:crypto';
import { Account } from '../accounts/account.entity';
import { BadInput, NotFound } from '../errors';
import { announceChange } from '../db/changes';
import { Database, Queryable } from '../db/database';
import { column, select, selectOne } from '../db/rows';
import { Team } from '../conversations/directory.entity';
import { issueToken, revokeUserTokens, TokenInfo, TokenRequest } from './api-tokens';
import { Role, ROLES, User } from './user.entity';
import { empty, identifier, join, Sql, sql } from '../db/sql';

export interface NewUser {
  email: string;
  name?: string | null;
  team?: string | null;
  role?: string | null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Creates a team member who can call the API, with a first API token (returned once) of the role's default scope. */
export async function createUser(db: Database, account: Pick<Account, 'id'>, input: NewUser, firstToken: { name?: string } = {}): Promise<{ user: User; token: string; tokenInfo: TokenInfo }> {
  const email = input.email?.trim().toLowerCase();
  if (!email || !EMAIL.test(email) || email.length > 254) throw new BadInput('email', `"${input.email ?? ''}" is not an email address`);
  const role = parseRole(input.role ?? 'MEMBER');
  const users = db.dataSource.getRepository(User);
  if (await users.findOneBy({ accountId: account.id, email })) {
    throw new BadInput('email', `a user with email ${email} already exists in account ${account.id}`);
  }
  const teamId = input.team ? await teamByName(db, account.id, input.team) : null;
  const user = await users.save(
    users.create({ accountId: account.id, id: randomUUID(), email, name: parseUserName(input.name), role, teamId, createdAt: new Date(), deactivatedAt: null }),
  );
  const { token, info } = await issueToken(db, user, { name: firstToken.name });
  return { user, token, tokenInfo: info };
}

function parseRole(value: string): Role {
  const role = value.trim().toUpperCase();
  if (!(ROLES as readonly string[]).includes(role)) throw new BadInput('role', `must be one of ${ROLES.join(', ')}, not "${value}"`);
  return role as Role;
}

function parseUserName(value: string | null | undefined): string | null {
  const name = value?.trim() ?? '';
  if (name.length > 200) throw new BadInput('name', 'must be at most 200 characters');
  return name === '' ? null : name;
}

/** A user as admins manage them. */
export interface UserInfo {
  id: string;
  accountId: number;
  email: string;
  name: string | null;
  role: Role;
  teamId: string | null;
  createdAt: Date;
  deactivatedAt: Date | null;
  /** Tokens that work now. */
  activeTokens: number;
  /** The latest use of any of their tokens (precise to about a minute). */
  lastUsedAt: Date | null;
}

/** Users of one account (every account when none is given), by email. */
export async function listUsers(db: Queryable, filter: { accountId?: number; email?: string; id?: string } = {}, now = new Date()): Promise<UserInfo[]> {
  const where: Sql[] = [];
  if (filter.accountId !== undefined) where.push(sql`u.account_id = ${filter.accountId}`);
  if (filter.email !== undefined) where.push(sql`u.email = ${filter.email.trim().toLowerCase()}`);
  if (filter.id !== undefined) where.push(sql`u.id = ${filter.id}`);
  const rows = await select(
    db,
    sql`SELECT u.id, u.account_id, u.email, u.name, u.role, u.team_id, u.created_at, u.deactivated_at,
            COUNT(CASE WHEN t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > ${now}) THEN 1 END) AS active_tokens,
            MAX(t.last_used_at) AS last_used_at
       FROM users u LEFT JOIN api_tokens t ON t.account_id = u.account_id AND t.user_id = u.id
      ${where.length > 0 ? sql`WHERE ${join(where, ' AND ')}` : empty}
      GROUP BY u.account_id, u.id, u.email, u.name, u.role, u.team_id, u.created_at, u.deactivated_at
      ORDER BY u.account_id, u.email`,
    {
      id: column.text,
      account_id: column.number,
      email: column.text,
      name: column.nullableText,
      role: column.oneOf<Role>(ROLES),
      team_id: column.nullableText,
      created_at: column.instant,
      deactivated_at: column.nullableInstant,
      active_tokens: column.count,
      last_used_at: column.nullableInstant,
    },
  );
  return rows.map((row) => ({
    id: row.id,
    accountId: row.account_id,
    email: row.email,
    name: row.name,
    role: row.role,
    teamId: row.team_id,
    createdAt: row.created_at,
    deactivatedAt: row.deactivated_at,
    activeTokens: row.active_tokens,
    lastUsedAt: row.last_used_at,
  }));
}

/** One user of `accountId`; NOT_FOUND for any other id (other accounts' users included). */
export async function findUser(db: Queryable, accountId: number, id: string): Promise<UserInfo> {
  const [user] = await listUsers(db, { accountId, id });
  if (!user) throw new NotFound('user', id);
  return user;
}

/**
 * Issues a token to the user of `accountId` named by id or by email (exactly one of them);
 * NOT_FOUND for a user of another account.
 */
export async function issueTokenTo(db: Database, accountId: number, who: { userId?: string | null; email?: string | null }, request: TokenRequest): Promise<{ token: string; info: TokenInfo }> {
  if ((who.userId == null) === (who.email == null)) throw new BadInput('userId', 'give the user by userId or by email (one of them)');
  const [user] = who.userId != null ? await listUsers(db, { accountId, id: who.userId }) : await listUsers(db, { accountId, email: who.email as string });
  if (!user) throw new NotFound('user', who.userId ?? (who.email as string));
  return issueToken(db, user, request);
}

/** The active users of an account, as sharing pickers list them. */
export async function listMembers(db: Queryable, accountId: number): Promise<{ id: string; email: string; name: string | null }[]> {
  return select(db, sql`SELECT id, email, name FROM users WHERE account_id = ${accountId} AND deactivated_at IS NULL ORDER BY email`, { id: column.text, email: column.text, name: column.nullableText });
}

export interface UserChanges {
  role?: string | null;
  /** null or empty: no name. */
  name?: string | null;
  /** A team by name (created when the account has none of that name); null: no team. */
  team?: string | null;
}

/**
 * Changes a user's role, name or team. The account keeps an active admin: demoting the last one
 * is refused. A demoted admin's ADMIN-scoped tokens become READ tokens.
 */
export async function updateUser(db: Database, accountId: number, id: string, changes: UserChanges): Promise<UserInfo> {
  const role = changes.role == null ? undefined : parseRole(changes.role);
  const name = changes.name === undefined ? undefined : parseUserName(changes.name);
  const teamId = changes.team === undefined ? undefined : changes.team === null || changes.team.trim() === '' ? null : await teamByName(db, accountId, changes.team);
  await db.transaction(async (tx) => {
    await lockAccount(tx, db, accountId);
    const user = await findUser(tx, accountId, id);
    if (role === 'MEMBER' && user.role === 'ADMIN') {
      if (!user.deactivatedAt) await requireAnotherAdmin(tx, db, user, 'role', 'cannot be demoted');
      await tx.query(sql`UPDATE api_tokens SET scope = 'READ' WHERE account_id = ${accountId} AND user_id = ${id} AND scope = 'ADMIN'`);
    }
    const changed = Object.entries({ role, name, team_id: teamId }).filter(([, value]) => value !== undefined);
    if (changed.length === 0) return;
    const assignments = join(changed.map(([column, value]) => sql`${identifier(column)} = ${value}`), ', ');
    await tx.query(sql`UPDATE users SET ${assignments} WHERE account_id = ${accountId} AND id = ${id}`);
  });
  // Role and team travel with every request's viewer; demoted tokens lost their ADMIN scope.
  await announceChange(db, accountId);
  return findUser(db, accountId, id);
}

/**
 * Deactivates a user: their tokens are revoked at once and they cannot authenticate again; their
 * dashboards and reports stay. The last active admin of an account cannot be deactivated.
 */
export async function deactivateUser(db: Database, accountId: number, id: string, now = new Date()): Promise<UserInfo> {
  await db.transaction(async (tx) => {
    await lockAccount(tx, db, accountId);
    const user = await findUser(tx, accountId, id);
    if (user.deactivatedAt) return;
    if (user.role === 'ADMIN') await requireAnotherAdmin(tx, db, user, 'id', 'cannot be deactivated');
    await revokeUserTokens(tx, accountId, id, now);
    await tx.query(sql`UPDATE users SET deactivated_at = ${now} WHERE account_id = ${accountId} AND id = ${id}`);
  });
  await announceChange(db, accountId);
  return findUser(db, accountId, id);
}

/**
 * Changes to users run one account at a time, so that two admins demoting each other at once
 * cannot both pass the last-admin check. Taken before the transaction reads anything: MariaDB's
 * snapshot then includes what the previous holder committed. (SQLite's transactions run one at a time.)
 */
async function lockAccount(tx: Queryable, db: Database, accountId: number): Promise<void> {
  await tx.query(sql`SELECT id FROM accounts WHERE id = ${accountId}${db.dialect.lockingRead}`);
}

/** Refuses to take away the account's last active admin (inside a transaction that holds lockAccount). */
async function requireAnotherAdmin(tx: Queryable, db: Database, user: UserInfo, field: string, what: string): Promise<void> {
  const row = await selectOne(tx, sql`SELECT COUNT(*) AS n FROM users WHERE account_id = ${user.accountId} AND role = 'ADMIN' AND deactivated_at IS NULL AND id <> ${user.id}${db.dialect.lockingRead}`, { n: column.count });
  if ((row?.n ?? 0) === 0) {
    throw new BadInput(field, `${user.email} is the last active admin of account ${user.accountId} and ${what}: make another user ADMIN first`);
  }
}

/** A team named by an admin: found by name, or created with an id derived from it. */
async function teamByName(db: Database, accountId: number, name: string): Promise<string> {
  const trimmed = name.trim();
  if (!trimmed || trimmed.length > 200) throw new BadInput('team', 'must be 1 to 200 characters');
  const teams = db.dataSource.getRepository(Team);
  const existing = await teams.findOneBy({ accountId, name: trimmed });
  if (existing) return existing.externalId;
  const externalId = `team-${trimmed.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || randomUUID()}`;
  await teams.save(teams.create({ accountId, externalId, name: trimmed }));
  return externalId;
}
