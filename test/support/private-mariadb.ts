import { ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createConnection } from 'mysql2/promise';
import { freePort } from './cli';

/**
 * A MariaDB server of the test's own (its data directory, port and socket in a temp folder), for
 * tests that stop, freeze and restart the database under a running Threadline. The shared test
 * server is never touched. Needs `mariadb-install-db` and `mariadbd` on the PATH (or /usr/sbin).
 */
export interface PrivateMariadb {
  /** DATABASE_URL of a database on it (created by openDatabase). */
  url: string;
  port: number;
  /** Runs one statement as root on a connection of its own (no database selected). */
  sql<T = Record<string, unknown>>(statement: string, params?: unknown[]): Promise<T[]>;
  /** Starts the server (again) on the same data and port; resolves once it accepts connections. */
  start(): Promise<void>;
  /** SIGTERM, as an operator stopping it: resolves once the process is gone. */
  stop(): Promise<void>;
  /** SIGSTOP: the process stays, its sockets accept and never answer. */
  freeze(): void;
  /** SIGCONT. */
  resume(): void;
  /** Stops it (if running) and deletes its data. */
  destroy(): Promise<void>;
}

export interface PrivateMariadbOptions {
  /** `--server-id`: every server taking part in replication needs its own. Default 1. */
  serverId?: number;
  /** Writes a binary log (in its temp folder), so that replicas can follow it. Default off. */
  logBin?: boolean;
  /** `--local-infile`: false refuses LOAD DATA LOCAL INFILE, as a server configured with local_infile=OFF. Default on. */
  localInfile?: boolean;
}

const run = promisify(execFile);
const PATH = `${process.env.PATH ?? ''}:/usr/sbin:/usr/local/sbin`;

export async function createPrivateMariadb(database = 'threadline_faults', options: PrivateMariadbOptions = {}): Promise<PrivateMariadb> {
  const dir = mkdtempSync(join(tmpdir(), 'threadline-mariadb-'));
  const dataDir = join(dir, 'data');
  // Temporary tables of its own: servers installed side by side (other suites, a replica) in the
  // shared temp folder can clash on their names ("Could not remove temporary table").
  const tmp = join(dir, 'tmp');
  mkdirSync(tmp);
  const port = await freePort();
  // Root without a password over TCP; no test database; as root (CI runs as root) it needs --user.
  await run('mariadb-install-db', ['--no-defaults', `--datadir=${dataDir}`, '--user=root', '--auth-root-authentication-method=normal', '--skip-test-db', `--tmpdir=${tmp}`], {
    env: { ...process.env, PATH },
    timeout: 60_000,
  });
  let child: ChildProcess | null = null;
  let exited: Promise<void> = Promise.resolve();

  const start = async () => {
    const args = [
      '--no-defaults', `--datadir=${dataDir}`, `--port=${port}`, `--socket=${join(dir, 'mysqld.sock')}`, `--pid-file=${join(dir, 'mysqld.pid')}`,
      `--log-error=${join(dir, 'error.log')}`, `--tmpdir=${tmp}`, '--bind-address=127.0.0.1', '--user=root', '--skip-grant-tables',
      // Small: it holds one test's few rows.
      '--innodb-buffer-pool-size=16M', '--performance-schema=OFF', `--server-id=${options.serverId ?? 1}`,
      ...(options.logBin ? [`--log-bin=${join(dir, 'binlog')}`, '--binlog-format=ROW'] : ['--skip-log-bin']),
      `--relay-log=${join(dir, 'relay')}`,
      ...(options.localInfile === false ? ['--local-infile=0'] : []),
    ];
    const started = spawn('mariadbd', args, { env: { ...process.env, PATH }, stdio: 'ignore' });
    child = started;
    exited = new Promise((resolve) => started.once('exit', () => resolve()));
    await untilAnswers(port, 30_000, exited);
  };

  await start();
  return {
    url: `mysql://root:@127.0.0.1:${port}/${database}`,
    port,
    async sql<T>(statement: string, params: unknown[] = []) {
      const connection = await createConnection({ host: '127.0.0.1', port, user: 'root', connectTimeout: 5000 });
      try {
        const [rows] = await connection.query(statement, params);
        return rows as T[];
      } finally {
        await connection.end();
      }
    },
    start,
    async stop() {
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGCONT');
      child.kill('SIGTERM');
      await exited;
    },
    freeze: () => void child?.kill('SIGSTOP'),
    resume: () => void child?.kill('SIGCONT'),
    async destroy() {
      if (child && child.exitCode === null && child.signalCode === null) {
        child.kill('SIGCONT');
        child.kill('SIGKILL');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Polls with a fresh connection until the server answers, it exits, or the deadline passes. */
async function untilAnswers(port: number, timeoutMs: number, exited: Promise<void>): Promise<void> {
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const connection = await createConnection({ host: '127.0.0.1', port, user: 'root', connectTimeout: 1000 });
      await connection.end();
      return;
    } catch (error) {
      if (gone) throw new Error(`mariadbd exited before answering: ${(error as Error).message}`);
      if (Date.now() > deadline) throw new Error(`mariadbd on port ${port} did not answer within ${timeoutMs} ms: ${(error as Error).message}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/**
 * Makes `replica` follow `primary` (started with `logBin`) from the start of its binary log, by
 * GTID, and waits until both replication threads run. Without grant tables any login is accepted,
 * the replica's as root too, so no replication user is needed.
 */
export async function replicate(replica: PrivateMariadb, primary: PrivateMariadb, timeoutMs = 30_000): Promise<void> {
  await replica.sql(`CHANGE MASTER TO MASTER_HOST = '127.0.0.1', MASTER_PORT = ${primary.port}, MASTER_USER = 'root', MASTER_PASSWORD = '', MASTER_CONNECT_RETRY = 1, MASTER_USE_GTID = slave_pos`);
  await replica.sql('START SLAVE');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [status] = await replica.sql<{ Slave_IO_Running: string; Slave_SQL_Running: string; Last_Error: string; Last_IO_Error: string }>('SHOW SLAVE STATUS');
    if (status?.Slave_IO_Running === 'Yes' && status.Slave_SQL_Running === 'Yes') return;
    if (Date.now() > deadline) throw new Error(`replication did not start within ${timeoutMs} ms: ${JSON.stringify(status)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Waits until `replica` has applied everything `primary` has written so far (MASTER_GTID_WAIT, bounded). */
export async function caughtUp(replica: PrivateMariadb, primary: PrivateMariadb, timeoutMs = 20_000): Promise<void> {
  const [{ position }] = await primary.sql<{ position: string }>('SELECT @@gtid_binlog_pos AS position');
  const [{ waited }] = await replica.sql<{ waited: number }>('SELECT MASTER_GTID_WAIT(?, ?) AS waited', [position, timeoutMs / 1000]);
  if (Number(waited) !== 0) throw new Error(`the replica did not reach ${position} within ${timeoutMs} ms`);
}
