import { parseArgs } from 'node:util';
import { COMMON_OPTIONS, parseCommandLine, printResult, printUsage, withDatabase } from './command';

export const USAGE = `Usage: threadline migrate [--json]

Applies the pending database migrations of DATABASE_URL (every other command does this first too).
  --json   print {"applied": ["<migration name>", ...]}`;

export async function run(argv: string[]): Promise<void> {
  const { values } = parseCommandLine('migrate', () =>
    parseArgs({ args: argv, options: { ...COMMON_OPTIONS }, strict: true, allowPositionals: false }),
  );
  if (values.help) return printUsage(USAGE);
  const applied = await withDatabase(
    async (db) => (await db.dataSource.runMigrations({ transaction: 'each' })).map((migration) => migration.name),
    { migrate: false },
  );
  printResult(values.json, { applied }, () =>
    applied.length === 0 ? 'No pending migrations: the database is up to date.' : `Applied ${applied.length} migration(s): ${applied.join(', ')}.`,
  );
}
