import { ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
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

const run = promisify(execFile);
const PATH = `${process.env.PATH ?? ''}:/usr/sbin:/usr/local/sbin`;

export async function createPrivateMariadb(database = 'threadline_faults'): Promise<PrivateMariadb> {
  const dir = mkdtempSync(join(tmpdir(), 'threadline-mariadb-'));
  const dataDir = join(dir, 'data');
  const port = await freePort();
  // Root without a password over TCP; no test database; as root (CI runs as root) it needs --user.
  await run('mariadb-install-db', ['--no-defaults', `--datadir=${dataDir}`, '--user=root', '--auth-root-authentication-method=normal', '--skip-test-db'], {
    env: { ...process.env, PATH },
    timeout: 60_000,
  });
  let child: ChildProcess | null = null;
  let exited: Promise<void> = Promise.resolve();

  const start = async () => {
    const args = [
      '--no-defaults', `--datadir=${dataDir}`, `--port=${port}`, `--socket=${join(dir, 'mysqld.sock')}`, `--pid-file=${join(dir, 'mysqld.pid')}`,
      `--log-error=${join(dir, 'error.log')}`, '--bind-address=127.0.0.1', '--user=root', '--skip-grant-tables',
      // Small: it holds one test's few rows.
      '--innodb-buffer-pool-size=16M', '--skip-log-bin', '--performance-schema=OFF',
    ];
    const started = spawn('mariadbd', args, { env: { ...process.env, PATH }, stdio: 'ignore' });
    child = started;
    exited = new Promise((resolve) => started.once('exit', () => resolve()));
    await untilAnswers(port, 30_000, exited);
  };

  await start();
  return {
    url: `mysql://root:@127.0.0.1:${port}/${database}`,
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
