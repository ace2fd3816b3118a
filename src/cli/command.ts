import { DatabaseConfig, DatabaseTimeouts, parseDatabaseUrl, Settings, settings } from '../config';
import { Account } from '../accounts/account.entity';
import { findAccount } from '../accounts/accounts';
import { Database, openDatabase, OpenOptions } from '../db/database';
import { CliError } from '../errors';
import { rootLogger } from '../log';

/** Flags every command takes. */
export const COMMON_OPTIONS = {
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/**
 * Runs node:util parseArgs (strict) and turns its errors into one-line CliErrors that name the
 * command, so a typo never reaches the database.
 */
export function parseCommandLine<T>(command: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    const code = (error as { code?: string }).code;
    const message = (error as Error).message;
    const hint = `see: threadline ${command} --help`;
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const option = /'([^']+)'/.exec(message)?.[1] ?? message;
      throw new CliError(`${command}: unknown option ${option} (${hint})`);
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const option = /Option '(-[^ ']+)/.exec(message)?.[1];
      if (!option) throw new CliError(`${command}: ${message.replace(/'/g, '')} (${hint})`);
      // parseArgs refuses "--seed -1" as ambiguous: the value looks like another option.
      const dash = message.includes('ambiguous') ? ` (write ${option}=VALUE for a value starting with "-")` : '';
      throw new CliError(`${command}: ${option} needs a value${dash} (${hint})`);
    }
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
      const argument = /'([^']*)'/.exec(message)?.[1] ?? message;
      throw new CliError(`${command}: unexpected argument "${argument}" (${hint})`);
    }
    throw error;
  }
}

export function requiredFlag(command: string, value: string | undefined, flag: string): string {
  if (value === undefined || value.trim() === '') throw new CliError(`${command}: --${flag} is required (see: threadline ${command} --help)`);
  return value;
}

/** An integer flag (or env variable) within bounds; `what` names it in the error. */
export function integerValue(what: string, value: string, min: number, max: number): number {
  const number = /^-?\d+$/.test(value.trim()) ? Number(value) : NaN;
  if (!Number.isSafeInteger(number) || number < min || number > max) {
    throw new CliError(`${what} must be an integer from ${min} to ${max}, not "${value}"`);
  }
  return number;
}

/** Prints a command's result: its JSON on one line with --json, else the human-readable lines. */
export function printResult(json: boolean | undefined, result: unknown, human: string | (() => string)): void {
  process.stdout.write(`${json ? JSON.stringify(result) : typeof human === 'string' ? human : human()}\n`);
}

/** Progress and notes for people; silent with --json so stdout stays one JSON line. */
export function note(json: boolean | undefined, line: string): void {
  if (!json) process.stdout.write(`${line}\n`);
}

/**
 * Why a server could not listen on `port`/`host`, as a one-line CliError for the common causes;
 * any other error is returned as it is.
 */
export function listenFailure(error: unknown, options: { port: number; host?: string }): unknown {
  const code = (error as { code?: string }).code;
  if (code === 'EADDRINUSE') return new CliError(`port ${options.port} is already in use (choose another with --port or PORT)`);
  if (code === 'EACCES') return new CliError(`not allowed to listen on port ${options.port}`);
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') return new CliError(`cannot listen on host "${options.host}"`);
  return error;
}

export function printUsage(usage: string): void {
  process.stdout.write(`${usage.trim()}\n`);
}

/**
 * Opens the database named by DATABASE_URL (migrations applied unless told otherwise). A bad URL
 * or an unreachable server is bad input: one line naming the database, never the password.
 */
export async function openCliDatabase(options: OpenOptions = {}): Promise<Database> {
  const url = settings().databaseUrl;
  let config: DatabaseConfig;
  let replicas: Settings['databaseReplicas'];
  try {
    config = parseDatabaseUrl(url);
    replicas = settings().databaseReplicas;
  } catch (error) {
    throw new CliError((error as Error).message);
  }
  try {
    // Outages of the database and its replicas are log lines like any other (level warn).
    return await openDatabase(url, { replicas, log: (message) => rootLogger().warn(message), ...options });
  } catch (error) {
    throw new CliError(`cannot open the database ${describeDatabase(config)}: ${(error as Error).message}`);
  }
}

/**
 * How long one statement of a batch command (import, demo, migrate, account…) may take. The server's
 * THREADLINE_DB_TIMEOUT_MS (seconds) tells a hung database from a busy one for requests that should
 * fail fast; a person running an import is better served by a slow statement (a rollup rebuild at
 * millions of conversations) than by SERVICE_UNAVAILABLE, and can press Ctrl-C.
 */
export const BATCH_STATEMENT_MS = 10 * 60_000;

/** Runs `work` on the database and closes it afterwards, so the process can exit. */
export async function withDatabase<T>(work: (db: Database) => Promise<T>, options: OpenOptions = {}): Promise<T> {
  const timeouts = options.timeouts ?? batchTimeouts();
  const db = await openCliDatabase({ ...options, timeouts });
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

export async function requireAccount(db: Database, id: string): Promise<Account> {
  const account = await findAccount(db, id.trim());
  if (!account) throw new CliError(`unknown account "${id}" (create one with: threadline account create)`);
  return account;
}

export function describeDatabase(config: DatabaseConfig): string {
  return config.kind === 'sqlite' ? `sqlite:${config.file}` : `mysql://${config.host}:${config.port}/${config.database}`;
}

/**
 * Runs `threadline COMMAND SUBCOMMAND ...` with the handler of that subcommand (--help prints
 * `usage`); a missing or unknown subcommand is a one-line error listing the known ones.
 */
export async function runSubcommand(command: string, argv: string[], usage: string, handlers: Record<string, (args: string[]) => Promise<void>>): Promise<void> {
  const [name, ...rest] = argv;
  if (name === '--help' || name === '-h') return printUsage(usage);
  const expected = Object.keys(handlers).join(', ');
  if (name === undefined) throw new CliError(`${command}: expected a subcommand: ${expected} (see: threadline ${command} --help)`);
  if (!Object.hasOwn(handlers, name)) throw new CliError(`${command}: unknown subcommand "${name}" (expected: ${expected})`);
  return handlers[name](rest);
}

/** Rows as columns padded to their widest cell, for people; --json gives the data itself. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  return [header, ...rows].map((cells) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join('  ')).join('\n');
}

/** An instant for people: UTC to the second, or "-" for none. */
export function showInstant(date: Date | null): string {
  return date ? `${date.toISOString().slice(0, 19).replace('T', ' ')}Z` : '-';
}

function batchTimeouts(): DatabaseTimeouts {
  const fromEnv = settings().databaseTimeouts;
  return { ...fromEnv, statementMs: Math.max(fromEnv.statementMs, BATCH_STATEMENT_MS) };
}
