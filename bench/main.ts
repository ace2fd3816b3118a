/**
 * The performance benchmark (issue "1. Benchmark"): loads N generated conversations into MariaDB and
 * measures, in one run, each figure beside its baseline:
 *
 *  - import: conversations/s of `threadline import` vs `LOAD DATA LOCAL INFILE` of the same rows;
 *  - every report of the catalog over 30 and 365 days, end to end over HTTP: p50/p95 uncached vs
 *    the hand-written SQL through mysql2 (results compared), cached p50, rollup p50;
 *  - the six chat-overview reports in one request;
 *  - requests/s of a cached report vs `{ __typename }` with 8 and 32 concurrent clients (autocannon);
 *  - peak RSS of the server and of the importer (at N and at N/10: it should be flat);
 *  - with --workers: requests/s of `{ __typename }` and a cached report from 2 server worker
 *    processes (`serve --workers 2`) vs 1.
 *
 *   npm run bench -- [--conversations N] [--json FILE] [--iterations N] [--warmup N] [--duration S]
 *                    [--database-url URL] [--keep] [--explain] [--workers]
 *
 * Without --database-url a database `threadline_bench_<random>` is created on 127.0.0.1:3306 as root
 * (env BENCH_MYSQL_URL overrides the server) and dropped at the end unless --keep. With
 * --database-url URL the run reuses that database: when it holds the account "threadline bench N"
 * with N conversations (left by an earlier run with --keep), import and LOAD DATA are skipped and
 * only the report figures are taken, e.g. to re-time reports at 1M without re-importing:
 *
 *   npm run bench -- --conversations 1000000 --keep    # prints the database's URL
 *   npm run bench -- --conversations 1000000 --database-url mysql://root:@127.0.0.1:3306/threadline_bench_…
 *
 * Servers are `threadline serve` child processes, one per configuration: uncached
 * (THREADLINE_CACHE=off THREADLINE_ROLLUPS=off), rollup (THREADLINE_CACHE=off) and cached (defaults).
 * Targets are those of the issue at 1M conversations; smaller runs show them for information.
 * Nothing is asserted: the exit status is 0 unless the benchmark itself fails.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { DateTime } from 'luxon';
import { Connection } from 'mysql2/promise';
import { reportCatalog } from '../src/reporting/catalog/registry';
import { addDays } from '../src/calendar/time';
import { connect, createDatabase, existingDatabase, redact, withScratchDatabase } from './database';
import { explainReports } from './explain';
import { BENCH_SHAPE, writeBenchNdjson } from './generate';
import { GraphqlClient, GraphqlRequest, runReportRequest, TRIVIAL_REQUEST } from './graphql';
import { createAccount, createToken, ImportFigures, importFile } from './import';
import { LoadDataFigures, loadData, writeTsvFiles } from './load-data';
import { startServer } from './server';
import { CaseTiming, caseKey, CHAT_OVERVIEW, check, Configuration, CONFIGURATIONS, DashboardTiming, ReportCase, timeDashboard, timeReports } from './reports';
import { Repetitions, summarize, Timing } from './stats';
import { Figure, formatFigures, meets, mib, ms, rate, ratio, times } from './table';
import { measureThroughput, ThroughputFigures } from './throughput';
import { measureWorkers, WorkerFigures } from './workers';
import { formatSoak, soak, SoakOptions } from './soak';

const TIMEZONE = 'Europe/Amsterdam';
const RANGES = [
  { name: '30d', days: 30 },
  { name: '365d', days: 365 },
] as const;
const CLIENTS = [8, 32] as const;
/** Server processes compared by --workers, and the connections they are compared with. */
const WORKER_COUNTS = [1, 2] as const;
const WORKER_CLIENTS = 8;
/** The cached report the throughput runs ask for. */
const THROUGHPUT_REPORT = 'chat-volume-by-assignee';
/** At most this many conversations count as a small (smoke) run: fewer iterations, shorter load runs. */
const SMALL_RUN = 50_000;

const TARGETS = {
  importShareOfLoadData: 0.5,
  uncachedOverRawSql: 1.1,
  cachedP50Ms: 5,
  rollupSpeedup365d: 10,
  throughputShare: 0.8,
  /** Requests/s of 2 worker processes over 1, on a 2-core machine. */
  workersSpeedup: 1.6,
  serverRssMb: 300,
  /** "Flat in the file's size": the importer's peak RSS at N over that at N / 10. */
  importerRssGrowth: 1.25,
};

const USAGE = `Usage: npm run bench -- [options]   (node dist/bench/main.js [options])

  --conversations N   conversations to generate and import (default 1000000)
  --json FILE         also write the figures as JSON
  --iterations N      timed runs per report (default 20; 5 up to ${SMALL_RUN} conversations)
  --warmup N          untimed runs before them (default 2; 1 up to ${SMALL_RUN} conversations)
  --duration S        seconds per throughput run (default 10; 2 up to ${SMALL_RUN} conversations)
  --database-url URL  use this MariaDB database; if it already holds the account "threadline bench N"
                      with N conversations, skip the import and LOAD DATA and time the reports only
  --keep              keep the database (and the generated files) afterwards, and print where
  --explain           also time the engine's own SQL against the hand-written SQL and print EXPLAINs
  --workers           also compare requests/s of serve --workers 2 with --workers 1
  --explain-only      only that: no servers (with --database-url, after \`threadline migrate\`)
  --configurations L  only these server configurations, comma-separated (default all: ${Object.keys(CONFIGURATIONS).join(',')})
  --soak              afterwards, the soak on SQLite and MariaDB (bench/soak.ts; \`npm run bench\` passes it)
  --soak-only         only the soak
  --import-only       only the import against LOAD DATA, in scratch databases: the importer with
                      THREADLINE_IMPORT_THREADS=1 and, in the same run, =0
  --soak-clients N    clients of the soak (default 32)
  --soak-seconds S    length of the soak on each store (default 60)
  --help`;

interface Options {
  conversations: number;
  json?: string;
  repetitions: Repetitions;
  throughputSeconds: number;
  databaseUrl?: string;
  keep: boolean;
  explain: boolean;
  workers: boolean;
  explainOnly: boolean;
  configurations: Configuration[];
  soak: SoakOptions | null;
  soakOnly: boolean;
  importOnly: boolean;
}

function parseOptions(): Options | null {
  const { values } = parseArgs({
    options: {
      conversations: { type: 'string', default: '1000000' },
      json: { type: 'string' },
      iterations: { type: 'string' },
      warmup: { type: 'string' },
      duration: { type: 'string' },
      'database-url': { type: 'string' },
      keep: { type: 'boolean', default: false },
      explain: { type: 'boolean', default: false },
      workers: { type: 'boolean', default: false },
      'explain-only': { type: 'boolean', default: false },
      configurations: { type: 'string' },
      soak: { type: 'boolean', default: false },
      'soak-only': { type: 'boolean', default: false },
      'import-only': { type: 'boolean', default: false },
      'soak-clients': { type: 'string', default: '32' },
      'soak-seconds': { type: 'string', default: '60' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return null;
  }
  const conversations = integer('--conversations', values.conversations, 100);
  const small = conversations <= SMALL_RUN;
  return {
    conversations,
    json: values.json,
    repetitions: {
      warmup: integer('--warmup', values.warmup ?? (small ? '1' : '2'), 0),
      iterations: integer('--iterations', values.iterations ?? (small ? '5' : '20'), 1),
    },
    throughputSeconds: integer('--duration', values.duration ?? (small ? '2' : '10'), 1),
    databaseUrl: values['database-url'],
    keep: values.keep,
    explain: values.explain || values['explain-only'],
    explainOnly: values['explain-only'],
    configurations: configurationList(values.configurations),
    soak:
      values.soak || values['soak-only']
        ? { clients: integer('--soak-clients', values['soak-clients'], 1), seconds: integer('--soak-seconds', values['soak-seconds'], 1), baseConversations: 5000 }
        : null,
    soakOnly: values['soak-only'],
    importOnly: values['import-only'],
    workers: values.workers,
  };
}

function configurationList(value: string | undefined): Configuration[] {
  const all = Object.keys(CONFIGURATIONS) as Configuration[];
  if (value === undefined) return all;
  const names = value.split(',').map((name) => name.trim());
  const unknown = names.filter((name) => !(all as string[]).includes(name));
  if (unknown.length > 0) throw new Error(`--configurations: unknown ${unknown.join(', ')} (expected some of ${all.join(', ')})`);
  return all.filter((name) => names.includes(name));
}

function integer(flag: string, value: string, min: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new Error(`${flag} must be an integer of at least ${min}, not "${value}"`);
  return n;
}

interface Setup {
  accountId: number;
  /** Null when an existing account was reused. */
  importer: { full: ImportFigures; tenth: ImportFigures } | null;
  loadData: LoadDataFigures | null;
}

async function main(): Promise<void> {
  const options = parseOptions();
  if (!options) return;
  if (options.importOnly) await benchmarkImport(options.conversations);
  else if (!options.soakOnly) await benchmark(options);
  if (options.soak) console.log(`\n${formatSoak(await soak(options.soak), options.soak)}\n`);
}

async function benchmark(options: Options): Promise<void> {
  const started = new Date();
  const database = options.databaseUrl ? existingDatabase(options.databaseUrl) : await createDatabase('threadline_bench');
  const dir = mkdtempSync(join(tmpdir(), 'threadline-bench-'));
  console.log(`Threadline benchmark: ${options.conversations.toLocaleString('en-US')} conversations (${BENCH_SHAPE.agents} agents, ${BENCH_SHAPE.inboxes} inboxes, ${BENCH_SHAPE.chatflows} chatflows, ${BENCH_SHAPE.pageUrls} URLs, ${BENCH_SHAPE.months} months) in ${redact(database.url)}`);
  console.log(`machine: ${machineLine()}`);
  let connection: Connection | undefined;
  try {
    const setup = await prepareAccount(database.url, options, dir);
    connection = await connect(database.url);
    console.log(`database: ${await databaseLine(connection)}`);
    const token = await createToken(database.url, String(setup.accountId), `bench-${randomBytes(4).toString('hex')}@example.com`);
    const lastDay = await lastLocalDay(connection, setup.accountId);
    if (options.explainOnly) {
      const ranges = RANGES.map((r) => ({ name: r.name, dateRange: { from: addDays(lastDay, 1 - r.days), to: lastDay } }));
      const ids = reportCatalog().list().map((d) => d.id).flatMap((id) => ranges.map((r) => ({ id, range: r.name, dateRange: r.dateRange })));
      await explainReports(database.url, connection, setup.accountId, TIMEZONE, ids, options.repetitions);
      return;
    }
    const figures = await measureServers(database.url, token, connection, setup.accountId, lastDay, options);
    if (options.explain) await explainReports(database.url, connection, setup.accountId, TIMEZONE, figures.cases, options.repetitions);
    if (options.workers) {
      console.log(`\nservers: cached, ${WORKER_COUNTS.join(' vs ')} worker processes`);
      const month = { from: addDays(lastDay, 1 - RANGES[0].days), to: lastDay };
      figures.workers = await measureWorkers(database.url, token, runReportRequest(THROUGHPUT_REPORT, month), TRIVIAL_REQUEST, WORKER_COUNTS, WORKER_CLIENTS, options.throughputSeconds);
    }
    report(options, setup, figures, started);
  } finally {
    await connection?.end();
    if (options.keep) {
      console.log(`kept: database ${redact(database.url)}; files in ${dir}`);
    } else {
      rmSync(dir, { recursive: true, force: true });
      await database.drop();
    }
  }
}

// ---- data ------------------------------------------------------------------------------------

const accountName = (conversations: number) => `threadline bench ${conversations}`;

/** The bench account with N conversations: found in a reused database, else created and imported. */
async function prepareAccount(url: string, options: Options, dir: string): Promise<Setup> {
  const existing = await findLoadedAccount(url, options.conversations);
  if (existing !== null) {
    console.log(`reusing account ${existing} "${accountName(options.conversations)}": it already holds ${options.conversations} conversations (import and LOAD DATA skipped)`);
    return { accountId: existing, importer: null, loadData: null };
  }
  const n = options.conversations;
  const tenth = Math.max(10, Math.round(n / 10));
  const file = join(dir, `conversations-${n}.ndjson`);
  const smallFile = join(dir, `conversations-${tenth}.ndjson`);
  const t0 = Date.now();
  await writeBenchNdjson(file, n);
  await writeBenchNdjson(smallFile, tenth);
  console.log(`generated ${file} and ${smallFile} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  // The importer's memory at a tenth of the size, in a scratch database: flat means about the same.
  const small = await withScratchDatabase(async (scratch) => importFile(scratch, await createAccount(scratch, 'importer memory probe', TIMEZONE), smallFile, tenth));
  console.log(`import ${tenth} (memory probe): ${small.wallSeconds.toFixed(1)} s, ${Math.round(small.conversationsPerSecond)} conv/s, peak RSS ${small.peakRssMiB.toFixed(0)} MB`);

  const accountId = await createAccount(url, accountName(n), TIMEZONE);
  const full = await importFile(url, accountId, file, n);
  console.log(`import ${n}: ${full.wallSeconds.toFixed(1)} s, ${Math.round(full.conversationsPerSecond)} conv/s, peak RSS ${full.peakRssMiB.toFixed(0)} MB, importer CPU ${percent(full.importerCpu)}, database CPU ${percent(full.databaseCpu)}`);

  const baseline = await withScratchDatabase(async (scratch) => {
    const id = Number(await createAccount(scratch, 'load data baseline', TIMEZONE));
    const { files, rows } = await writeTsvFiles(file, dir, id);
    try {
      return await loadData(scratch, files, rows);
    } finally {
      for (const path of Object.values(files)) rmSync(path, { force: true });
    }
  });
  console.log(`LOAD DATA ${n}: ${baseline.seconds.toFixed(1)} s, ${Math.round(baseline.conversationsPerSecond)} conv/s (${baseline.loads})`);
  return { accountId: Number(accountId), importer: { full, tenth: small }, loadData: baseline };
}

/**
 * The import alone, each in a scratch database: with parsing on a worker thread
 * (THREADLINE_IMPORT_THREADS=1), with everything on the main thread (=0, the importer before), and
 * LOAD DATA of the same rows, in one run so the ratios share the machine's load.
 */
async function benchmarkImport(n: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'threadline-bench-'));
  try {
    console.log(`import benchmark: ${n.toLocaleString('en-US')} conversations; machine: ${machineLine()}`);
    const file = join(dir, `conversations-${n}.ndjson`);
    await writeBenchNdjson(file, n);
    const importer = (label: string, env: NodeJS.ProcessEnv) =>
      withScratchDatabase(async (scratch) => {
        const figures = await importFile(scratch, await createAccount(scratch, `import ${label}`, TIMEZONE), file, n, env);
        console.log(`import ${label}: ${figures.wallSeconds.toFixed(1)} s, ${Math.round(figures.conversationsPerSecond)} conv/s, peak RSS ${figures.peakRssMiB.toFixed(0)} MB, importer CPU ${percent(figures.importerCpu)}, database CPU ${percent(figures.databaseCpu)}`);
        return figures;
      });
    const threads = await importer('1 parser thread', { THREADLINE_IMPORT_THREADS: '1' });
    const single = await importer('main thread only', { THREADLINE_IMPORT_THREADS: '0' });
    const baseline = await withScratchDatabase(async (scratch) => {
      const id = Number(await createAccount(scratch, 'load data baseline', TIMEZONE));
      const { files, rows } = await writeTsvFiles(file, dir, id);
      return loadData(scratch, files, rows);
    });
    console.log(`LOAD DATA: ${baseline.seconds.toFixed(1)} s, ${Math.round(baseline.conversationsPerSecond)} conv/s (${baseline.loads})`);
    const share = (f: ImportFigures) => (f.conversationsPerSecond / baseline.conversationsPerSecond).toFixed(2);
    console.log(`import vs LOAD DATA: 1 parser thread ${share(threads)}x, main thread only ${share(single)}x (target >= ${TARGETS.importShareOfLoadData.toFixed(2)}x)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function findLoadedAccount(url: string, conversations: number): Promise<number | null> {
  let connection: Connection | undefined;
  try {
    connection = await connect(url);
    const [rows] = await connection.query(
      'SELECT a.id, (SELECT COUNT(*) FROM conversations c WHERE c.account_id = a.id) AS n FROM accounts a WHERE a.name = ? ORDER BY a.id',
      [accountName(conversations)],
    );
    const match = (rows as { id: number; n: number }[]).find((r) => Number(r.n) === conversations);
    return match ? Number(match.id) : null;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ER_BAD_DB_ERROR' || code === 'ER_NO_SUCH_TABLE') return null; // a new or empty database
    throw error;
  } finally {
    await connection?.end();
  }
}

/** The local date of the account's last conversation: ranges end there. */
async function lastLocalDay(connection: Connection, accountId: number): Promise<string> {
  const [rows] = await connection.query('SELECT MAX(created_at) AS last FROM conversations WHERE account_id = ?', [accountId]);
  const last = (rows as { last: Date | null }[])[0]?.last;
  if (!last) throw new Error(`account ${accountId} has no conversations`);
  return DateTime.fromJSDate(last, { zone: TIMEZONE }).toISODate() as string;
}

// ---- servers ---------------------------------------------------------------------------------

interface ServerFigures {
  cases: ReportCase[];
  timings: Record<Configuration, Map<string, CaseTiming>>;
  dashboards: Record<Configuration, DashboardTiming>;
  throughput: ThroughputFigures[];
  /** The throughput report and `{ __typename }` one after the other, interleaved, on the cached servers. */
  sequential: SequentialFigures[];
  serverRssMb: Record<Configuration, number>;
  mismatches: string[];
  /** With --workers: the same server with 1 and with 2 worker processes. */
  workers?: WorkerFigures[];
}

interface SequentialFigures {
  configuration: Configuration;
  report: Timing;
  trivial: Timing;
}

/** Sequential runs of the report interleaved with `{ __typename }`: both see the same machine load, so their ratio holds on a busy machine. */
const SEQUENTIAL_PAIRS = 200;

async function sequentialPairs(configuration: Configuration, client: GraphqlClient, report: GraphqlRequest): Promise<SequentialFigures> {
  const reportSamples: number[] = [];
  const trivialSamples: number[] = [];
  const time = async (request: GraphqlRequest, samples: number[]) => {
    const started = process.hrtime.bigint();
    await client.post(request);
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  };
  await client.post(report);
  await client.post(TRIVIAL_REQUEST);
  for (let i = 0; i < SEQUENTIAL_PAIRS; i++) {
    await time(report, reportSamples);
    await time(TRIVIAL_REQUEST, trivialSamples);
  }
  const figures = { configuration, report: summarize(reportSamples), trivial: summarize(trivialSamples) };
  console.log(`  sequential, interleaved: report p50 ${ms(figures.report.p50)}, { __typename } p50 ${ms(figures.trivial.p50)}`);
  return figures;
}

async function measureServers(url: string, token: string, connection: Connection, accountId: number, lastDay: string, options: Options): Promise<ServerFigures> {
  const ranges = RANGES.map((r) => ({ name: r.name, dateRange: { from: addDays(lastDay, 1 - r.days), to: lastDay } }));
  console.log(`ranges (${TIMEZONE}): ${ranges.map((r) => `${r.name} ${r.dateRange.from}..${r.dateRange.to}`).join(', ')}; ${options.repetitions.iterations} timed runs after ${options.repetitions.warmup} warm-up(s)`);
  const month = ranges[0].dateRange;
  const timings = {} as ServerFigures['timings'];
  const dashboards = {} as ServerFigures['dashboards'];
  const serverRssMb = {} as ServerFigures['serverRssMb'];
  let throughput: ThroughputFigures[] = [];
  const sequential: SequentialFigures[] = [];
  let cases: ReportCase[] = [];
  const mismatches: string[] = [];
  for (const configuration of Object.keys(CONFIGURATIONS) as Configuration[]) {
    if (!options.configurations.includes(configuration)) {
      timings[configuration] = new Map();
      dashboards[configuration] = { timing: { samples: [], p50: Number.NaN, p95: Number.NaN }, results: [] };
      serverRssMb[configuration] = Number.NaN;
      continue;
    }
    const env = CONFIGURATIONS[configuration];
    console.log(`\nserver: ${configuration} (${Object.entries(env).map(([k, v]) => `${k}=${v}`).join(' ') || 'defaults'})`);
    const server = await startServer(url, env);
    try {
      const client = new GraphqlClient(server.url, token);
      if (cases.length === 0) cases = (await client.reportIds()).flatMap((id) => ranges.map((r) => ({ id, range: r.name, dateRange: r.dateRange })));
      // The cached figures are for a warm cache: at least one run fills it before the timed ones.
     const repetitions = configuration === 'cached' || configuration === 'tokensFromDatabase' ? { ...options.repetitions, warmup: Math.max(1, options.repetitions.warmup) } : options.repetitions;
      timings[configuration] = await timeReports(client, cases, repetitions, configuration === 'uncached' ? { connection, accountId, timezone: TIMEZONE } : undefined);
      dashboards[configuration] = await timeDashboard(client, CHAT_OVERVIEW, month, repetitions);
      console.log(`  dashboard (${CHAT_OVERVIEW.length} reports, 30d) p50 ${ms(dashboards[configuration].timing.p50)}`);
      if (configuration === 'cached' || configuration === 'tokensFromDatabase') {
        throughput = [...throughput, ...(await measureThroughput(configuration, client, runReportRequest(THROUGHPUT_REPORT, month), TRIVIAL_REQUEST, CLIENTS, options.throughputSeconds))];
        sequential.push(await sequentialPairs(configuration, client, runReportRequest(THROUGHPUT_REPORT, month)));
      }
    } finally {
      serverRssMb[configuration] = await server.stop();
    }
    console.log(`  server peak RSS ${serverRssMb[configuration].toFixed(0)} MB`);
    verify(configuration, cases, timings, dashboards[configuration], mismatches);
  }
  return { cases, timings, dashboards, throughput, sequential, serverRssMb, mismatches };
}

/**
 * Uncached results must equal the hand-written SQL's; rollup and cached results, and the
 * dashboard's, must equal the uncached ones. A difference is printed loudly and listed.
 */
function verify(configuration: Configuration, cases: ReportCase[], timings: ServerFigures['timings'], dashboard: DashboardTiming, mismatches: string[]): void {
  const uncached = timings.uncached;
  for (const c of cases) {
    const key = caseKey(c);
    const own = timings[configuration].get(key);
    if (!own) continue;
    if (configuration === 'uncached') {
      if (own.baseline) check(`${key}: server (uncached) vs hand-written SQL`, own.baseline.result, own.result, mismatches);
    } else {
      const reference = uncached.get(key);
      if (reference) check(`${key}: ${configuration} vs uncached`, reference.result, own.result, mismatches);
    }
  }
  CHAT_OVERVIEW.forEach((id, i) => {
    const reference = uncached.get(`${id} 30d`);
    if (reference) check(`dashboard ${id} 30d (${configuration}) vs runReport (uncached)`, reference.result, dashboard.results[i], mismatches);
  });
}

// ---- output ----------------------------------------------------------------------------------

function report(options: Options, setup: Setup, figures: ServerFigures, started: Date): void {
  const rows: Figure[] = [];
  const full = setup.importer?.full ?? null;
  const tenth = setup.importer?.tenth ?? null;
  const importRatio = ratio(full?.conversationsPerSecond, setup.loadData?.conversationsPerSecond);
  rows.push({
    figure: 'import (threadline import vs LOAD DATA)',
    value: rate(full?.conversationsPerSecond, 'conv/s'),
    baseline: rate(setup.loadData?.conversationsPerSecond, 'conv/s'),
    ratio: times(importRatio),
    target: `>= ${TARGETS.importShareOfLoadData.toFixed(2)}x`,
    met: meets(importRatio, (r) => r >= TARGETS.importShareOfLoadData),
  });
  const rssGrowth = ratio(full?.peakRssMiB, tenth?.peakRssMiB);
  rows.push({
    figure: `importer peak RSS (${options.conversations} vs ${tenth?.conversations ?? '-'} conv.)`,
    value: mib(full?.peakRssMiB),
    baseline: mib(tenth?.peakRssMiB),
    ratio: times(rssGrowth),
    target: `<= ${TARGETS.importerRssGrowth.toFixed(2)}x`,
    met: meets(rssGrowth, (r) => r <= TARGETS.importerRssGrowth),
  });

  const reports = figures.cases.map((c) => {
    const key = caseKey(c);
    const uncached = figures.timings.uncached.get(key);
    const cached = figures.timings.cached.get(key);
    const rollup = figures.timings.rollup.get(key);
    const raw = uncached?.baseline?.timing ?? null;
    const overRaw = ratio(uncached?.server.p50, raw?.p50);
    rows.push({
      figure: `${key} uncached p50 (p95)`,
      value: `${ms(uncached?.server.p50)} (${ms(uncached?.server.p95)})`,
      baseline: raw ? `${ms(raw.p50)} (${ms(raw.p95)})` : '-',
      ratio: times(overRaw),
      target: `<= ${TARGETS.uncachedOverRawSql.toFixed(2)}x`,
      met: meets(overRaw, (r) => r <= TARGETS.uncachedOverRawSql),
    });
    rows.push({
      figure: `${key} cached p50`,
      value: ms(cached?.server.p50),
      baseline: '',
      ratio: '',
      target: `<= ${TARGETS.cachedP50Ms} ms`,
      met: meets(cached?.server.p50 ?? null, (v) => v <= TARGETS.cachedP50Ms),
    });
    const speedup = ratio(raw?.p50, rollup?.server.p50);
    const targeted = c.range === '365d';
    rows.push({
      figure: `${key} rollup p50 (speed-up over SQL)`,
      value: ms(rollup?.server.p50),
      baseline: ms(raw?.p50),
      ratio: times(speedup),
      target: targeted ? `>= ${TARGETS.rollupSpeedup365d}x` : '',
      met: targeted ? meets(speedup, (s) => s >= TARGETS.rollupSpeedup365d) : null,
    });
    return {
      id: c.id,
      range: c.range,
      dateRange: c.dateRange,
      p50Ms: round(uncached?.server.p50),
      p95Ms: round(uncached?.server.p95),
      rawSqlP50Ms: round(raw?.p50),
      rawSqlP95Ms: round(raw?.p95),
      cachedP50Ms: round(cached?.server.p50),
      cachedP95Ms: round(cached?.server.p95),
      rollupP50Ms: round(rollup?.server.p50),
      rollupP95Ms: round(rollup?.server.p95),
      groups: uncached?.result.length ?? null,
    };
  });

  const singles = (configuration: Configuration) =>
    CHAT_OVERVIEW.reduce((sum, id) => sum + (figures.timings[configuration].get(`${id} 30d`)?.server.p50 ?? Number.NaN), 0);
  for (const configuration of ['uncached', 'cached'] as const) {
    const dashboard = figures.dashboards[configuration].timing.p50;
    rows.push({
      figure: `dashboard, ${CHAT_OVERVIEW.length} reports 30d, ${configuration} p50 (vs ${CHAT_OVERVIEW.length} single p50s)`,
      value: ms(dashboard),
      baseline: ms(singles(configuration)),
      ratio: times(ratio(dashboard, singles(configuration))),
      target: '',
      met: null,
    });
  }
  for (const configuration of ['tokensFromDatabase', 'cached'] as const) {
    const timing = figures.timings[configuration].get(`${THROUGHPUT_REPORT} 30d`)?.server.p50;
    rows.push({
      figure: `${THROUGHPUT_REPORT} 30d sequential p50, ${configuration} (vs tokens from the database)`,
      value: ms(timing),
      baseline: ms(figures.timings.tokensFromDatabase.get(`${THROUGHPUT_REPORT} 30d`)?.server.p50),
      ratio: times(ratio(timing, figures.timings.tokensFromDatabase.get(`${THROUGHPUT_REPORT} 30d`)?.server.p50)),
      target: '<= 2 ms',
      met: configuration === 'cached' ? meets(timing ?? null, (v) => v <= 2) : null,
    });
  }
  for (const pair of figures.sequential) {
    rows.push({
      figure: `${THROUGHPUT_REPORT} 30d sequential p50 interleaved with { __typename }, ${pair.configuration}`,
      value: ms(pair.report.p50),
      baseline: ms(pair.trivial.p50),
      ratio: times(ratio(pair.report.p50, pair.trivial.p50)),
      target: '',
      met: null,
    });
  }
  for (const t of figures.throughput) {
    const share = ratio(t.reportRps, t.trivialRps);
    rows.push({
      figure: `throughput ${t.clients} clients, ${t.configuration}: cached report vs { __typename }`,
      value: rate(t.reportRps, 'req/s'),
      baseline: rate(t.trivialRps, 'req/s'),
      ratio: times(share),
      target: `>= ${TARGETS.throughputShare.toFixed(2)}x`,
      met: meets(share, (s) => s >= TARGETS.throughputShare),
    });
  }
  const [one, two] = [WORKER_COUNTS[0], WORKER_COUNTS[1]].map((n) => figures.workers?.find((w) => w.workers === n));
  if (one && two) {
    for (const [name, key] of [['{ __typename }', 'trivialRps'], ['cached report', 'reportRps'], ['report, cache off (rollups)', 'rollupRps']] as const) {
      const speedup = ratio(two[key], one[key]);
      rows.push({
        figure: `throughput ${WORKER_CLIENTS} clients, ${name}: ${two.workers} worker processes vs ${one.workers}`,
        value: rate(two[key], 'req/s'),
        baseline: rate(one[key], 'req/s'),
        ratio: times(speedup),
        target: `>= ${TARGETS.workersSpeedup.toFixed(2)}x`,
        met: meets(speedup, (r) => r >= TARGETS.workersSpeedup),
      });
    }
  }
    const serverRss = Math.max(...Object.values(figures.serverRssMb).filter(Number.isFinite));
  rows.push({
    figure: `server peak RSS (${(Object.entries(figures.serverRssMb) as [string, number][]).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')})`,
    value: mib(serverRss),
    baseline: '',
    ratio: '',
    target: `<= ${TARGETS.serverRssMb} MB`,
    met: serverRss <= TARGETS.serverRssMb,
  });

  console.log(`\nResults at ${options.conversations.toLocaleString('en-US')} conversations (targets are the issue's, for 1M)`);
  if (setup.loadData) console.log(`LOAD DATA baseline loads ${setup.loadData.loads}; the import's time includes the CLI's start-up.`);
  console.log(`${formatFigures(rows)}\n`);
  const missed = rows.filter((r) => r.met === false).length;
  console.log(`${rows.filter((r) => r.met !== null).length - missed} targets met, ${missed} missed; ${figures.mismatches.length} result mismatch(es)${figures.mismatches.length ? ' (see MISMATCH above)' : ''}`);
  console.log(`took ${((Date.now() - started.getTime()) / 1000).toFixed(0)} s; load average at end: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);

  if (options.json) {
    const json = {
      importConvPerSec: round(full?.conversationsPerSecond),
      loadDataConvPerSec: round(setup.loadData?.conversationsPerSecond),
      reports,
      dashboardP50Ms: round(figures.dashboards.cached.timing.p50),
      sequential: figures.sequential.map((q) => ({ configuration: q.configuration, reportP50Ms: round(q.report.p50), trivialP50Ms: round(q.trivial.p50) })),
      throughput: figures.throughput.map((t) => ({ configuration: t.configuration, clients: t.clients, reportRps: round(t.reportRps), trivialRps: round(t.trivialRps), reportLatencyP50Ms: t.reportLatencyP50Ms, trivialLatencyP50Ms: t.trivialLatencyP50Ms })),
      serverRssMb: round(serverRss),
      workers: figures.workers?.map((w) => ({ workers: w.workers, clients: w.clients, trivialRps: round(w.trivialRps), reportRps: round(w.reportRps), rollupRps: round(w.rollupRps) })) ?? null,
      importerRssMb: round(full?.peakRssMiB),
      // Beyond the issue's shape:
      conversations: options.conversations,
      shape: { ...BENCH_SHAPE, messagesPerConversation: setup.loadData ? round(setup.loadData.rows.messages / setup.loadData.rows.conversations) : null },
      timezone: TIMEZONE,
      iterations: options.repetitions.iterations,
      warmup: options.repetitions.warmup,
      throughputSeconds: options.throughputSeconds,
      dashboardUncachedP50Ms: round(figures.dashboards.uncached.timing.p50),
      dashboardRollupP50Ms: round(figures.dashboards.rollup.timing.p50),
      dashboardReports: CHAT_OVERVIEW,
      throughputReport: THROUGHPUT_REPORT,
      serverRssMbByConfiguration: figures.serverRssMb,
      importer: setup.importer,
      loadData: setup.loadData,
      mismatches: figures.mismatches,
      machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryMb: Math.round(totalmem() / 2 ** 20), node: process.version, loadAverageEnd: loadavg() },
      startedAt: started.toISOString(),
    };
    writeFileSync(options.json, `${JSON.stringify(json, null, 2)}\n`);
    console.log(`wrote ${options.json}`);
  }
}

function round(value: number | null | undefined): number | null {
  return value === null || value === undefined || Number.isNaN(value) ? null : Math.round(value * 100) / 100;
}

function percent(share: number | null): string {
  return share === null ? '-' : `${Math.round(share * 100)}%`;
}

function machineLine(): string {
  return `${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} at start`;
}

async function databaseLine(connection: Connection): Promise<string> {
  const [rows] = await connection.query('SELECT VERSION() AS version, @@innodb_buffer_pool_size AS pool');
  const row = (rows as { version: string; pool: number }[])[0];
  return `${row.version}, InnoDB buffer pool ${Math.round(Number(row.pool) / 2 ** 20)} MiB`;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
