import { ChildProcess, spawn } from 'node:child_process';

/**
 * Report queries on the embedded SQLite store, run outside the server's process: better-sqlite3
 * answers synchronously, so a 40-second report on the main thread would freeze every other client
 * and the health check for 40 seconds. Each reader is a small Node process with its own read-only
 * connection to the same file (WAL lets it read while the server writes).
 *
 * Processes rather than worker threads, because a query past its time limit must stop: SQLite
 * cannot be interrupted from JavaScript, and terminating a worker thread waits until the statement
 * returns on its own (a 15-second query took its full 15 s to terminate). Killing a process stops it
 * at once; a fresh reader replaces it.
 */
export interface SqliteReadersOptions {
  file: string;
  /** Reader processes at most; each runs one query at a time. */
  size: number;
  /** Called as a reader is killed for running past its limit (tests and logs). */
  onKill?: () => void;
}

export class QueryTimedOut extends Error {
  constructor(readonly limitMs: number) {
    super(`query ran past its ${limitMs} ms limit`);
  }
}

/**
 * The reader process's whole program, run with `node -e`: nothing to build or find on disk but
 * better-sqlite3 itself, whose path it is given. It prepares each distinct SQL text once.
 */
const READER_PROGRAM = `
const [file, modulePath] = process.argv.slice(1);
const Database = require(modulePath);
const db = new Database(file, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 5000');
db.function('unicode_lower', { deterministic: true }, (v) => (typeof v === 'string' ? v.toLowerCase() : v));
const statements = new Map();
process.on('message', ({ id, sql, params }) => {
  try {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      if (statements.size < 500) statements.set(sql, statement);
    }
    process.send({ id, rows: statement.all(...params) });
  } catch (error) {
    process.send({ id, error: { message: String(error && error.message), code: error && error.code } });
  }
});
process.on('disconnect', () => process.exit(0));
`;

interface Job {
  sql: string;
  params: unknown[];
  limitMs: number;
  /** Runs out `limitMs` after the job was queued: waiting for a reader counts toward the limit. */
  timer: NodeJS.Timeout;
  resolve(rows: unknown[]): void;
  reject(error: Error): void;
}

interface Reader {
  child: ChildProcess;
  job: { id: number; job: Job } | null;
}

interface ReaderReply {
  id: number;
  rows?: unknown[];
  error?: { message: string; code?: string };
}

export class SqliteReaders {
  private readonly readers = new Set<Reader>();
  private readonly idle: Reader[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;

  constructor(private readonly options: SqliteReadersOptions) {}

  /**
   * Runs one read-only statement in a reader; rejects with QueryTimedOut `limitMs` after it was
   * asked for. The wait for a free reader counts: with every reader busy on a slow report, a query
   * still queued at its limit answers TIMEOUT instead of waiting for as long as they run. One past
   * its limit while running is stopped by killing its reader.
   */
  run<T>(sql: string, params: unknown[], limitMs: number): Promise<T[]> {
    if (this.closed) return Promise.reject(new Error('The SQLite readers are closed'));
    return new Promise<T[]>((resolve, reject) => {
      const job: Job = { sql, params, limitMs, timer: setTimeout(() => this.expired(job), limitMs), resolve: resolve as (rows: unknown[]) => void, reject };
      this.queue.push(job);
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) {
      clearTimeout(job.timer);
      job.reject(new Error('The SQLite readers are closed'));
    }
    await Promise.all([...this.readers].map((reader) => this.kill(reader, new Error('The SQLite readers are closed'))));
  }

  /** Hands queued jobs to idle readers, starting readers up to the pool's size. */
  private dispatch(): void {
    while (this.queue.length > 0) {
      const reader = this.idle.pop() ?? (this.readers.size < this.options.size ? this.start() : null);
      if (!reader) return;
      this.send(reader, this.queue.shift() as Job);
    }
  }

  private start(): Reader {
    const child = spawn(process.execPath, ['-e', READER_PROGRAM, this.options.file, require.resolve('better-sqlite3')], {
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      serialization: 'advanced',
    });
    const reader: Reader = { child, job: null };
    this.readers.add(reader);
    child.on('message', (reply: ReaderReply) => this.answered(reader, reply));
    child.once('exit', (code, signal) => {
      // A reader that dies by itself (out of memory, a crash) fails its query, not the server.
      this.remove(reader, new Error(`SQLite reader exited (${signal ?? code})`));
    });
    child.on('error', (error) => this.remove(reader, error));
    return reader;
  }

  /** A job's time is up: still queued, it leaves the queue; running, its reader is killed. */
  private expired(job: Job): void {
    const queued = this.queue.indexOf(job);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
      job.reject(new QueryTimedOut(job.limitMs));
      return;
    }
    const reader = [...this.readers].find((r) => r.job?.job === job);
    if (!reader) return;
    this.options.onKill?.();
    void this.kill(reader, new QueryTimedOut(job.limitMs));
  }

  private send(reader: Reader, job: Job): void {
    const id = this.nextId++;
    reader.job = { id, job };
    // Busy readers keep the process alive (its answer is awaited); idle ones must not.
    reader.child.ref();
    (reader.child.channel as { ref?: () => void } | undefined)?.ref?.();
    reader.child.send({ id, sql: job.sql, params: job.params });
  }

  private answered(reader: Reader, reply: ReaderReply): void {
    const current = reader.job;
    if (!current || current.id !== reply.id) return;
    clearTimeout(current.job.timer);
    reader.job = null;
    reader.child.unref();
    (reader.child.channel as { unref?: () => void } | undefined)?.unref?.();
    this.idle.push(reader);
    if (reply.error) current.job.reject(Object.assign(new Error(reply.error.message), { code: reply.error.code }));
    else current.job.resolve(reply.rows ?? []);
    this.dispatch();
  }

  private async kill(reader: Reader, reason: Error): Promise<void> {
    const exited = new Promise<void>((resolve) => (reader.child.exitCode !== null || reader.child.signalCode !== null ? resolve() : reader.child.once('exit', () => resolve())));
    this.remove(reader, reason);
    reader.child.kill('SIGKILL');
    await exited;
  }

  /** Forgets a reader, failing its query with `reason`; queued jobs go to a fresh one. */
  private remove(reader: Reader, reason: Error): void {
    if (!this.readers.delete(reader)) return;
    const index = this.idle.indexOf(reader);
    if (index >= 0) this.idle.splice(index, 1);
    const current = reader.job;
    reader.job = null;
    if (current) {
      clearTimeout(current.job.timer);
      current.job.reject(reason);
    }
    if (!this.closed) this.dispatch();
  }
}
