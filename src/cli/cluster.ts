/**
 * `threadline serve --workers N`: one primary process and N worker processes (node:cluster) that
 * share the port; the primary hands each new connection to the next worker in turn. Every worker
 * is a whole server with its own database pool and in-process caches. Those stay correct across
 * workers because what a request may trust is read where every process sees it: the token and the
 * account's data version from the database (or, where they are held in memory, invalidated
 * through the database or Redis), and report caches are keyed by that data version.
 *
 * The primary serves nothing itself. It applies the migrations once, checks the port, starts the
 * workers, prints the URL when all of them accept requests, starts a worker again when one dies
 * (with a growing pause, so a worker that cannot start does not spin), stops everything with status
 * 1 when a worker dies before the server first accepted requests, and on SIGINT or SIGTERM passes the
 * signal on and exits once every worker has drained and stopped (a worker still starting is killed).
 */
import cluster, { Worker } from 'node:cluster';
import { settings } from '../config';
import { createServer } from 'node:net';
import { availableParallelism } from 'node:os';
import { MAX_WORKERS, parseDatabaseUrl, workersFrom } from '../config';
import { Database } from '../db/database';
import { CliError } from '../errors';
import { integerValue, listenFailure, openCliDatabase, withDatabase } from './command';

/** What a worker tells the primary once it accepts requests. */
interface Listening {
  threadline: 'listening';
  url: string;
}

/** The pause before the first restart within a minute; it doubles with every further one, up to RESTART_MAX_DELAY_MS. */
export const RESTART_BASE_DELAY_MS = 250;
export const RESTART_MAX_DELAY_MS = 30_000;
const CRASH_WINDOW_MS = 60_000;

/**
 * How many worker processes `serve` runs: --workers, else THREADLINE_WORKERS, else one per core.
 * An in-memory SQLite database exists only inside the process that opened it, so it gets one
 * process by default, and asking for more is refused rather than serving N different databases.
 */
export function resolveWorkers(flag: string | undefined, env: Record<string, string | undefined> = { DATABASE_URL: settings().databaseUrl, THREADLINE_WORKERS: settings().workers?.toString() }): number {
  let requested: number | undefined;
  if (flag !== undefined) {
    requested = integerValue('--workers', flag, 1, MAX_WORKERS);
  } else {
    try {
      requested = workersFrom(env);
    } catch (error) {
      throw new CliError((error as Error).message);
    }
  }
  const inMemory = isInMemory(env.DATABASE_URL);
  if (requested === undefined) return inMemory ? 1 : availableParallelism();
  if (requested > 1 && inMemory) {
    const source = flag !== undefined ? '--workers' : 'THREADLINE_WORKERS';
    throw new CliError(`${source} ${requested}: each worker process would see its own empty sqlite::memory: database; use a SQLite file or MySQL, or 1 worker`);
  }
  return requested;
}

function isInMemory(url: string | undefined): boolean {
  try {
    const config = parseDatabaseUrl(url);
    return config.kind === 'sqlite' && config.file === ':memory:';
  } catch {
    return false; // opening the database reports a bad URL
  }
}

/**
 * The worker's side: runs `serve` on the database (migrated by the primary) and tells the
 * primary its URL once it accepts requests.
 */
export async function serveAsWorker(serve: (db: Database, ready: (url: string) => void) => Promise<void>): Promise<void> {
  // The primary passes SIGINT and SIGTERM on, and at a terminal Ctrl-C reaches every worker too:
  // the first signal starts the drain (serve's own handler), and this listener keeps a second one
  // from killing the worker halfway through it.
  const ignore = () => undefined;
  process.on('SIGINT', ignore);
  process.on('SIGTERM', ignore);
  const db = await openCliDatabase({ migrate: false });
  try {
    await serve(db, (url) => process.send?.({ threadline: 'listening', url } satisfies Listening));
  } finally {
    await db.close();
  }
}

/**
 * The primary's side: starts `count` workers on `options.port` (0: one free port, the same for all),
 * calls `ready` once all accept requests, and resolves after a signal once all have stopped.
 * Sets the exit status to 1 when a worker could not start or did not stop cleanly.
 */
export async function superviseWorkers(count: number, options: { port: number; host?: string }, ready: (url: string) => void): Promise<void> {
  // Once, here: N processes applying the same migrations at once would race each other.
  await withDatabase(async () => undefined);
  const port = await checkPort(options);
  cluster.setupPrimary({ args: ['serve', '--port', String(port), ...(options.host !== undefined ? ['--host', options.host] : [])] });
  const log = (line: string) => process.stderr.write(`threadline: ${line}\n`);
  const describe = (worker: Worker) => `worker ${worker.id} (pid ${worker.process.pid})`;

  let phase: 'starting' | 'running' | 'stopping' = 'starting';
  let failed = false;
  /** Workers that have accepted requests (by worker id). */
  const accepting = new Set<number>();
  const crashes: number[] = [];
  const restarts = new Set<NodeJS.Timeout>();
  // A worker that has exited may still be listed until its IPC channel closes too.
  const live = () => Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined && !w.isDead());

  await new Promise<void>((resolve) => {
    const finishIfDone = () => {
      if (phase !== 'stopping' || live().length > 0) return;
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      cluster.off('message', onMessage);
      cluster.off('exit', onExit);
      resolve();
    };
    const stopAll = (signal: NodeJS.Signals) => {
      phase = 'stopping';
      for (const timer of restarts) clearTimeout(timer);
      restarts.clear();
      // A worker still starting has nothing to drain, and it ignores SIGINT and SIGTERM until its
      // server listens (serveAsWorker): sent one, it went on to listen and waited for a signal that
      // had already come, and the primary waited for it for ever.
      for (const worker of live()) worker.process.kill(accepting.has(worker.id) ? signal : 'SIGKILL');
      finishIfDone();
    };
    const stop = (signal: NodeJS.Signals) => {
      if (phase !== 'stopping') return stopAll(signal);
      // A second signal while the workers drain: stop now.
      failed = true;
      for (const worker of live()) worker.process.kill('SIGKILL');
    };
    const onMessage = (worker: Worker, message: unknown) => {
      if (!isListening(message)) return;
      accepting.add(worker.id);
      if (phase === 'starting') {
        if (accepting.size === count) {
          phase = 'running';
          ready(message.url);
        }
      } else if (phase === 'running') {
        log(`${describe(worker)} accepts requests`);
      }
    };
    const onExit = (worker: Worker, code: number | null, signal: NodeJS.Signals | null) => {
      const how = signal ? `signal ${signal}` : `status ${code}`;
      if (phase === 'stopping') {
        // A worker still starting is killed (stopAll); one that served must drain and exit 0.
        if (signal ? accepting.has(worker.id) : code !== 0) failed = true;
        return finishIfDone();
      }
      if (phase === 'starting') {
        // What stopped it (a port, a database, a bug) would stop the next one the same way.
        failed = true;
        log(`${describe(worker)} stopped before it accepted requests (${how}); stopping the others`);
        return stopAll('SIGTERM');
      }
      const now = Date.now();
      crashes.push(now);
      while (crashes[0] <= now - CRASH_WINDOW_MS) crashes.shift();
      const delay = Math.min(RESTART_MAX_DELAY_MS, RESTART_BASE_DELAY_MS * 2 ** (crashes.length - 1));
      log(`${describe(worker)} exited unexpectedly (${how}); starting another in ${delay} ms`);
      const timer = setTimeout(() => {
        restarts.delete(timer);
        if (phase === 'running') cluster.fork();
      }, delay);
      restarts.add(timer);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    cluster.on('message', onMessage);
    cluster.on('exit', onExit);
    for (let i = 0; i < count; i++) cluster.fork();
  });
  if (failed) process.exitCode = 1;
}

function isListening(message: unknown): message is Listening {
  return typeof message === 'object' && message !== null && (message as Listening).threadline === 'listening' && typeof (message as Listening).url === 'string';
}

/**
 * Listens on the port once and lets it go: a taken port is reported once, here, rather than by
 * every worker, and port 0 becomes one free port that every worker (a restarted one too) shares.
 */
async function checkPort(options: { port: number; host?: string }): Promise<number> {
  const probe = createServer();
  try {
    await new Promise<void>((resolve, reject) => {
      probe.once('error', reject);
      probe.listen(options.port, options.host, () => resolve());
    });
  } catch (error) {
    throw listenFailure(error, options);
  }
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return typeof address === 'object' && address !== null ? address.port : options.port;
}
