import cluster from 'node:cluster';
import { parseArgs } from 'node:util';
import { settings } from '../config';
import { Database } from '../db/database';
import { resolveWorkers, serveAsWorker, superviseWorkers } from './cluster';
import { COMMON_OPTIONS, integerValue, listenFailure, openCliDatabase, parseCommandLine, printResult, printUsage } from './command';

export const DEFAULT_PORT = 4000;

export const USAGE = `Usage: threadline serve [--port N] [--host HOST] [--workers N] [--json]

Runs the GraphQL server at http://HOST:PORT/graphql until interrupted (Ctrl-C, SIGTERM). Never adds data.
  --port N      the port to listen on (default: env PORT, else ${DEFAULT_PORT}; 0 picks a free one)
  --host HOST   the interface to listen on (default: env HOST, else 127.0.0.1; 0.0.0.0 for every interface)
  --workers N   server processes sharing the port (default: env THREADLINE_WORKERS, else one per
                core; 1 for sqlite::memory:, which one process alone can see)
  --json        print {"url": "..."} once the server accepts requests`;

export const SERVE_OPTIONS = { ...COMMON_OPTIONS, port: { type: 'string' }, host: { type: 'string' } } as const;

export async function run(argv: string[]): Promise<void> {
  const options = { ...SERVE_OPTIONS, workers: { type: 'string' } } as const;
  const { values } = parseCommandLine('serve', () => parseArgs({ args: argv, options, strict: true, allowPositionals: false }));
  if (values.help) return printUsage(USAGE);
  const port = resolvePort(values.port);
  if (cluster.isWorker) return serveAsWorker((db, ready) => serveUntilSignal(db, { port, host: values.host }, ready));
  const workers = resolveWorkers(values.workers);
  if (workers > 1) {
    return superviseWorkers(workers, { port, host: values.host }, (url) =>
      printResult(values.json, { url }, `Threadline GraphQL server listening at ${url} with ${workers} worker processes (Ctrl-C to stop)`),
    );
  }
  const db = await openCliDatabase();
  try {
    await serveUntilSignal(db, { port, host: values.host }, (url) =>
      printResult(values.json, { url }, `Threadline GraphQL server listening at ${url} (Ctrl-C to stop)`),
    );
  } finally {
    await db.close();
  }
}

/** --port, else env PORT, else 4000. */
export function resolvePort(flag: string | undefined): number {
  if (flag !== undefined) return integerValue('--port', flag, 0, 65535);
  return settings().port ?? DEFAULT_PORT;
}

/**
 * Starts the server, calls `ready` with its URL once it accepts requests, and resolves after a
 * SIGINT or SIGTERM has closed it (in-flight requests finish first).
 */
export async function serveUntilSignal(db: Database, options: { port: number; host?: string }, ready: (url: string) => void): Promise<void> {
  // Loaded here: only serve and start pay for Apollo and the schema.
  const { startServer } = await import('../server/http.js');
  const { rateLimits, host, shutdownTimeoutMs } = settings();
  options = { ...options, host: options.host ?? host };
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer(db, { ...options, rateLimits, shutdownTimeoutMs });
  } catch (error) {
    throw listenFailure(error, options);
  }
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    const stop = (received: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(received);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    ready(server.url);
  });
  process.stderr.write(`threadline: ${signal} received, shutting down\n`);
  // The listener closes at once; requests in flight finish, each ingest its whole batch (one
  // transaction). Past the limit their connections are closed and the process exits 1: what was
  // not committed is rolled back, never half-written.
  const limit = setTimeout(() => {
    process.stderr.write(`threadline: requests still running ${shutdownTimeoutMs} ms after ${signal} (THREADLINE_SHUTDOWN_TIMEOUT_MS); exiting without them\n`);
    process.exit(1);
  }, shutdownTimeoutMs + SHUTDOWN_MARGIN_MS);
  limit.unref();
  await server.close();
}

/** Past the drain's own limit, closing the cache, the rate limits and the database may take this long. */
const SHUTDOWN_MARGIN_MS = 2000;
