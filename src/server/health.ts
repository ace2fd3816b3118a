import { Router } from 'express';
import Redis from 'ioredis';
import { Database } from '../db/database';
import { ServiceUnavailable } from '../errors';
import { sql } from '../db/sql';

/**
 * What a load balancer or orchestrator asks (docs/api.md, "Health"), without a token:
 * - `GET /health/live`: the process answers. Restart it when this fails.
 * - `GET /health/ready`: the database answered a query within the time limit. Send it no traffic
 *   while this answers 503. Redis, an optimisation only, is reported but never makes it unready.
 * - `GET /healthz`: the same as ready, kept for the load balancers configured before.
 */
export interface HealthOptions {
  /** How long the database may take to answer the readiness query (THREADLINE_READY_TIMEOUT_MS). */
  timeoutMs: number;
  /** The Redis the report cache and rate limits share, when there is one. */
  redisUrl?: string;
}

export interface Readiness {
  /** Kept from the first `/healthz` (`{"ok":true}`): true exactly when the status is 200. */
  ok: boolean;
  status: 'ready' | 'unavailable';
  database: ComponentHealth;
  redis: ComponentHealth | { status: 'disabled' };
}

interface ComponentHealth {
  status: 'up' | 'down';
  /** How long the check took. */
  ms: number;
  /** Why it is down, in one line; never a stack or a password. */
  error?: string;
}

export const DEFAULT_READY_TIMEOUT_MS = 2000;

/** How long a ready answer of one readiness check answers every caller (counted from its start). */
export const READY_REUSE_MS = 1000;

export interface HealthRoutes {
  router: Router;
  /** Closes the Redis connection the readiness check keeps. */
  close(): Promise<void>;
}

export function healthRoutes(db: Database, options: HealthOptions): HealthRoutes {
  const redis = options.redisUrl ? redisProbe(options.redisUrl, options.timeoutMs) : null;
  const router = Router();
  router.get('/health/live', (_req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json({ ok: true, status: 'live' });
  });
  const check = async (): Promise<Readiness> => {
    const [database, cache] = await Promise.all([
      // Reads a table, not just `SELECT 1`: a database that lost its schema or its file is not ready.
      timed(() => db.query(sql`SELECT 1 AS ok FROM migrations LIMIT 1`), options.timeoutMs),
      redis ? timed(() => redis.ping(), options.timeoutMs) : Promise.resolve({ status: 'disabled' as const }),
    ]);
    return { ok: database.status === 'up', status: database.status === 'up' ? 'ready' : 'unavailable', database, redis: cache };
  };
  // The address needs no token: without this, anyone could queue thousands of checks for the
  // database pool's connections ahead of the API's queries. Callers share the check in progress,
  // and a ready answer for READY_REUSE_MS; an unready one only while in progress, so that a
  // database that is back is seen at once.
  let latest: { at: number; answer: Promise<Readiness>; settled: Readiness | null } | null = null;
  const ready = async (_req: unknown, res: import('express').Response) => {
    const reusable = latest && (latest.settled === null || (latest.settled.ok && performance.now() - latest.at <= READY_REUSE_MS));
    if (!latest || !reusable) {
      const current: NonNullable<typeof latest> = { at: performance.now(), answer: check(), settled: null };
      void current.answer.then((answer) => (current.settled = answer));
      latest = current;
    }
    const body = await latest.answer;
    res.setHeader('Cache-Control', 'no-store');
    res.status(body.ok ? 200 : 503).json(body);
  };
  router.get('/health/ready', ready);
  router.get('/healthz', ready);
  return {
    router,
    async close() {
      redis?.disconnect();
    },
  };
}

/** Runs `check` against a deadline: a frozen server never answers, so waiting for it says nothing. */
async function timed(check: () => Promise<unknown>, timeoutMs: number): Promise<ComponentHealth> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([check(), deadline]);
    return { status: 'up', ms: Math.round(performance.now() - started) };
  } catch (error) {
    return { status: 'down', ms: Math.round(performance.now() - started), error: publicReason(error) };
  } finally {
    clearTimeout(timer);
  }
}

let lastLogged: string | null = null;

/**
 * What an unauthenticated caller is told about a failed check: our own messages (a deadline, the
 * generic SERVICE_UNAVAILABLE one) or the driver's error code. A driver's message may name the
 * database, its user, host and port ("Access denied for user 'app'@'10.0.0.5'"), so it goes to
 * the log only, once until it changes.
 */
function publicReason(error: unknown): string {
  const message = (error instanceof Error ? error.message : String(error)).split('\n')[0].slice(0, 200);
  if (error instanceof ServiceUnavailable || /^no answer within \d+ ms$/.test(message)) return message;
  if (message !== lastLogged) {
    lastLogged = message;
    console.error(`health check failed: ${message}`);
  }
  const driverError = (error as { driverError?: { code?: unknown } } | null)?.driverError;
  const code = (error as { code?: unknown } | null)?.code ?? driverError?.code;
  return typeof code === 'string' && /^[A-Z][A-Z0-9_]{0,60}$/.test(code) ? code : 'the check failed (the server log says why)';
}

interface RedisProbe {
  ping(): Promise<unknown>;
  disconnect(): void;
}

/** One connection for the readiness checks, which never queues a command while Redis is away. */
function redisProbe(url: string, timeoutMs: number): RedisProbe {
  const client = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: timeoutMs,
    commandTimeout: timeoutMs,
    retryStrategy: (attempt) => Math.min(attempt * 200, 5000),
    disconnectTimeout: 100,
  });
  // The report cache already logs a Redis outage once; the readiness body says the rest.
  client.on('error', () => undefined);
  // The first check waits for the first connection (bounded by its deadline); later ones never wait.
  const connecting = client.connect().catch(() => undefined);
  return {
    async ping() {
      await connecting;
      return client.ping();
    },
    disconnect: () => client.disconnect(),
  };
}
