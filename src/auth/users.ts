import { randomUUID } from 'node:crypto';
import { Account } from '../accounts/account.entity';
import { BadInput } from '../errors';
import { Database } from '../db/database';
import { Team } from '../conversations/directory.entity';
import { ApiToken } from './api-token.entity';
import { hashToken, newToken } from './tokens';
import { Role, ROLES, User } from './user.entity';

export interface NewUser {
  email: string;
  name?: string;
  team?: string;
  role?: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Creates a team member who can call the API, with a first API token (returned once). */
export async function createUser(db: Database, account: Account, input: NewUser): Promise<{ user: User; token: string }> {
  const email = input.email?.trim().toLowerCase();
  if (!email || !EMAIL.test(email) || email.length > 254) throw new BadInput('email', `"${input.email ?? ''}" is not an email address`);
  const role = (input.role ?? 'MEMBER').toUpperCase();
  if (!(ROLES as readonly string[]).includes(role)) throw new BadInput('role', `must be one of ${ROLES.join(', ')}, not "${input.role}"`);
  const users = db.dataSource.getRepository(User);
  if (await users.findOneBy({ accountId: account.id, email })) {
    throw new BadInput('email', `a user with email ${email} already exists in account ${account.id}`);
  }
  const teamId = input.team ? await teamByName(db, account.id, input.team) : null;
  const user = await users.save(
    users.create({ accountId: account.id, id: randomUUID(), email, name: input.name?.trim() || null, role: role as Role, teamId, createdAt: new Date() }),
  );
  return { user, token: await issueToken(db, user) };
}

export async function issueToken(db: Database, user: User): Promise<string> {
  const { token, hash } = newToken();
  const tokens = db.dataSource.getRepository(ApiToken);
  await tokens.insert(tokens.create({ tokenHash: hash, accountId: user.accountId, userId: user.id, createdAt: new Date(), revokedAt: null }));
  return token;
}

/** Revokes a token; returns false when no active token matches. */
export async function revokeToken(db: Database, token: string): Promise<boolean> {
  const result = await db.query<{ n: number }>('SELECT COUNT(*) AS n FROM api_tokens WHERE token_hash = ? AND revoked_at IS NULL', [hashToken(token)]);
  if (Number(result[0]?.n ?? 0) === 0) return false;
  await db.query('UPDATE api_tokens SET revoked_at = ? WHERE token_hash = ?', [new Date(), hashToken(token)]);
  return true;
}

/** A team named on the command line: found by name, or created with an id derived from it. */
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
