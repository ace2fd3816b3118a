import { parseArgs } from 'node:util';
import { createUser } from '../auth/users';
import { ROLES } from '../auth/user.entity';
import { CliError } from '../errors';
import { COMMON_OPTIONS, parseCommandLine, printResult, printUsage, requireAccount, requiredFlag, withDatabase } from './command';

export const USAGE = `Usage: threadline user create --account ID --email EMAIL [--name NAME] [--team NAME] [--role ${ROLES.join('|')}] [--json]

Creates a team member who can call the API and prints their first API token (shown only once).
  --account ID     the account the user belongs to
  --email EMAIL    the user's email address (unique within the account)
  --name NAME      the user's display name
  --team NAME      the user's team (created if the account has no team of that name)
  --role ROLE      ${ROLES.join(' or ')} (default MEMBER)
  --json           print {"userId": "...", "token": "..."}`;

export async function run(argv: string[]): Promise<void> {
  const [subcommand, ...rest] = argv;
  if (subcommand === '--help' || subcommand === '-h') return printUsage(USAGE);
  if (subcommand === undefined) throw new CliError('user: expected a subcommand: create (see: threadline user --help)');
  if (subcommand !== 'create') throw new CliError(`user: unknown subcommand "${subcommand}" (expected: create)`);
  const { values } = parseCommandLine('user create', () =>
    parseArgs({
      args: rest,
      options: {
        ...COMMON_OPTIONS,
        account: { type: 'string' },
        email: { type: 'string' },
        name: { type: 'string' },
        team: { type: 'string' },
        role: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }),
  );
  if (values.help) return printUsage(USAGE);
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
