import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'threadline.js');
const BUILT = join(ROOT, 'dist', 'src', 'cli', 'main.js');

export interface CliOptions {
  /** DATABASE_URL of the child; tests always pass one so ./data is never touched. */
  databaseUrl: string;
  /** Written to the child's stdin, which is then closed. */
  input?: string;
  env?: Record<string, string>;
  /** Working directory of the child; default the project root. */
  cwd?: string;
}

export interface CliResult {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs the built `threadline` command (bin/threadline.js) to completion, as a user would. */
export async function runCli(args: string[], options: CliOptions, timeoutMs = 30_000): Promise<CliResult> {
  const child = spawnCli(args, options);
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  try {
    return await finished(child);
  } finally {
    clearTimeout(timer);
  }
}

/** Command lines run side by side at most: each starts a Node process, and the machine may have two busy cores. */
export const CLI_CONCURRENCY = 4;

/**
 * Runs several command lines as runCli does, at most CLI_CONCURRENCY at a time (twenty processes
 * started at once on a loaded 2-core machine can each take longer than its timeout). Results come
 * back in the order of `commands`.
 */
export async function runClis(commands: readonly string[][], options: CliOptions): Promise<CliResult[]> {
  const results: CliResult[] = [];
  let next = 0;
  const worker = async () => {
    while (next < commands.length) {
      const i = next++;
      results[i] = await runCli(commands[i], options);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CLI_CONCURRENCY, commands.length) }, worker));
  return results;
}

export interface TerminalResult {
  status: number | null;
  /** What the command wrote to stdout, which is redirected to a file (not the terminal). */
  stdout: string;
  /** What the terminal showed: the command's stderr, with the terminal's \r\n line ends. */
  terminal: string;
}

/**
 * Runs the built command with stderr on a pseudo-terminal, as someone at a terminal runs it, through
 * util-linux `script`; stdout goes to a file, so that what a script would read stays apart.
 */
export async function runCliOnTerminal(args: string[], options: CliOptions, timeoutMs = 30_000): Promise<TerminalResult> {
  if (!existsSync(BUILT)) throw new Error(`${BUILT} is missing: run "npm run build" before the CLI tests`);
  const dir = mkdtempSync(join(tmpdir(), 'threadline-terminal-'));
  const stdoutFile = join(dir, 'stdout');
  const command = `${[process.execPath, BIN, ...args].map(shellQuote).join(' ')} > ${shellQuote(stdoutFile)}`;
  // -q: no "Script started" banner; -e: exit with the command's status; -c: the command; /dev/null: no typescript file.
  const child = spawn('script', ['-qec', command, '/dev/null'], { cwd: options.cwd ?? ROOT, env: childEnv(options) });
  child.stdin.end();
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  try {
    const { status, stdout: terminal } = await finished(child);
    return { status, stdout: existsSync(stdoutFile) ? readFileSync(stdoutFile, 'utf8') : '', terminal };
  } finally {
    clearTimeout(timer);
    rmSync(dir, { recursive: true, force: true });
  }
}

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

export interface RunningCli {
  child: ChildProcessWithoutNullStreams;
  /** The first line the command printed on stdout (serve prints its URL once it accepts requests). */
  firstLine: string;
  /** Sends `signal` and waits for the process to end. */
  stop(signal?: NodeJS.Signals): Promise<CliResult>;
  /** Settles when the process ends, however that came about. */
  ended: Promise<CliResult>;
}

/**
 * Starts a long-running command (serve, start) and resolves with its first stdout line. If it ends
 * first, or prints nothing within the timeout, rejects with what it printed.
 */
export async function startCli(args: string[], options: CliOptions, timeoutMs = 30_000): Promise<RunningCli> {
  const child = spawnCli(args, options);
  const done = finished(child);
  let stdout = '';
  const firstLine = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`threadline ${args.join(' ')} printed no line within ${timeoutMs} ms`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      const end = stdout.indexOf('\n');
      if (end < 0) return;
      clearTimeout(timer);
      child.stdout.off('data', onData);
      resolve(stdout.slice(0, end));
    };
    child.stdout.on('data', onData);
    done.then(
      (result) => {
        clearTimeout(timer);
        reject(new Error(`threadline ${args.join(' ')} ended (status ${result.status}) before printing a line: ${result.stderr}`));
      },
      reject,
    );
  });
  return {
    child,
    firstLine,
    ended: done,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.kill(signal);
      try {
        return await done;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/** A TCP port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

function spawnCli(args: string[], options: CliOptions): ChildProcessWithoutNullStreams {
  if (!existsSync(BUILT)) throw new Error(`${BUILT} is missing: run "npm run build" before the CLI tests`);
  const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, env: childEnv(options) });
  if (options.input !== undefined) child.stdin.end(options.input);
  else child.stdin.end();
  return child;
}

function childEnv(options: CliOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: options.databaseUrl, ...options.env };
  // The outer environment must not change what a test sees; jest's NODE_ENV=test would also
  // switch off behaviour users get (Apollo's own signal handling, for one).
  for (const name of ['PORT', 'HOST', 'THREADLINE_DEBUG', 'NODE_ENV', 'THREADLINE_PLUGINS', 'THREADLINE_LOG_FORMAT']) if (options.env?.[name] === undefined) delete env[name];
  // One server process unless a test asks for more (test/cli/workers.test.ts): each worker is
  // another Node process on a shared, busy machine, and most tests are about what one process does.
  if (options.env?.THREADLINE_WORKERS === undefined) env.THREADLINE_WORKERS = '1';
  return env;
}

function finished(child: ChildProcessWithoutNullStreams): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (status, signal) => resolve({ status, signal, stdout, stderr }));
  });
}
