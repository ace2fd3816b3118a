import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ENVIRONMENT_VARIABLES, readSettings } from '../../src/config';

/** What readSettings refuses `env` with, or 'accepted'. */
function refusal(env: Record<string, string>): string {
  try {
    readSettings(env);
    return 'accepted';
  } catch (error) {
    return (error as Error).message;
  }
}

describe('settings from the environment', () => {
  it('has a default for everything: this machine only, SQLite, limits on', () => {
    expect(readSettings({})).toEqual({
      databaseUrl: undefined,
      database: { kind: 'sqlite', file: './data/threadline.sqlite' },
      port: undefined,
      host: '127.0.0.1',
      redisUrl: undefined,
      cache: true,
      rollups: true,
      responseCacheBytes: 32 * 1024 * 1024,
      rateLimits: { enabled: true, requestsPerWindow: 600, authFailuresPerWindow: 30, windowSeconds: 60, redisUrl: undefined },
      trustProxy: false,
      corsOrigins: [],
      plugins: [],
      limits: { cost: 40, depth: 12, aliases: 50, tokens: 5000, directives: 10 },
      importMaxLineBytes: 1024 * 1024,
      // Two fewer than this machine's cores, at most 4.
      importThreads: expect.any(Number),
      logLevel: 'info',
      logFormat: undefined,
      debug: false,
      databaseTimeouts: { readyMs: 2000, statementMs: 5000, queryMs: 30_000 },
      sqliteReaders: 2,
      accountReports: { inFlight: 4, queued: 100 },
      shutdownTimeoutMs: 10_000,
      metricsToken: undefined,
      databaseReplicas: [],
      authCache: true,
      workers: undefined,
    });
  });

  it('reads each variable', () => {
    const settings = readSettings({
      DATABASE_URL: 'mysql://app:secret@db:3307/threadline', PORT: '8080', HOST: '0.0.0.0', REDIS_URL: 'redis://cache:6379', THREADLINE_CACHE: 'off',
      THREADLINE_ROLLUPS: 'no', THREADLINE_RATE_LIMIT: 'off', THREADLINE_RATE_LIMIT_PER_MINUTE: '1200', THREADLINE_AUTH_FAILURES_PER_MINUTE: '5',
      THREADLINE_TRUST_PROXY: 'loopback', THREADLINE_CORS_ORIGINS: 'https://reports.example.com', THREADLINE_PLUGINS: 'a, b', THREADLINE_MAX_QUERY_COST: '80',
      THREADLINE_MAX_QUERY_DEPTH: '20', THREADLINE_MAX_ALIASES: '10', THREADLINE_MAX_TOKENS: '900', THREADLINE_MAX_DIRECTIVES: '2',
      THREADLINE_IMPORT_MAX_LINE_BYTES: '4096', THREADLINE_LOG_LEVEL: 'debug', THREADLINE_LOG_FORMAT: 'json', THREADLINE_DEBUG: '1', UNRELATED: 'x',
      THREADLINE_READY_TIMEOUT_MS: '1000', THREADLINE_DB_TIMEOUT_MS: '3000', THREADLINE_QUERY_TIMEOUT_MS: '9000', THREADLINE_SQLITE_READERS: '0',
      THREADLINE_SHUTDOWN_TIMEOUT_MS: '500', THREADLINE_METRICS_TOKEN: 'scrape-me', DATABASE_REPLICA_URLS: 'mysql://app:secret@replica:3306/threadline',
      THREADLINE_AUTH_CACHE: 'off', THREADLINE_WORKERS: '3', THREADLINE_IMPORT_THREADS: '2', THREADLINE_RESPONSE_CACHE_MB: '8',
      THREADLINE_ACCOUNT_REPORTS_IN_FLIGHT: '2', THREADLINE_ACCOUNT_REPORTS_QUEUED: '0',
    });
    expect(settings).toEqual({
      databaseUrl: 'mysql://app:secret@db:3307/threadline',
      database: { kind: 'mysql', host: 'db', port: 3307, user: 'app', password: 'secret', database: 'threadline' },
      port: 8080,
      host: '0.0.0.0',
      redisUrl: 'redis://cache:6379',
      cache: false,
      rollups: false,
      // THREADLINE_CACHE=off keeps no responses either, whatever their memory.
      responseCacheBytes: 0,
      rateLimits: { enabled: false, requestsPerWindow: 1200, authFailuresPerWindow: 5, windowSeconds: 60, redisUrl: 'redis://cache:6379' },
      trustProxy: 'loopback',
      corsOrigins: ['https://reports.example.com'],
      plugins: ['a', 'b'],
      limits: { cost: 80, depth: 20, aliases: 10, tokens: 900, directives: 2 },
      importMaxLineBytes: 4096,
      importThreads: 2,
      logLevel: 'debug',
      logFormat: 'json',
      debug: true,
      databaseTimeouts: { readyMs: 1000, statementMs: 3000, queryMs: 9000 },
      sqliteReaders: 0,
      accountReports: { inFlight: 2, queued: 0 },
      shutdownTimeoutMs: 500,
      metricsToken: 'scrape-me',
      databaseReplicas: [{ kind: 'mysql', host: 'replica', port: 3306, user: 'app', password: 'secret', database: 'threadline' }],
      authCache: false,
      workers: 3,
    });
  });

  it.each<[Record<string, string>, string]>([
    [{ THREADLINE_RATE_LIMIT_PER_MINUTE: 'abc' }, 'THREADLINE_RATE_LIMIT_PER_MINUTE must be a positive integer, got "abc"'],
    [{ THREADLINE_RATE_LIMIT_PER_MINUTE: '2000000' }, 'THREADLINE_RATE_LIMIT_PER_MINUTE must be at most 1000000, got "2000000"'],
    [{ PORT: '70000' }, 'PORT must be a port number from 0 to 65535, got "70000"'],
    [{ THREADLINE_CACHE: 'sometimes' }, 'THREADLINE_CACHE must be "on" or "off", got "sometimes"'],
    [{ THREADLINE_LOG_LEVEL: 'loud' }, 'THREADLINE_LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "loud"'],
    [{ REDIS_URL: 'cache:6379' }, 'REDIS_URL must be a redis:// or rediss:// URL, got "cache:6379"'],
    [{ DATABASE_URL: 'postgres://x/y' }, 'DATABASE_URL "postgres://x/y" must start with sqlite: or mysql://'],
    [{ THREADLINE_IMPORT_MAX_LINE_BYTES: '0' }, 'THREADLINE_IMPORT_MAX_LINE_BYTES must be a positive integer, got "0"'],
    [{ THREADLINE_ACCOUNT_REPORTS_IN_FLIGHT: '0' }, 'THREADLINE_ACCOUNT_REPORTS_IN_FLIGHT must be a positive integer, got "0"'],
    [{ THREADLINE_ACCOUNT_REPORTS_QUEUED: 'lots' }, 'THREADLINE_ACCOUNT_REPORTS_QUEUED must be a whole number from 0 to 100000, got "lots"'],
    [{ THREADLINE_RESPONSE_CACHE_MB: '5000' }, 'THREADLINE_RESPONSE_CACHE_MB must be a whole number of megabytes from 0 to 4096, got "5000"'],
  ])('refuses %j, naming the variable and the value', (env, message) => {
    expect(refusal(env)).toBe(message);
  });

  it('reads THREADLINE_RESPONSE_CACHE_MB in MiB, 0 keeping no responses', () => {
    expect(readSettings({ THREADLINE_RESPONSE_CACHE_MB: '8' }).responseCacheBytes).toBe(8 * 1024 * 1024);
    expect(readSettings({ THREADLINE_RESPONSE_CACHE_MB: '0' }).responseCacheBytes).toBe(0);
  });

  it('names every bad value at once, one a line', () => {
    expect(refusal({ PORT: 'x', THREADLINE_MAX_TOKENS: '-1', THREADLINE_ROLLUPS: 'maybe' }).split('\n')).toEqual([
      'PORT must be a port number from 0 to 65535, got "x"',
      'THREADLINE_ROLLUPS must be "on" or "off", got "maybe"',
      'THREADLINE_MAX_TOKENS must be a positive integer, got "-1"',
    ]);
  });
});

describe('the configuration module', () => {
  const ROOT = join(__dirname, '..', '..');
  const sources = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : []));

  it('is the only code that reads process.env', () => {
    const readers = sources(join(ROOT, 'src')).filter((file) => /process\.env\b/.test(readFileSync(file, 'utf8')));
    expect(readers.map((file) => relative(ROOT, file))).toEqual(['src/config.ts']);
  });

  it('has every variable it reads listed in the README\'s one table of settings', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const table = readme.slice(readme.indexOf('| variable | default | effect |'));
    const rows = table.split('\n').slice(2).filter((line, i, lines) => lines.slice(0, i + 1).every((l) => l.startsWith('|')));
    const listed = rows.map((row) => /^\| `([A-Z_]+)` \|/.exec(row)?.[1]);
    expect(listed.sort()).toEqual([...ENVIRONMENT_VARIABLES].sort());
    const used = new Set([...readFileSync(join(ROOT, 'src', 'config.ts'), 'utf8').matchAll(/(?:env\.|')((?:THREADLINE|REDIS|DATABASE)_[A-Z_]+|PORT|HOST)\b/g)].map(([, name]) => name));
    expect([...used].filter((name) => !(ENVIRONMENT_VARIABLES as string[]).includes(name))).toEqual([]);
  });
});
