/**
 * Import benchmark: how many conversations per second `threadline import` stores, and how much
 * memory the importer needs, for a file of N conversations and for one a tenth of that size (the
 * peak RSS of the two should be about the same: the importer streams in constant memory).
 *
 *   npm run build && node dist/bench/import.js [--conversations N] [--database-url URL] [--json FILE]
 *
 * Without --database-url a fresh MariaDB database `threadline_bench_<random>` is created on
 * 127.0.0.1:3306 (env BENCH_MYSQL_URL overrides the server) and dropped afterwards. Each file is
 * imported into a new account by the real CLI in a child process, whose peak RSS is read from
 * /proc/<pid>/status (VmHWM). `--in-process` runs importNdjson in this process instead (for when
 * the CLI is not built); its RSS then includes the benchmark itself.
 */
import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { createConnection } from 'mysql2/promise';
import { createAccount as createAccountIn } from '../src/accounts/accounts';
import { importNdjson } from '../src/conversations/import';
import { openDatabase } from '../src/db/database';
import { generateDemoConversations } from '../src/demo/generate';

const ROOT = resolve(__dirname, '..', '..');
const CLI = join(ROOT, 'bin', 'threadline.js');
const CLI_MAIN = join(ROOT, 'dist', 'src', 'cli', 'main.js');
const NOW = new Date('2026-03-15T12:00:00Z');
const SEED = 20260315;
const POLL_MS = 100;

interface RunFigures {
  conversations: number;
  fileBytes: number;
  wallSeconds: number;
  conversationsPerSecond: number;
  /** Peak resident set size of the importer (VmHWM), in MiB. */
  peakRssMiB: number;
  /** CPU time of the importer process over its wall time (1.0 = one core busy). */
  importerCpu: number | null;
  /** The same for the local database server (mariadbd/mysqld), when it runs on this machine. */
  databaseCpu: number | null;
  imported: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      conversations: { type: 'string', default: '1000000' },
      'database-url': { type: 'string' },
      json: { type: 'string' },
      'in-process': { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log('Usage: node dist/bench/import.js [--conversations N] [--database-url URL] [--json FILE] [--in-process] [--keep]');
    return;
  }
  const total = Number(values.conversations);
  if (!Number.isInteger(total) || total < 10) throw new Error(`--conversations must be an integer of at least 10, not "${values.conversations}"`);
  const inProcess = values['in-process'] || !existsSync(CLI_MAIN);
  if (inProcess && !values['in-process']) console.error(`note: ${CLI_MAIN} is missing (run npm run build); importing in-process`);

  const database = values['database-url'] ? { url: values['database-url'], drop: async () => undefined } : await createBenchDatabase();
  const dir = mkdtempSync(join(tmpdir(), 'threadline-bench-'));
  const sizes = [Math.round(total / 10), total];
  const runs: RunFigures[] = [];
  console.log(`import benchmark: ${sizes.join(' and ')} conversations into ${redact(database.url)}`);
  console.log(`machine: ${cpus().length} CPUs, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} at start; importer: ${inProcess ? 'in-process' : 'node bin/threadline.js import'}`);
  try {
    for (const size of sizes) {
      const file = join(dir, `conversations-${size}.ndjson`);
      const started = Date.now();
      await writeNdjson(file, size);
      console.log(`  generated ${file} (${mib(statSync(file).size)} MiB) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      const accountId = await createAccount(database.url, `bench ${size}`, inProcess);
      const server = databaseServerPid();
      const serverCpuBefore = server === null ? null : cpuSecondsOf(server);
      const figures = inProcess ? await importInProcess(database.url, accountId, file) : await importWithCli(database.url, accountId, file);
      const serverCpuAfter = server === null ? null : cpuSecondsOf(server);
      const databaseCpu = serverCpuBefore === null || serverCpuAfter === null ? null : (serverCpuAfter - serverCpuBefore) / figures.wallSeconds;
      const run = { ...figures, databaseCpu, conversations: size, fileBytes: statSync(file).size };
      runs.push(run);
      console.log(`  imported ${size} in ${run.wallSeconds.toFixed(1)} s: ${Math.round(run.conversationsPerSecond)} conv/s, peak RSS ${run.peakRssMiB.toFixed(0)} MiB`);
      if (run.imported !== size || run.rejected !== 0) throw new Error(`expected ${size} imported and none rejected, got ${JSON.stringify(run)}`);
      if (!values.keep) rmSync(file);
    }
  } finally {
    if (!values.keep) rmSync(dir, { recursive: true, force: true });
    await database.drop();
  }
  printTable(runs);
  console.log(`load average at end: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  if (values.json) {
    const report = { benchmark: 'import', database: redact(database.url).replace(/\/[^/]*$/, '/…'), importer: inProcess ? 'in-process' : 'cli', cpus: cpus().length, runs };
    writeFileSync(values.json, `${JSON.stringify(report, null, 2)}\n`);
  }
}

/** Writes `count` demo conversations (12 months of history) as NDJSON, one line at a time. */
async function writeNdjson(file: string, count: number): Promise<void> {
  const out = createWriteStream(file);
  const failed = once(out, 'error').then(([error]) => Promise.reject(error));
  failed.catch(() => undefined);
  for (const conversation of generateDemoConversations({ conversations: count, seed: SEED, now: NOW, months: 12 })) {
    if (!out.write(`${JSON.stringify(conversation)}\n`)) await Promise.race([once(out, 'drain'), failed]);
  }
  out.end();
  await Promise.race([once(out, 'finish'), failed]);
}

async function createAccount(url: string, name: string, inProcess: boolean): Promise<string> {
  if (inProcess) {
    const db = await openDatabase(url);
    try {
      return String((await createAccountIn(db, { name, plan: 'ENTERPRISE' })).id);
    } finally {
      await db.close();
    }
  }
  const { stdout } = await runCli(url, ['account', 'create', '--name', name, '--plan', 'ENTERPRISE', '--json']);
  return (JSON.parse(stdout) as { accountId: string }).accountId;
}

/** Runs `threadline import` as a child process, sampling its memory and CPU from /proc. */
async function importWithCli(url: string, accountId: string, file: string): Promise<Omit<RunFigures, 'conversations' | 'fileBytes' | 'databaseCpu'>> {
  const started = process.hrtime.bigint();
  const { stdout, peakRssKiB, cpuSeconds } = await runCli(url, ['import', '--account', accountId, file, '--json'], true);
  const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  const report = JSON.parse(stdout) as { imported: number; updated: number; unchanged?: number; rejected: unknown[] };
  return figures(report, wallSeconds, peakRssKiB, cpuSeconds);
}

/** Fallback without the CLI: the same importer in this process (RSS includes the benchmark's own). */
async function importInProcess(url: string, accountId: string, file: string): Promise<Omit<RunFigures, 'conversations' | 'fileBytes' | 'databaseCpu'>> {
  const db = await openDatabase(url);
  const cpuBefore = process.cpuUsage();
  const started = process.hrtime.bigint();
  let peakRssKiB = 0;
  const timer = setInterval(() => (peakRssKiB = Math.max(peakRssKiB, process.memoryUsage().rss / 1024)), POLL_MS);
  try {
    const report = await importNdjson(db, Number(accountId), createReadStream(file));
    const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    const cpu = process.cpuUsage(cpuBefore);
    peakRssKiB = Math.max(peakRssKiB, process.memoryUsage().rss / 1024);
    return figures(report, wallSeconds, peakRssKiB, (cpu.user + cpu.system) / 1e6);
  } finally {
    clearInterval(timer);
    await db.close();
  }
}

function figures(
  report: { imported: number; updated: number; unchanged?: number; rejected: unknown[] },
  wallSeconds: number,
  peakRssKiB: number,
  cpuSeconds: number | null,
): Omit<RunFigures, 'conversations' | 'fileBytes' | 'databaseCpu'> {
  const stored = report.imported + report.updated + (report.unchanged ?? 0);
  return {
    wallSeconds,
    conversationsPerSecond: stored / wallSeconds,
    peakRssMiB: peakRssKiB / 1024,
    importerCpu: cpuSeconds === null ? null : cpuSeconds / wallSeconds,
    imported: report.imported,
    updated: report.updated,
    unchanged: report.unchanged ?? 0,
    rejected: report.rejected.length,
  };
}

interface ChildResult {
  stdout: string;
  peakRssKiB: number;
  cpuSeconds: number | null;
}

function runCli(url: string, args: string[], sample = false): Promise<ChildResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, DATABASE_URL: url }, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    let peakRssKiB = 0;
    let cpuSeconds: number | null = null;
    const poll = () => {
      if (child.pid === undefined) return;
      const status = readProc(`/proc/${child.pid}/status`);
      // VmHWM is the kernel's own high-water mark, so samples can be sparse without missing the peak.
      const hwm = status && /^VmHWM:\s+(\d+) kB/m.exec(status);
      const rss = status && /^VmRSS:\s+(\d+) kB/m.exec(status);
      if (hwm) peakRssKiB = Math.max(peakRssKiB, Number(hwm[1]));
      if (rss) peakRssKiB = Math.max(peakRssKiB, Number(rss[1]));
      cpuSeconds = cpuSecondsOf(child.pid) ?? cpuSeconds;
    };
    const timer = sample ? setInterval(poll, POLL_MS) : undefined;
    child.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on('exit', (code, signal) => {
      clearInterval(timer);
      const err = Buffer.concat(stderr).toString().trim();
      if (code !== 0) {
        reject(new Error(`threadline ${args[0]} exited with ${code ?? signal}: ${err}`));
        return;
      }
      if (err) process.stderr.write(`${err}\n`);
      resolvePromise({ stdout: Buffer.concat(stdout).toString(), peakRssKiB, cpuSeconds });
    });
  });
}

/** User + system CPU seconds of a process (clock ticks are 1/100 s on Linux). */
function cpuSecondsOf(pid: number): number | null {
  const stat = readProc(`/proc/${pid}/stat`);
  if (!stat) return null;
  // Fields after the parenthesised command name: utime and stime are the 12th and 13th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** The local MariaDB/MySQL server process, if this machine runs one we can see. */
function databaseServerPid(): number | null {
  try {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const name = readProc(`/proc/${entry}/comm`)?.trim();
      if (name === 'mariadbd' || name === 'mysqld') return Number(entry);
    }
  } catch {
    // not Linux: no database figures
  }
  return null;
}

function readProc(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null; // the process has just exited
  }
}

async function createBenchDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const server = new URL(process.env.BENCH_MYSQL_URL ?? 'mysql://root:@127.0.0.1:3306/');
  const name = `threadline_bench_${randomBytes(5).toString('hex')}`;
  const admin = () =>
    createConnection({ host: server.hostname, port: Number(server.port || 3306), user: decodeURIComponent(server.username || 'root'), password: decodeURIComponent(server.password) });
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

function printTable(runs: RunFigures[]): void {
  const header = ['conversations', 'file MiB', 'wall s', 'conv/s', 'peak RSS MiB', 'importer CPU', 'database CPU'];
  const rows = runs.map((r) => [
    String(r.conversations),
    mib(r.fileBytes),
    r.wallSeconds.toFixed(1),
    String(Math.round(r.conversationsPerSecond)),
    r.peakRssMiB.toFixed(0),
    percent(r.importerCpu),
    percent(r.databaseCpu),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i])).join('  ');
  console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${rows.map(line).join('\n')}\n`);
}

function percent(share: number | null): string {
  return share === null ? '-' : `${Math.round(share * 100)}%`;
}

function mib(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
