import { parseArgs } from 'node:util';
import { PLANS } from '../accounts/account.entity';
import { createAccount } from '../accounts/accounts';
import { CliError } from '../errors';
import { COMMON_OPTIONS, parseCommandLine, printResult, printUsage, requiredFlag, withDatabase } from './command';

export const USAGE = `Usage: threadline account create --name NAME --plan ${PLANS.join('|')} [--reporting-addon] [--timezone IANA] [--json]

Creates an account (portal) and prints its id.
  --name NAME          the account's name
  --plan PLAN          ${PLANS.join(', ')}
  --reporting-addon    the account has the reporting add-on (custom reports on FREE and STARTER)
  --timezone IANA      the account's default report timezone, e.g. Europe/Amsterdam (default UTC)
  --json               print {"accountId": "..."}`;

export async function run(argv: string[]): Promise<void> {
  const [subcommand, ...rest] = argv;
  if (subcommand === '--help' || subcommand === '-h') return printUsage(USAGE);
  if (subcommand === undefined) throw new CliError('account: expected a subcommand: create (see: threadline account --help)');
  if (subcommand !== 'create') throw new CliError(`account: unknown subcommand "${subcommand}" (expected: create)`);
  const { values } = parseCommandLine('account create', () =>
    parseArgs({
      args: rest,
      options: {
        ...COMMON_OPTIONS,
        name: { type: 'string' },
        plan: { type: 'string' },
        'reporting-addon': { type: 'boolean' },
        timezone: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }),
  );
  if (values.help) return printUsage(USAGE);
  const name = requiredFlag('account create', values.name, 'name');
  const plan = requiredFlag('account create', values.plan, 'plan').trim().toUpperCase();
  const account = await withDatabase((db) =>
    createAccount(db, { name, plan, reportingAddon: values['reporting-addon'] ?? false, timezone: values.timezone }),
  );
  printResult(
    values.json,
    { accountId: String(account.id) },
    `Created account ${account.id} "${account.name}" (${account.plan}${account.reportingAddon ? ' with reporting add-on' : ''}, ${account.timezone}).`,
  );
}
