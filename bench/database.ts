import { randomBytes } from 'node:crypto';
import { Connection, ConnectionOptions, createConnection } from 'mysql2/promise';
import { parseDatabaseUrl } from '../src/config';

export interface BenchDatabase {
  url: string;
  /** Drops the database if the benchmark created it; a no-op for one given with --database-url. */
  drop(): Promise<void>;
}

const DEFAULT_SERVER = 'mysql://root:@127.0.0.1:3306/';

/**
 * A fresh database `<prefix>_<random>` on the server of BENCH_MYSQL_URL (default 127.0.0.1:3306 as
 * root). Empty: the first CLI command applies the migrations.
 */
export async function createDatabase(prefix: string): Promise<BenchDatabase> {
  const server = new URL(process.env.BENCH_MYSQL_URL ?? DEFAULT_SERVER);
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  const admin = () => createConnection(serverOptions(server));
  const connection = await admin();
  try {
    await connection.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`);
  } finally {
    await connection.end();
  }
  server.pathname = `/${name}`;
  return {
    url: server.toString(),
    drop: async () => {
      const c = await admin();
      try {
        await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
      } finally {
        await c.end();
      }
    },
  };
}

export function existingDatabase(url: string): BenchDatabase {
  return { url, drop: async () => undefined };
}

/** Runs `work` against a throw-away database that is dropped afterwards, whatever happens. */
export async function withScratchDatabase<T>(work: (url: string) => Promise<T>): Promise<T> {
  const scratch = await createDatabase('threadline_bench_scratch');
  try {
    return await work(scratch.url);
  } finally {
    await scratch.drop();
  }
}

function serverOptions(server: URL): ConnectionOptions {
  return { host: server.hostname, port: Number(server.port || 3306), user: decodeURIComponent(server.username || 'root'), password: decodeURIComponent(server.password) };
}

/**
 * A plain mysql2 connection to a DATABASE_URL, set up as the server's own pool is (UTC instants,
 * DECIMAL as numbers), but otherwise independent of Threadline's code: the hand-written SQL and
 * LOAD DATA baselines run through it.
 */
export async function connect(url: string, extra: ConnectionOptions = {}): Promise<Connection> {
  const config = parseDatabaseUrl(url);
  if (config.kind !== 'mysql') throw new Error('the benchmark needs a MariaDB/MySQL DATABASE_URL (mysql://...)');
  return createConnection({
    host: config.host,
    port: config.port,
    user: config.user,
    password: config.password,
    database: config.database,
    charset: 'utf8mb4_bin',
    timezone: 'Z',
    decimalNumbers: true,
    supportBigNumbers: true,
    ...extra,
  });
}

export function redact(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
}
