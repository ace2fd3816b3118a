// Decorators (TypeORM entities, type-graphql types) read metadata as their modules load: the polyfill
// comes first, whichever modules a command loads (a module that only names the database's types no
// longer loads it, and with it the polyfill, at run time).
import 'reflect-metadata';
import { ConfigError, debugEnabled, settings } from '../config';
import { BadInput, CliError } from '../errors';
import { installDashboards } from '../dashboards/install';
import { installReporting } from '../reporting/install';

interface CommandModule {
  run(argv: string[]): Promise<void>;
}

/**
 * The commands of docs/cli.md (plus `start`, what `npm start` runs). Each lives in its
 * own file and is loaded only when called, so `account create` does not pay for loading Apollo.
 */
const COMMANDS: Record<string, { synopsis: string; summary: string; load: () => Promise<CommandModule> }> = {
  serve: { synopsis: 'serve [--port N] [--host HOST]', summary: 'run the GraphQL server', load: () => import('./serve.js') },
  migrate: { synopsis: 'migrate', summary: 'apply pending database migrations', load: () => import('./migrate.js') },
  account: { synopsis: 'account create --name NAME --plan PLAN ...', summary: 'create an account', load: () => import('./account.js') },
  user: { synopsis: 'user create --account ID --email EMAIL ...', summary: 'create an API user and print a token (also: user list, user deactivate)', load: () => import('./user.js') },
  token: { synopsis: 'token create --user EMAIL [--scope S] ...', summary: 'create an API token (also: token list, token revoke ID)', load: () => import('./token.js') },
  import: { synopsis: 'import --account ID FILE|- [--quiet]', summary: 'import conversations from NDJSON', load: () => import('./import.js') },
  demo: { synopsis: 'demo --account ID [--conversations N] [--seed S]', summary: 'generate demo conversations', load: () => import('./demo.js') },
  start: { synopsis: 'start [--port N]', summary: 'demo data if the database is empty, then serve', load: () => import('./start.js') },
};
const SYNOPSIS_WIDTH = Math.max(...Object.values(COMMANDS).map((c) => c.synopsis.length));

export const USAGE = `Usage: threadline <command> [options] [--json]

Commands:
${Object.values(COMMANDS).map((c) => `  threadline ${c.synopsis.padEnd(SYNOPSIS_WIDTH)}  ${c.summary}`).join('\n')}

Every command reads DATABASE_URL (default sqlite:./data/threadline.sqlite; mysql://user:pass@host:port/db
for MariaDB or MySQL) and applies pending migrations first. --json prints the result as one JSON line.
Run "threadline <command> --help" for a command's options; docs/cli.md is the full reference.`;

/**
 * Runs one command line. Never rejects: errors become one line on stderr and exit status 1
 * (the whole stack only with THREADLINE_DEBUG=1).
 */
export async function main(argv: string[]): Promise<void> {
  installReporting();
  installDashboards();
  try {
    await dispatch(argv);
  } catch (error) {
    process.exitCode = 1;
    // A bad setting is a line each: every bad variable, named with its value.
    const lines = error instanceof ConfigError ? error.message.split('\n') : [errorLine(error)];
    process.stderr.write(lines.map((line) => `threadline: ${line}\n`).join(''));
    if (debugEnabled() && !(error instanceof ConfigError) && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  }
  // Everything is closed by now; a stray handle (a driver's idle socket) must not keep a finished
  // command alive. The timer is unref'd, so a clean exit does not wait for it.
  setTimeout(() => process.exit(), 500).unref();
}

async function dispatch(argv: string[]): Promise<void> {
  const [name, ...rest] = argv;
  if (name === undefined) throw new CliError('no command given (see: threadline --help)');
  if (name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) throw new CliError(`unknown command "${name}" (see: threadline --help)`);
  // Every setting is read and checked before the command runs: a bad one stops it here, named.
  settings();
  await (await command.load()).run(rest);
}

function errorLine(error: unknown): string {
  // Bad input: the message is written for the user.
  if (error instanceof CliError || error instanceof BadInput) return oneLine(error.message);
  const message = error instanceof Error ? error.message : String(error);
  const hint = debugEnabled() ? '' : ' (set THREADLINE_DEBUG=1 for details)';
  return `internal error: ${oneLine(message)}${hint}`;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
