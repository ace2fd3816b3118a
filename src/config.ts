import { availableParallelism } from 'node:os';
import { z } from 'zod';
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

/** The limits with the environment's overrides; a value that is not a positive integer is refused by name. */
export function requestLimits(env: Environment): RequestLimits {
  const entries = Object.entries(REQUEST_LIMITS).map(([key, { env: name, value }]) => [key, positiveInteger(env, name, value)]);
  return Object.fromEntries(entries) as RequestLimits;
}

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
export function rateLimitsFrom(env: Environment): RateLimitConfig {
  return {
    enabled: onOff(env, 'THREADLINE_RATE_LIMIT', true),
    requestsPerWindow: positiveInteger(env, 'THREADLINE_RATE_LIMIT_PER_MINUTE', RATE_LIMIT_DEFAULTS.requestsPerWindow, 1_000_000),
    authFailuresPerWindow: positiveInteger(env, 'THREADLINE_AUTH_FAILURES_PER_MINUTE', RATE_LIMIT_DEFAULTS.authFailuresPerWindow, 1_000_000),
    windowSeconds: RATE_LIMIT_DEFAULTS.windowSeconds,
    redisUrl: redisUrlFrom(env),
  };
}

/**
 * THREADLINE_TRUST_PROXY: behind a reverse proxy, which proxies to believe about the client's
 * address (X-Forwarded-For), as Express's `trust proxy` takes it: `true`, a hop count, or
 * addresses/subnets such as `loopback` or `10.0.0.0/8`. Unset: the connection's own address.
 */
export function trustProxyFrom(env: Environment): boolean | number | string {
  const value = env.THREADLINE_TRUST_PROXY?.trim() ?? '';
  if (value === '' || /^false$/i.test(value)) return false;
  if (/^true$/i.test(value)) return true;
  return /^\d+$/.test(value) ? Number(value) : value;
}

/**
 * THREADLINE_CORS_ORIGINS: the web origins (`https://reports.example.com`, comma-separated, exact)
 * whose pages may call the API from a browser. Unset: none, and none is needed for the app this
 * server serves itself (same origin). A value that is not an origin is refused at start.
 */
export function corsOriginsFrom(env: Environment): string[] {
  const text = env.THREADLINE_CORS_ORIGINS?.trim() ?? '';
  if (text === '') return [];
  return text.split(',').map((entry) => {
    const value = entry.trim();
    let url: URL | null = null;
    try {
      url = new URL(value);
    } catch {
      url = null;
    }
    if (!url || !/^https?:$/.test(url.protocol) || url.origin !== value.replace(/\/$/, '')) {
      throw new CliError(`THREADLINE_CORS_ORIGINS: "${value}" is not an origin such as https://reports.example.com (scheme, host and port only)`);
    }
    return url.origin;
  });
}

/** THREADLINE_PLUGINS: folders of report plugins or npm package names, comma-separated. */
export function parsePluginList(value: string | undefined): string[] {
  return (value ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
}

/** What the environment looks like to the readers here: names to text, any of them unset. */
export type Environment = Record<string, string | undefined>;

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The longest NDJSON line `threadline import` reads unless told otherwise: 1 MiB. */
export const DEFAULT_IMPORT_MAX_LINE_BYTES = 1024 * 1024;
export const MAX_IMPORT_LINE_BYTES = 512 * 1024 * 1024;

/**
 * Every setting the environment gives Threadline, read and checked once when a command starts
 * (`settings()`): a bad value stops it at once with one line naming the variable and the value,
 * instead of failing later, in the middle of a request. README "Settings" lists them all.
 */
export interface Settings {
  /** DATABASE_URL as given (unset: the embedded SQLite default), and what it says. */
  databaseUrl: string | undefined;
  database: DatabaseConfig;
  /** PORT of `serve` and `start`; undefined: their default (4000). */
  port: number | undefined;
  /** HOST: the interface `serve` and `start` listen on; default 127.0.0.1 (this machine only). */
  host: string;
  redisUrl: string | undefined;
  /** THREADLINE_CACHE: the report result cache (default on). */
  cache: boolean;
  /** THREADLINE_ROLLUPS: answer reports from rollups where they can (default on). */
  rollups: boolean;
  /**
   * THREADLINE_RESPONSE_CACHE_MB: the memory each server process gives whole cached report
   * responses, in bytes (default 32 MiB; 0, or THREADLINE_CACHE=off, keeps none).
   */
  responseCacheBytes: number;
  rateLimits: RateLimitConfig;
  trustProxy: boolean | number | string;
  corsOrigins: string[];
  plugins: string[];
  limits: RequestLimits;
  importMaxLineBytes: number;
  /** THREADLINE_IMPORT_THREADS: threads that parse import lines; 0 parses on the writing thread. */
  importThreads: number;
  /** THREADLINE_LOG_LEVEL (default info). */
  logLevel: LogLevel;
  /** THREADLINE_LOG_FORMAT: `json`, `pretty`, or undefined: pretty when stderr is a terminal. */
  logFormat: 'json' | 'pretty' | undefined;
  /** THREADLINE_DEBUG=1: an internal error of the command line prints its stack. */
  debug: boolean;
  /** THREADLINE_READY_TIMEOUT_MS, THREADLINE_DB_TIMEOUT_MS, THREADLINE_QUERY_TIMEOUT_MS. */
  databaseTimeouts: DatabaseTimeouts;
  /** THREADLINE_SQLITE_READERS (default 2). */
  sqliteReaders: number;
  /** THREADLINE_ACCOUNT_REPORTS_IN_FLIGHT and THREADLINE_ACCOUNT_REPORTS_QUEUED: see AccountReportLimits. */
  accountReports: AccountReportLimits;
  /** THREADLINE_SHUTDOWN_TIMEOUT_MS (default 10000). */
  shutdownTimeoutMs: number;
  /** THREADLINE_METRICS_TOKEN: the bearer token `/metrics` requires; undefined: none. */
  metricsToken: string | undefined;
  /** DATABASE_REPLICA_URLS: MariaDB replicas for report reads (a mysql:// DATABASE_URL only). */
  databaseReplicas: Extract<DatabaseConfig, { kind: 'mysql' }>[];
  /** THREADLINE_AUTH_CACHE: keep authenticated tokens in memory between requests (default on). */
  authCache: boolean;
  /** THREADLINE_WORKERS: server processes of `serve`; undefined: one per core. */
  workers: number | undefined;
}

/**
 * The variables, each read by one function of its own value that throws with a readable reason;
 * the zod schema below runs them all and gathers every problem, so one start names every bad value.
 */
const VARIABLES = {
  DATABASE_URL: (env: Environment) => parseDatabaseUrl(env.DATABASE_URL),
  PORT: (env: Environment) => (blank(env.PORT) ? undefined : integer(env, 'PORT', 0, 65535, 'a port number from 0 to 65535')),
  HOST: (env: Environment) => env.HOST?.trim() || '127.0.0.1',
  REDIS_URL: redisUrlFrom,
  THREADLINE_CACHE: (env: Environment) => onOff(env, 'THREADLINE_CACHE', true),
  THREADLINE_ROLLUPS: (env: Environment) => onOff(env, 'THREADLINE_ROLLUPS', true),
  THREADLINE_RESPONSE_CACHE_MB: responseCacheBytesFrom,
  THREADLINE_RATE_LIMIT: (env: Environment) => onOff(env, 'THREADLINE_RATE_LIMIT', true),
  THREADLINE_RATE_LIMIT_PER_MINUTE: (env: Environment) => positiveInteger(env, 'THREADLINE_RATE_LIMIT_PER_MINUTE', RATE_LIMIT_DEFAULTS.requestsPerWindow, 1_000_000),
  THREADLINE_AUTH_FAILURES_PER_MINUTE: (env: Environment) => positiveInteger(env, 'THREADLINE_AUTH_FAILURES_PER_MINUTE', RATE_LIMIT_DEFAULTS.authFailuresPerWindow, 1_000_000),
  THREADLINE_TRUST_PROXY: trustProxyFrom,
  THREADLINE_CORS_ORIGINS: corsOriginsFrom,
  THREADLINE_PLUGINS: (env: Environment) => parsePluginList(env.THREADLINE_PLUGINS),
  THREADLINE_MAX_QUERY_COST: (env: Environment) => positiveInteger(env, 'THREADLINE_MAX_QUERY_COST', REQUEST_LIMITS.cost.value),
  THREADLINE_MAX_QUERY_DEPTH: (env: Environment) => positiveInteger(env, 'THREADLINE_MAX_QUERY_DEPTH', REQUEST_LIMITS.depth.value),
  THREADLINE_MAX_ALIASES: (env: Environment) => positiveInteger(env, 'THREADLINE_MAX_ALIASES', REQUEST_LIMITS.aliases.value),
  THREADLINE_MAX_TOKENS: (env: Environment) => positiveInteger(env, 'THREADLINE_MAX_TOKENS', REQUEST_LIMITS.tokens.value),
  THREADLINE_MAX_DIRECTIVES: (env: Environment) => positiveInteger(env, 'THREADLINE_MAX_DIRECTIVES', REQUEST_LIMITS.directives.value),
  THREADLINE_IMPORT_MAX_LINE_BYTES: (env: Environment) => positiveInteger(env, 'THREADLINE_IMPORT_MAX_LINE_BYTES', DEFAULT_IMPORT_MAX_LINE_BYTES, MAX_IMPORT_LINE_BYTES),
  THREADLINE_LOG_LEVEL: (env: Environment) => oneOf(env, 'THREADLINE_LOG_LEVEL', LOG_LEVELS, 'info'),
  THREADLINE_LOG_FORMAT: (env: Environment) => (blank(env.THREADLINE_LOG_FORMAT) ? undefined : oneOf(env, 'THREADLINE_LOG_FORMAT', ['json', 'pretty'] as const, 'json')),
  THREADLINE_DEBUG: (env: Environment) => env.THREADLINE_DEBUG?.trim() === '1',
  THREADLINE_READY_TIMEOUT_MS: (env: Environment) => databaseTimeoutsFrom(env).readyMs,
  THREADLINE_DB_TIMEOUT_MS: (env: Environment) => databaseTimeoutsFrom(env).statementMs,
  THREADLINE_QUERY_TIMEOUT_MS: (env: Environment) => databaseTimeoutsFrom(env).queryMs,
  THREADLINE_SQLITE_READERS: sqliteReadersFrom,
  THREADLINE_ACCOUNT_REPORTS_IN_FLIGHT: (env: Environment) => accountReportLimitsFrom(env).inFlight,
  THREADLINE_ACCOUNT_REPORTS_QUEUED: (env: Environment) => accountReportLimitsFrom(env).queued,
  THREADLINE_SHUTDOWN_TIMEOUT_MS: shutdownTimeoutFrom,
  THREADLINE_METRICS_TOKEN: (env: Environment) => env.THREADLINE_METRICS_TOKEN?.trim() || undefined,
  // Checked against a MariaDB primary here; readSettings refuses replicas beside a SQLite one.
  DATABASE_REPLICA_URLS: (env: Environment) => replicaUrlsFrom(env, { kind: 'mysql', host: '', port: 0, user: '', password: '', database: '' }),
  THREADLINE_AUTH_CACHE: (env: Environment) => onOff(env, 'THREADLINE_AUTH_CACHE', true),
  THREADLINE_WORKERS: (env: Environment) => workersFrom(env),
  THREADLINE_IMPORT_THREADS: importThreadsFrom,
} satisfies Record<string, (env: Environment) => unknown>;

type Variables = typeof VARIABLES;

/** The names of every environment variable Threadline reads. */
export const ENVIRONMENT_VARIABLES = Object.keys(VARIABLES) as (keyof Variables)[];

/** One variable as zod sees it: optional text, turned into its value by its reader or refused with the reader's reason. */
function variable<K extends keyof Variables>(name: K): z.ZodType<ReturnType<Variables[K]>, string | undefined> {
  const read = VARIABLES[name] as (env: Environment) => ReturnType<Variables[K]>;
  return z
    .string()
    .optional()
    .transform((text, context) => {
      try {
        return read({ [name]: text });
      } catch (error) {
        context.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    });
}

const ENVIRONMENT_SCHEMA = z.object(
  Object.fromEntries(ENVIRONMENT_VARIABLES.map((name) => [name, variable(name)])) as unknown as { [K in keyof Variables]: ReturnType<typeof variable<K>> },
);

/** An environment that does not validate; its message names every bad variable and value, one per line. */
export class ConfigError extends CliError {}

/** Reads and validates `env` as a whole; throws a ConfigError naming every bad value. */
export function readSettings(env: Environment): Settings {
  const parsed = ENVIRONMENT_SCHEMA.safeParse(env);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((issue) => issue.message).join('\n'));
  const v = parsed.data;
  if (v.DATABASE_REPLICA_URLS.length > 0 && v.DATABASE_URL.kind !== 'mysql') throw new ConfigError('DATABASE_REPLICA_URLS needs a mysql:// DATABASE_URL: SQLite has no replicas');
  return {
    databaseUrl: env.DATABASE_URL,
    database: v.DATABASE_URL,
    port: v.PORT,
    host: v.HOST,
    redisUrl: v.REDIS_URL,
    cache: v.THREADLINE_CACHE,
    rollups: v.THREADLINE_ROLLUPS,
    responseCacheBytes: v.THREADLINE_CACHE ? v.THREADLINE_RESPONSE_CACHE_MB : 0,
    rateLimits: { enabled: v.THREADLINE_RATE_LIMIT, requestsPerWindow: v.THREADLINE_RATE_LIMIT_PER_MINUTE, authFailuresPerWindow: v.THREADLINE_AUTH_FAILURES_PER_MINUTE, windowSeconds: RATE_LIMIT_DEFAULTS.windowSeconds, redisUrl: v.REDIS_URL },
    trustProxy: v.THREADLINE_TRUST_PROXY,
    corsOrigins: v.THREADLINE_CORS_ORIGINS,
    plugins: v.THREADLINE_PLUGINS,
    limits: { cost: v.THREADLINE_MAX_QUERY_COST, depth: v.THREADLINE_MAX_QUERY_DEPTH, aliases: v.THREADLINE_MAX_ALIASES, tokens: v.THREADLINE_MAX_TOKENS, directives: v.THREADLINE_MAX_DIRECTIVES },
    importMaxLineBytes: v.THREADLINE_IMPORT_MAX_LINE_BYTES,
    importThreads: v.THREADLINE_IMPORT_THREADS,
    logLevel: v.THREADLINE_LOG_LEVEL,
    logFormat: v.THREADLINE_LOG_FORMAT,
    debug: v.THREADLINE_DEBUG,
    databaseTimeouts: { readyMs: v.THREADLINE_READY_TIMEOUT_MS, statementMs: v.THREADLINE_DB_TIMEOUT_MS, queryMs: v.THREADLINE_QUERY_TIMEOUT_MS },
    sqliteReaders: v.THREADLINE_SQLITE_READERS,
    accountReports: { inFlight: v.THREADLINE_ACCOUNT_REPORTS_IN_FLIGHT, queued: v.THREADLINE_ACCOUNT_REPORTS_QUEUED },
    shutdownTimeoutMs: v.THREADLINE_SHUTDOWN_TIMEOUT_MS,
    metricsToken: v.THREADLINE_METRICS_TOKEN,
    databaseReplicas: v.DATABASE_REPLICA_URLS,
    authCache: v.THREADLINE_AUTH_CACHE,
    workers: v.THREADLINE_WORKERS,
  };
}

let current: Settings | undefined;

/**
 * This process's settings, read from its environment the first time they are asked for (the
 * command line asks before it runs any command) and kept: the rest of the code never reads
 * `process.env`.
 */
export function settings(): Settings {
  current ??= readSettings(process.env);
  return current;
}

/** Reads the environment again: for tests that change a variable, never for running code. */
export function reloadSettings(): Settings {
  current = undefined;
  return settings();
}

/** THREADLINE_DEBUG, also when another variable is bad (the error of a bad setting is printed with it). */
export function debugEnabled(): boolean {
  return process.env.THREADLINE_DEBUG?.trim() === '1';
}

function blank(text: string | undefined): boolean {
  return text === undefined || text.trim() === '';
}

function integer(env: Environment, name: string, min: number, max: number, what: string): number {
  const text = (env[name] ?? '').trim();
  const value = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) throw new CliError(`${name} must be ${what}, got ${JSON.stringify(env[name])}`);
  return value;
}

/** A whole number from 1 (to `max`); unset or blank: `fallback`. */
function positiveInteger(env: Environment, name: string, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  if (blank(env[name])) return fallback;
  const value = integer(env, name, 1, Number.MAX_SAFE_INTEGER, 'a positive integer');
  if (value > max) throw new CliError(`${name} must be at most ${max}, got ${JSON.stringify(env[name])}`);
  return value;
}

/** `on`/`off` (or true/false, 1/0, yes/no); unset or blank: `fallback`. */
export function onOff(env: Environment, name: string, fallback: boolean): boolean {
  const text = env[name]?.trim() ?? '';
  if (text === '') return fallback;
  if (/^(on|true|1|yes)$/i.test(text)) return true;
  if (/^(off|false|0|no)$/i.test(text)) return false;
  throw new CliError(`${name} must be "on" or "off", got ${JSON.stringify(env[name])}`);
}

function oneOf<T extends string>(env: Environment, name: string, allowed: readonly T[], fallback: T): T {
  const text = env[name]?.trim().toLowerCase() ?? '';
  if (text === '') return fallback;
  if ((allowed as readonly string[]).includes(text)) return text as T;
  throw new CliError(`${name} must be one of ${allowed.join(', ')}, got ${JSON.stringify(env[name])}`);
}

function redisUrlFrom(env: Environment): string | undefined {
  const text = env.REDIS_URL?.trim();
  if (!text) return undefined;
  if (!/^rediss?:\/\/[^\s]+$/.test(text)) throw new CliError(`REDIS_URL must be a redis:// or rediss:// URL, got ${JSON.stringify(env.REDIS_URL)}`);
  return text;
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
export function databaseTimeoutsFrom(env: Environment): DatabaseTimeouts {
  const entries = Object.entries(DATABASE_TIMEOUTS).map(([key, { env: name, value }]) => [key, milliseconds(env, name, value)]);
  return Object.fromEntries(entries) as DatabaseTimeouts;
}

/** A time limit in whole milliseconds from 100 to 3,600,000; unset or blank: `fallback`. */
function milliseconds(env: Environment, name: string, fallback: number): number {
  return blank(env[name]) ? fallback : integer(env, name, 100, 3_600_000, 'a whole number of milliseconds from 100 to 3600000');
}

/**
 * THREADLINE_SQLITE_READERS: how many processes run report queries on the embedded SQLite store,
 * off the server's own thread (default 2; `0` runs them in the server process, where a slow report
 * blocks every other request until it ends and cannot be stopped at its time limit).
 */
export function sqliteReadersFrom(env: Environment): number {
  return blank(env.THREADLINE_SQLITE_READERS) ? 2 : integer(env, 'THREADLINE_SQLITE_READERS', 0, 32, 'a whole number from 0 to 32');
}

/**
 * How many reports, drill-downs, value lists and conversation pages one account may have running at
 * once in one server process, and how many more may wait for their turn (docs/api.md, "Slow
 * reports"). Without a cap one account's slow reports, sent together, took every report connection
 * (8 on MariaDB) or SQLite reader for up to the query time limit, and every other account's reports
 * waited for them. Counted per process, not across `serve --workers` or several servers.
 */
export interface AccountReportLimits {
  /** THREADLINE_ACCOUNT_REPORTS_IN_FLIGHT: running at once, per account (default 4, half the report connections). */
  inFlight: number;
  /** THREADLINE_ACCOUNT_REPORTS_QUEUED: waiting for a turn, per account (default 100); past it: RATE_LIMITED. */
  queued: number;
}

/** The per-account limits with the environment's overrides; a bad value is refused by name. */
export function accountReportLimitsFrom(env: Environment): AccountReportLimits {
  return {
    inFlight: positiveInteger(env, 'THREADLINE_ACCOUNT_REPORTS_IN_FLIGHT', 4, 1000),
    queued: blank(env.THREADLINE_ACCOUNT_REPORTS_QUEUED) ? 100 : integer(env, 'THREADLINE_ACCOUNT_REPORTS_QUEUED', 0, 100_000, 'a whole number from 0 to 100000'),
  };
}

/**
 * THREADLINE_SHUTDOWN_TIMEOUT_MS: after SIGTERM or SIGINT, how long requests in flight (an ingest's
 * batch among them) may take to finish before the server exits anyway (default 10000).
 */
export function shutdownTimeoutFrom(env: Environment): number {
  return milliseconds(env, 'THREADLINE_SHUTDOWN_TIMEOUT_MS', 10_000);
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

export const DEFAULT_RESPONSE_CACHE_MB = 32;

/**
 * THREADLINE_RESPONSE_CACHE_MB: megabytes (MiB, 0 to 4096) of whole report responses each server
 * process keeps (src/server/response-cache.ts); 0 keeps none. Unset: 32. Returns bytes.
 */
export function responseCacheBytesFrom(env: Environment): number {
  const megabytes = blank(env.THREADLINE_RESPONSE_CACHE_MB) ? DEFAULT_RESPONSE_CACHE_MB : integer(env, 'THREADLINE_RESPONSE_CACHE_MB', 0, 4096, 'a whole number of megabytes from 0 to 4096');
  return megabytes * 1024 * 1024;
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

/**
 * THREADLINE_IMPORT_THREADS, else two fewer than the cores (the writing thread and the database
 * keep one each), at most 4. On 2 cores that is none: a parser thread there only took CPU from
 * MariaDB, with the same throughput and 75 MB more memory (docs/performance.md).
 */
export function importThreadsFrom(env: Environment): number {
  const given = env.THREADLINE_IMPORT_THREADS;
  if (given !== undefined && given.trim() !== '') {
    const n = Number(given);
    if (!Number.isInteger(n) || n < 0 || n > 64) throw new CliError(`THREADLINE_IMPORT_THREADS must be an integer from 0 to 64, not "${given}"`);
    return n;
  }
  return Math.min(4, Math.max(0, availableParallelism() - 2));
}
