import { CliError } from './errors';

export const DEFAULT_DATABASE_URL = 'sqlite:./data/threadline.sqlite';

export type DatabaseConfig =
  | { kind: 'sqlite'; file: string }
  | { kind: 'mysql'; host: string; port: number; user: string; password: string; database: string };

/**
 * Reads a DATABASE_URL: `sqlite:PATH` (`sqlite::memory:` for a throw-away database) or
 * `mysql://user:pass@host:port/db` (MariaDB 10.11 and MySQL 8). Throws with a readable reason.
 */
export function parseDatabaseUrl(url: string | undefined): DatabaseConfig {
  const value = url && url.trim() !== '' ? url.trim() : DEFAULT_DATABASE_URL;
  if (value.startsWith('sqlite:')) {
    const file = value.slice('sqlite:'.length).replace(/^\/\//, '');
    if (file === '') throw new Error(`DATABASE_URL "${value}" names no SQLite file`);
    return { kind: 'sqlite', file };
  }
  if (value.startsWith('mysql://') || value.startsWith('mariadb://')) {
    let parsed: URL;
    try {
      parsed = new URL(value.replace(/^mariadb:/, 'mysql:'));
    } catch {
      throw new Error(`DATABASE_URL "${redact(value)}" is not a valid URL`);
    }
    const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
    if (database === '') throw new Error(`DATABASE_URL "${redact(value)}" names no database`);
    return {
      kind: 'mysql',
      host: parsed.hostname || '127.0.0.1',
      port: parsed.port ? Number(parsed.port) : 3306,
      user: decodeURIComponent(parsed.username || 'root'),
      password: decodeURIComponent(parsed.password),
      database,
    };
  }
  throw new Error(`DATABASE_URL "${redact(value)}" must start with sqlite: or mysql://`);
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
}

/**
 * What one GraphQL request may ask for (README "Limits"). Every limit is checked before any
 * resolver runs, and each can be changed with its environment variable, read at start-up.
 */
export interface RequestLimits {
  /** Report runs and conversation pages (lists multiply what they hold): THREADLINE_MAX_QUERY_COST. */
  cost: number;
  /** Nesting of fields, fragments flattened: THREADLINE_MAX_QUERY_DEPTH. */
  depth: number;
  /** Aliased fields, fragments counted where spread: THREADLINE_MAX_ALIASES. */
  aliases: number;
  /** Lexical tokens of the query text, counted while parsing: THREADLINE_MAX_TOKENS. */
  tokens: number;
  /** Directives such as @include and @skip: THREADLINE_MAX_DIRECTIVES. */
  directives: number;
}

/**
 * The defaults leave room: a whole 30-report dashboard costs 30 of the 40, the biggest client
 * operation has a few hundred tokens, and an ingest sends its conversations as variables, which
 * count no tokens. What they stop: one request running a thousand reports, or a 20,000-alias query
 * that takes gigabytes to answer.
 */
const REQUEST_LIMITS: Record<keyof RequestLimits, { env: string; value: number }> = {
  cost: { env: 'THREADLINE_MAX_QUERY_COST', value: 40 },
  depth: { env: 'THREADLINE_MAX_QUERY_DEPTH', value: 12 },
  aliases: { env: 'THREADLINE_MAX_ALIASES', value: 50 },
  tokens: { env: 'THREADLINE_MAX_TOKENS', value: 5000 },
  directives: { env: 'THREADLINE_MAX_DIRECTIVES', value: 10 },
};

/** The limits with the environment's overrides; a value that is not a whole number of at least 1 is refused by name. */
export function requestLimits(env: NodeJS.ProcessEnv = process.env): RequestLimits {
  const entries = Object.entries(REQUEST_LIMITS).map(([key, { env: name, value }]) => {
    const text = env[name]?.trim();
    if (text === undefined || text === '') return [key, value];
    if (!/^\d+$/.test(text) || Number(text) < 1 || !Number.isSafeInteger(Number(text))) throw new CliError(`${name} must be a whole number of at least 1, got "${text}"`);
    return [key, Number(text)];
  });
  return Object.fromEntries(entries) as RequestLimits;
}

/** The limits this process enforces. */
export const LIMITS: RequestLimits = requestLimits();

/**
 * Per-token request limits and the per-address limit on failed authentications (README, "Access").
 * Windows are fixed: a budget is spent however fast, then refills at the window's end.
 */
export interface RateLimitConfig {
  enabled: boolean;
  /** Requests one API token may make per window. */
  requestsPerWindow: number;
  /** Requests with an unknown, revoked or expired token one client address may make per window. */
  authFailuresPerWindow: number;
  windowSeconds: number;
  /** Shares the budgets between server processes; without it each process counts on its own. */
  redisUrl?: string;
  /** Prepended to the Redis keys, so deployments (and test runs) sharing one Redis keep apart. */
  redisKeyPrefix?: string;
}

export const RATE_LIMIT_DEFAULTS = { requestsPerWindow: 600, authFailuresPerWindow: 30, windowSeconds: 60 } as const;

/**
 * Reads THREADLINE_RATE_LIMIT (`off` turns both limits off), THREADLINE_RATE_LIMIT_PER_MINUTE,
 * THREADLINE_AUTH_FAILURES_PER_MINUTE and REDIS_URL. Throws with a readable reason.
 */
export function rateLimitsFrom(env: Record<string, string | undefined>): RateLimitConfig {
  const switchValue = env.THREADLINE_RATE_LIMIT?.trim() ?? '';
  if (!/^(|on|off|true|false|1|0|yes|no)$/i.test(switchValue)) throw new Error(`THREADLINE_RATE_LIMIT must be "on" or "off", not "${switchValue}"`);
  const count = (name: string, fallback: number) => {
    const text = env[name]?.trim();
    if (!text) return fallback;
    const value = /^\d+$/.test(text) ? Number(text) : NaN;
    if (!Number.isSafeInteger(value) || value < 1 || value > 1_000_000) throw new Error(`${name} must be an integer from 1 to 1000000, not "${text}"`);
    return value;
  };
  return {
    enabled: !/^(off|false|0|no)$/i.test(switchValue),
    requestsPerWindow: count('THREADLINE_RATE_LIMIT_PER_MINUTE', RATE_LIMIT_DEFAULTS.requestsPerWindow),
    authFailuresPerWindow: count('THREADLINE_AUTH_FAILURES_PER_MINUTE', RATE_LIMIT_DEFAULTS.authFailuresPerWindow),
    windowSeconds: RATE_LIMIT_DEFAULTS.windowSeconds,
    redisUrl: env.REDIS_URL?.trim() || undefined,
  };
}

/**
 * THREADLINE_TRUST_PROXY: behind a reverse proxy, which proxies to believe about the client's
 * address (X-Forwarded-For), as Express's `trust proxy` takes it: `true`, a hop count, or
 * addresses/subnets such as `loopback` or `10.0.0.0/8`. Unset: the connection's own address.
 */
export function trustProxyFrom(env: Record<string, string | undefined>): boolean | number | string {
  const value = env.THREADLINE_TRUST_PROXY?.trim() ?? '';
  if (value === '' || /^false$/i.test(value)) return false;
  if (/^true$/i.test(value)) return true;
  return /^\d+$/.test(value) ? Number(value) : value;
}

/**
 * How long the server waits for its database (docs/api.md, "Health" and "Errors"). A database that
 * is down or frozen must cost a request seconds, not a hung connection: past these limits the
 * request answers SERVICE_UNAVAILABLE (HTTP 503) or TIMEOUT, and the connection is given back.
 */
export interface DatabaseTimeouts {
  /** The readiness check's query (`/health/ready`): THREADLINE_READY_TIMEOUT_MS. */
  readyMs: number;
  /** Connecting, or any statement other than a report's: THREADLINE_DB_TIMEOUT_MS. Past it the database counts as unavailable. */
  statementMs: number;
  /** One report or conversation-list query: THREADLINE_QUERY_TIMEOUT_MS. Past it the request answers TIMEOUT. */
  queryMs: number;
}

const DATABASE_TIMEOUTS: Record<keyof DatabaseTimeouts, { env: string; value: number }> = {
  readyMs: { env: 'THREADLINE_READY_TIMEOUT_MS', value: 2000 },
  statementMs: { env: 'THREADLINE_DB_TIMEOUT_MS', value: 5000 },
  queryMs: { env: 'THREADLINE_QUERY_TIMEOUT_MS', value: 30_000 },
};

/** The time limits with the environment's overrides, in milliseconds (100 to 3,600,000); a bad value is refused by name. */
export function databaseTimeoutsFrom(env: Record<string, string | undefined> = process.env): DatabaseTimeouts {
  const entries = Object.entries(DATABASE_TIMEOUTS).map(([key, { env: name, value }]) => {
    const text = env[name]?.trim();
    if (text === undefined || text === '') return [key, value];
    const ms = /^\d+$/.test(text) ? Number(text) : NaN;
    if (!(ms >= 100 && ms <= 3_600_000)) throw new CliError(`${name} must be a whole number of milliseconds from 100 to 3600000, got "${text}"`);
    return [key, ms];
  });
  return Object.fromEntries(entries) as DatabaseTimeouts;
}

/**
 * THREADLINE_SQLITE_READERS: how many processes run report queries on the embedded SQLite store,
 * off the server's own thread (default 2; `0` runs them in the server process, where a slow report
 * blocks every other request until it ends and cannot be stopped at its time limit).
 */
export function sqliteReadersFrom(env: Record<string, string | undefined> = process.env): number {
  const text = env.THREADLINE_SQLITE_READERS?.trim();
  if (text === undefined || text === '') return 2;
  if (!/^\d+$/.test(text) || Number(text) > 32) throw new CliError(`THREADLINE_SQLITE_READERS must be a whole number from 0 to 32, got "${text}"`);
  return Number(text);
}

/**
 * THREADLINE_SHUTDOWN_TIMEOUT_MS: after SIGTERM or SIGINT, how long requests in flight (an ingest's
 * batch among them) may take to finish before the server exits anyway (default 10000).
 */
export function shutdownTimeoutFrom(env: Record<string, string | undefined> = process.env): number {
  const text = env.THREADLINE_SHUTDOWN_TIMEOUT_MS?.trim();
  if (text === undefined || text === '') return 10_000;
  const ms = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!(ms >= 100 && ms <= 3_600_000)) throw new CliError(`THREADLINE_SHUTDOWN_TIMEOUT_MS must be a whole number of milliseconds from 100 to 3600000, got "${text}"`);
  return ms;
}

/**
 * DATABASE_REPLICA_URLS: comma-separated `mysql://` URLs of read replicas of the DATABASE_URL's
 * MariaDB or MySQL (docs/scaling.md, "Read replicas"). Reports, drill-downs and conversation lists
 * read there; everything else stays on the primary. Unset or empty: none. Replicas of SQLite do
 * not exist, so a SQLite DATABASE_URL with replicas is refused. Throws with a readable reason.
 */
export function replicaUrlsFrom(env: Record<string, string | undefined>, primary: DatabaseConfig): Extract<DatabaseConfig, { kind: 'mysql' }>[] {
  const urls = (env.DATABASE_REPLICA_URLS ?? '').split(',').map((url) => url.trim()).filter((url) => url !== '');
  if (urls.length === 0) return [];
  if (primary.kind !== 'mysql') throw new Error('DATABASE_REPLICA_URLS needs a mysql:// DATABASE_URL: SQLite has no replicas');
  return urls.map((url) => {
    if (!/^(mysql|mariadb):\/\//.test(url)) throw new Error(`DATABASE_REPLICA_URLS: "${redact(url)}" must start with mysql://`);
    let replica: DatabaseConfig;
    try {
      replica = parseDatabaseUrl(url);
    } catch (error) {
      throw new Error(`DATABASE_REPLICA_URLS: ${(error as Error).message.replace(/^DATABASE_URL /, '')}`);
    }
    return replica as Extract<DatabaseConfig, { kind: 'mysql' }>;
  });
}

/** More server processes than this is a typo, not a machine. */
export const MAX_WORKERS = 256;

/**
 * THREADLINE_WORKERS: how many server processes `threadline serve` runs (docs/cli.md, `--workers`).
 * Unset: undefined, and serve decides (one per core). Throws with a readable reason.
 */
export function workersFrom(env: Record<string, string | undefined>): number | undefined {
  const text = env.THREADLINE_WORKERS?.trim();
  if (!text) return undefined;
  const value = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(value) || value < 1 || value > MAX_WORKERS) throw new Error(`THREADLINE_WORKERS must be an integer from 1 to ${MAX_WORKERS}, not "${text}"`);
  return value;
}
