import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import { importNdjson, ImportReport } from '../conversations/import';
import { DEFAULT_IMPORT_MAX_LINE_BYTES, MAX_IMPORT_LINE_BYTES, settings } from '../config';
import { CliError } from '../errors';
import { COMMON_OPTIONS, integerValue, parseCommandLine, printResult, printUsage, requireAccount, requiredFlag, withDatabase } from './command';
import { ImportProgressLine } from './import-progress';

export const USAGE = `Usage: threadline import --account ID FILE [--max-line-bytes N] [--quiet] [--json]

Imports conversations from NDJSON, one per line (the format: docs/import-format.md, and as a JSON
Schema schema/conversation.schema.json); FILE "-" reads stdin. Conversations already imported are
updated; rejected lines are reported, the others imported. On a terminal, stderr shows the
progress: lines read, conversations per second, rejections so far.
  --account ID   the account to import into
  --max-line-bytes N
                 reject longer lines unread (default: env THREADLINE_IMPORT_MAX_LINE_BYTES, else ${DEFAULT_IMPORT_MAX_LINE_BYTES}, 1 MiB)
  --quiet, -q    no progress line
  --json         print {"imported": N, "updated": N, "unchanged": N, "rejected": [{"line": N, "error": "..."}]}`;

/** Human output lists this many rejected lines; --json lists all. */
const REJECTED_SHOWN = 50;

export async function run(argv: string[]): Promise<void> {
  const { values, positionals } = parseCommandLine('import', () =>
    parseArgs({ args: argv, options: { ...COMMON_OPTIONS, account: { type: 'string' }, 'max-line-bytes': { type: 'string' }, quiet: { type: 'boolean', short: 'q' } }, strict: true, allowPositionals: true }),
  );
  if (values.help) return printUsage(USAGE);
  const accountId = requiredFlag('import', values.account, 'account');
  if (positionals.length === 0) throw new CliError('import: FILE is required ("-" reads stdin) (see: threadline import --help)');
  if (positionals.length > 1) throw new CliError(`import: expected one FILE, got ${positionals.length}: ${positionals.join(' ')}`);
  const file = positionals[0];
  const maxLineBytes = maxLineBytesOf(values['max-line-bytes']);

  // The file is opened before the database, so a typo in its name costs nothing.
  const input = file === '-' ? process.stdin : await openInput(file);
  let readError: Error | undefined;
  input.once('error', (error) => (readError = error));
  // Progress is for a person watching: not in a pipe, a log file or CI, and not when asked for quiet.
  const progress = process.stderr.isTTY && !values.quiet ? new ImportProgressLine(process.stderr) : null;
  let report: ImportReport;
  try {
    report = await withDatabase(async (db) => {
      const account = await requireAccount(db, accountId);
      try {
        const imported = await importNdjson(db, account.id, input, { maxLineBytes, onProgress: progress ? (p) => progress.update(p) : undefined });
        progress?.finish();
        return imported;
      } catch (error) {
        // Lines read before the failure are imported (each batch is its own transaction).
        if (readError) throw new CliError(`cannot read ${describe(file)}: ${reason(readError)} (lines before the failure were imported)`);
        throw error;
      }
    });
  } finally {
    progress?.end();
    input.destroy();
  }
  printResult(values.json, report, () => summary(report, file));
}

/** --max-line-bytes, else env THREADLINE_IMPORT_MAX_LINE_BYTES, else 1 MiB. */
function maxLineBytesOf(flag: string | undefined): number {
  if (flag !== undefined) return integerValue('--max-line-bytes', flag, 1, MAX_IMPORT_LINE_BYTES);
  return settings().importMaxLineBytes;
}

async function openInput(file: string): Promise<Readable> {
  try {
    const handle = await open(file, 'r');
    if ((await handle.stat()).isDirectory()) {
      await handle.close();
      throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    }
    return handle.createReadStream();
  } catch (error) {
    throw new CliError(`cannot read ${describe(file)}: ${reason(error as Error)}`);
  }
}

function reason(error: Error): string {
  switch ((error as { code?: string }).code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    default:
      return error.message;
  }
}

function describe(file: string): string {
  return file === '-' ? 'stdin' : `"${file}"`;
}

function summary(report: ImportReport, file: string): string {
  const lines = [
    `Imported ${report.imported} new, updated ${report.updated}, unchanged ${report.unchanged}, rejected ${report.rejected.length} from ${file === '-' ? 'stdin' : file}.`,
  ];
  for (const { line, error } of report.rejected.slice(0, REJECTED_SHOWN)) lines.push(`  line ${line}: ${error}`);
  if (report.rejected.length > REJECTED_SHOWN) lines.push(`  ... and ${report.rejected.length - REJECTED_SHOWN} more rejected lines (--json lists all)`);
  return lines.join('\n');
}
