import { parseArgs } from 'node:util';
import { issueToken, listTokens, revokeToken, statusOf, TokenInfo } from '../auth/api-tokens';
import { SCOPES } from '../auth/rights';
import { EXPIRES_SYNTAX } from '../auth/tokens';
import { CliError } from '../errors';
import { COMMON_OPTIONS, parseCommandLine, printResult, printUsage, requireAccount, requiredFlag, showInstant, runSubcommand, table, withDatabase } from './command';
import { requireUser } from './user';

const CREATE_USAGE = `Usage: threadline token create --user EMAIL [--account ID] [--scope ${SCOPES.join('|')}] [--expires WHEN] [--name NAME] [--json]

Creates an API token for a user and prints it (shown only once; only its hash is stored).
  --user EMAIL     the user it acts as
  --account ID     the user's account (needed only when the email is a user of several accounts)
  --scope SCOPE    READ: what the role allows except writing conversations and managing users and tokens;
                   INGEST: only ingestConversations (for integrations); ADMIN: everything (ADMIN users only).
                   Default: ADMIN for an ADMIN, READ for a MEMBER
  --expires WHEN   ${EXPIRES_SYNTAX}; at most ten years ahead (default: never)
  --name NAME      what it is for, e.g. "Zendesk sync"
  --json           print {"id": "...", "token": "...", "accountId": "...", "userId": "...", "scope": "...", "expiresAt": ...}`;

const LIST_USAGE = `Usage: threadline token list [--account ID] [--user EMAIL] [--json]

Lists API tokens, oldest first, with their user, scope and state; never their secrets.
  --account ID     only this account's tokens
  --user EMAIL     only this user's tokens
  --json           print {"tokens": [{"id", "accountId", "userId", "email", "name", "scope", "status",
                   "createdAt", "expiresAt", "lastUsedAt", "revokedAt"}]} (last use is precise to about a minute)`;

const REVOKE_USAGE = `Usage: threadline token revoke ID [--json]

Revokes an API token by its id (from "token list"): its very next request answers UNAUTHENTICATED,
on every server. Revoking it again changes nothing.
  --json           print {"id": "...", "revokedAt": "..."}`;

export const USAGE = [CREATE_USAGE, LIST_USAGE, REVOKE_USAGE].join('\n\n');

export function run(argv: string[]): Promise<void> {
  return runSubcommand('token', argv, USAGE, { create, list, revoke });
}

async function create(args: string[]): Promise<void> {
  const { values } = parseCommandLine('token create', () =>
    parseArgs({
      args,
      options: { ...COMMON_OPTIONS, user: { type: 'string' }, account: { type: 'string' }, scope: { type: 'string' }, expires: { type: 'string' }, name: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }),
  );
  if (values.help) return printUsage(CREATE_USAGE);
  const email = requiredFlag('token create', values.user, 'user');
  const { token, info } = await withDatabase(async (db) =>
    issueToken(db, await requireUser(db, email, values.account), { scope: values.scope, expires: values.expires, name: values.name }),
  );
  printResult(
    values.json,
    { id: info.id, token, accountId: String(info.accountId), userId: info.userId, scope: info.scope, expiresAt: info.expiresAt?.toISOString() ?? null },
    `Created ${info.scope} token ${info.id} for ${info.userEmail} (account ${info.accountId}), ${info.expiresAt ? `expiring ${showInstant(info.expiresAt)}` : 'never expiring'}.\nAPI token (shown only once): ${token}`,
  );
}

async function list(args: string[]): Promise<void> {
  const { values } = parseCommandLine('token list', () =>
    parseArgs({ args, options: { ...COMMON_OPTIONS, account: { type: 'string' }, user: { type: 'string' } }, strict: true, allowPositionals: false }),
  );
  if (values.help) return printUsage(LIST_USAGE);
  const tokens = await withDatabase(async (db) => {
    if (values.user !== undefined) {
      const user = await requireUser(db, values.user, values.account);
      return listTokens(db, { accountId: user.accountId, userId: user.id });
    }
    const account = values.account === undefined ? undefined : await requireAccount(db, values.account);
    return listTokens(db, { accountId: account?.id });
  });
  const now = new Date();
  printResult(values.json, { tokens: tokens.map((t) => describeToken(t, now)) }, () =>
    tokens.length === 0
      ? 'No API tokens.'
      : table(
          ['ID', 'ACCOUNT', 'USER', 'NAME', 'SCOPE', 'STATUS', 'CREATED', 'EXPIRES', 'LAST USED', 'REVOKED'],
          tokens.map((t) => [
            t.id,
            String(t.accountId),
            t.userEmail,
            t.name ?? '-',
            t.scope,
            statusOf(t, now),
            showInstant(t.createdAt),
            showInstant(t.expiresAt),
            showInstant(t.lastUsedAt),
            showInstant(t.revokedAt),
          ]),
        ),
  );
}

async function revoke(args: string[]): Promise<void> {
  const { values, positionals } = parseCommandLine('token revoke', () =>
    parseArgs({ args, options: { ...COMMON_OPTIONS }, strict: true, allowPositionals: true }),
  );
  if (values.help) return printUsage(REVOKE_USAGE);
  if (positionals.length !== 1) throw new CliError(`token revoke: expected one token ID, got ${positionals.length} (see: threadline token revoke --help)`);
  const id = positionals[0].trim();
  const token = await withDatabase((db) => revokeToken(db, id));
  if (!token?.revokedAt) throw new CliError(`no API token with id "${id}" (see: threadline token list)`);
  printResult(values.json, { id: token.id, revokedAt: token.revokedAt.toISOString() }, `Revoked token ${token.id} of ${token.userEmail} (account ${token.accountId}) as of ${showInstant(token.revokedAt)}.`);
}

function describeToken(token: TokenInfo, now: Date) {
  return {
    id: token.id,
    accountId: String(token.accountId),
    userId: token.userId,
    email: token.userEmail,
    name: token.name,
    scope: token.scope,
    status: statusOf(token, now),
    createdAt: token.createdAt.toISOString(),
    expiresAt: token.expiresAt?.toISOString() ?? null,
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
    revokedAt: token.revokedAt?.toISOString() ?? null,
  };
}
