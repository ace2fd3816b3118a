import { parseArgs } from 'node:util';
import { createUser, deactivateUser, listUsers, UserInfo } from '../auth/users';
import { ROLES } from '../auth/user.entity';
import { Database } from '../db/database';
import { CliError } from '../errors';
import {
  COMMON_OPTIONS,
  parseCommandLine,
  printResult,
  printUsage,
  requireAccount,
  requiredFlag,
  showInstant,
  runSubcommand,
  table,
  withDatabase,
} from './command';

const CREATE_USAGE = `Usage: threadline user create --account ID --email EMAIL [--name NAME] [--team NAME] [--role ${ROLES.join('|')}] [--json]

Creates a team member who can call the API and prints their first API token (shown only once;
scope ADMIN for an ADMIN, READ for a MEMBER; see "threadline token" for others).
  --account ID     the account the user belongs to
  --email EMAIL    the user's email address (unique within the account)
  --name NAME      the user's display name
  --team NAME      the user's team (created if the account has no team of that name)
  --role ROLE      ${ROLES.join(' or ')} (default MEMBER)
  --json           print {"userId": "...", "token": "..."}`;

const LIST_USAGE = `Usage: threadline user list [--account ID] [--json]

Lists users (of one account, or of all) with role, team, whether active, and their working tokens.
  --account ID     only this account's users
  --json           print {"users": [{"userId", "accountId", "email", "name", "role", "teamId", "active",
                   "createdAt", "deactivatedAt", "activeTokens", "lastUsedAt"}]}`;

const DEACTIVATE_USAGE = `Usage: threadline user deactivate --account ID --email EMAIL [--json]

Deactivates a user: their API tokens are revoked at once and they cannot authenticate again; their
dashboards and reports remain. The last active ADMIN of an account cannot be deactivated.
  --account ID     the user's account
  --email EMAIL    the user's email address
  --json           print {"userId": "...", "deactivatedAt": "..."}`;

export const USAGE = [CREATE_USAGE, LIST_USAGE, DEACTIVATE_USAGE].join('\n\n');

export function run(argv: string[]): Promise<void> {
  return runSubcommand('user', argv, USAGE, { create, list, deactivate });
}

async function create(args: string[]): Promise<void> {
  const { values } = parseCommandLine('user create', () =>
    parseArgs({
      args,
      options: { ...COMMON_OPTIONS, account: { type: 'string' }, email: { type: 'string' }, name: { type: 'string' }, team: { type: 'string' }, role: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }),
  );
  if (values.help) return printUsage(CREATE_USAGE);
  const accountId = requiredFlag('user create', values.account, 'account');
  const email = requiredFlag('user create', values.email, 'email');
  const { user, token } = await withDatabase(async (db) => {
    const account = await requireAccount(db, accountId);
    return createUser(db, account, { email, name: values.name, team: values.team, role: values.role });
  });
  printResult(
    values.json,
    { userId: user.id, token },
    `Created ${user.role} user ${user.email} (${user.id}) in account ${user.accountId}.\nAPI token (shown only once): ${token}`,
  );
}

async function list(args: string[]): Promise<void> {
  const { values } = parseCommandLine('user list', () =>
    parseArgs({ args, options: { ...COMMON_OPTIONS, account: { type: 'string' } }, strict: true, allowPositionals: false }),
  );
  if (values.help) return printUsage(LIST_USAGE);
  const users = await withDatabase(async (db) => {
    const account = values.account === undefined ? undefined : await requireAccount(db, values.account);
    return listUsers(db, { accountId: account?.id });
  });
  printResult(values.json, { users: users.map(describeUser) }, () =>
    users.length === 0
      ? 'No users.'
      : table(
          ['ACCOUNT', 'EMAIL', 'NAME', 'ROLE', 'TEAM', 'ACTIVE', 'TOKENS', 'LAST USED'],
          users.map((u) => [String(u.accountId), u.email, u.name ?? '-', u.role, u.teamId ?? '-', u.deactivatedAt ? 'no' : 'yes', String(u.activeTokens), showInstant(u.lastUsedAt)]),
        ),
  );
}

async function deactivate(args: string[]): Promise<void> {
  const { values } = parseCommandLine('user deactivate', () =>
    parseArgs({ args, options: { ...COMMON_OPTIONS, account: { type: 'string' }, email: { type: 'string' } }, strict: true, allowPositionals: false }),
  );
  if (values.help) return printUsage(DEACTIVATE_USAGE);
  const accountId = requiredFlag('user deactivate', values.account, 'account');
  const email = requiredFlag('user deactivate', values.email, 'email');
  const user = await withDatabase(async (db) => {
    const found = await requireUser(db, email, accountId);
    return deactivateUser(db, found.accountId, found.id);
  });
  printResult(
    values.json,
    { userId: user.id, deactivatedAt: user.deactivatedAt?.toISOString() },
    `Deactivated ${user.email} (${user.id}) in account ${user.accountId}: their API tokens are revoked.`,
  );
}

/**
 * A user by email: within `accountId`, or in whichever account has that email when it is unique
 * across accounts (emails are unique per account only).
 */
export async function requireUser(db: Database, email: string, accountId?: string): Promise<UserInfo> {
  const account = accountId === undefined ? undefined : await requireAccount(db, accountId);
  const found = await listUsers(db, { email, accountId: account?.id });
  const where = account ? ` in account ${account.id}` : '';
  if (found.length === 0) throw new CliError(`no user with email ${email.trim().toLowerCase()}${where} (see: threadline user list)`);
  if (found.length > 1) throw new CliError(`${found[0].email} is a user of accounts ${found.map((u) => u.accountId).join(', ')}: say which with --account`);
  return found[0];
}

function describeUser(user: UserInfo) {
  return {
    userId: user.id,
    accountId: String(user.accountId),
    email: user.email,
    name: user.name,
    role: user.role,
    teamId: user.teamId,
    active: user.deactivatedAt === null,
    createdAt: user.createdAt.toISOString(),
    deactivatedAt: user.deactivatedAt?.toISOString() ?? null,
    activeTokens: user.activeTokens,
    lastUsedAt: user.lastUsedAt?.toISOString() ?? null,
  };
}
