import Redis from 'ioredis';
import { createConnection } from 'mysql2/promise';

/**
 * The servers the suite uses besides embedded SQLite. `TEST_SERVERS` lists those it may use
 * (`mariadb`, `redis`, comma-separated, or `none`): `npm run test:sqlite` sets `none` and runs
 * everything that needs no server; unset, `npm test` uses both and runs every test.
 */
export type TestServer = 'mariadb' | 'redis';
const ALL_SERVERS: readonly TestServer[] = ['mariadb', 'redis'];

export const TEST_SERVERS: ReadonlySet<TestServer> = parseServers(process.env.TEST_SERVERS);

function parseServers(value: string | undefined): ReadonlySet<TestServer> {
  if (value === undefined || value.trim() === '') return new Set(ALL_SERVERS);
  const names = value.split(',').map((name) => name.trim().toLowerCase()).filter((name) => name !== '' && name !== 'none');
  const unknown = names.filter((name) => !(ALL_SERVERS as readonly string[]).includes(name));
  if (unknown.length > 0) throw new Error(`TEST_SERVERS: unknown server ${unknown.join(', ')} (expected mariadb, redis or none)`);
  return new Set(names as TestServer[]);
}

/** Where the test MariaDB server is; each suite gets its own database on it. */
export function mysqlAdminUrl(): string {
  return process.env.TEST_MYSQL_URL ?? 'mysql://root:@127.0.0.1:3306/test';
}

export function redisUrl(): string {
  return process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
}

/** Global setup leaves the reason a server is unreachable here; workers inherit the environment. */
const UNREACHABLE_ENV: Record<TestServer, string> = { mariadb: 'THREADLINE_TEST_MARIADB_UNREACHABLE', redis: 'THREADLINE_TEST_REDIS_UNREACHABLE' };

/** Checks each configured server once; returns one line per server that does not answer. */
export async function checkServers(): Promise<string[]> {
  const problems: string[] = [];
  for (const server of TEST_SERVERS) {
    const error = await (server === 'mariadb' ? pingMariadb() : pingRedis());
    if (error === null) continue;
    const reason = `${server === 'mariadb' ? `MariaDB at ${new URL(mysqlAdminUrl()).host}` : `Redis at ${new URL(redisUrl()).host}`} is not reachable (${error}): start it (README, "Testing"), set ${server === 'mariadb' ? 'TEST_MYSQL_URL' : 'TEST_REDIS_URL'}, or run npm run test:sqlite`;
    process.env[UNREACHABLE_ENV[server]] = reason;
    problems.push(reason);
  }
  return problems;
}

/**
 * Fails the calling test with the one line global setup wrote when `server` did not answer, instead
 * of a driver's error after its retries.
 */
export function requireServer(server: TestServer): void {
  const reason = process.env[UNREACHABLE_ENV[server]];
  if (reason) throw new Error(reason);
}

export function serverReachable(server: TestServer): boolean {
  return TEST_SERVERS.has(server) && !process.env[UNREACHABLE_ENV[server]];
}

async function pingMariadb(): Promise<string | null> {
  const url = new URL(mysqlAdminUrl());
  try {
    const connection = await createConnection({ host: url.hostname, port: Number(url.port || 3306), user: decodeURIComponent(url.username), password: decodeURIComponent(url.password), connectTimeout: 5000 });
    await connection.end();
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

async function pingRedis(): Promise<string | null> {
  // One attempt, no retries: the point is to find out, not to wait for it.
  const client = new Redis(redisUrl(), { lazyConnect: true, connectTimeout: 5000, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
  // The socket's own error (ECONNREFUSED...) says more than the "Connection is closed." connect() rejects with.
  let socketError: Error | undefined;
  client.on('error', (error: Error) => (socketError ??= error));
  try {
    await client.connect();
    await client.ping();
    return null;
  } catch (error) {
    return (socketError ?? (error as Error)).message;
  } finally {
    client.disconnect();
  }
}

/**
 * A test that needs Redis: left out when TEST_SERVERS does not list it (`npm run test:sqlite`),
 * and failing with global setup's one line when Redis does not answer.
 */
export function itWithRedis(name: string, test: () => Promise<void>, timeoutMs?: number): void {
  (TEST_SERVERS.has('redis') ? it : it.skip)(
    name,
    async () => {
      requireServer('redis');
      await test();
    },
    timeoutMs,
  );
}
