import { Connection } from 'mysql2/promise';
import { openDatabase } from '../src/db/database';
import { reportCatalog } from '../src/reporting/catalog/registry';
import { buildSpec } from '../src/reporting/engine/build-spec';
import { compileAggregate } from '../src/reporting/engine/compile';
import { bindBuckets } from '../src/reporting/engine/run';
import { REPORT_INDEXES } from '../src/reporting/engine/spec';
import { loadPropertyCatalog } from '../src/conversations/query/properties';
import { handWritten } from './raw-sql';
import { ReportCase, caseKey } from './reports';
import { measure, Repetitions } from './stats';
import { formatTable, ms } from './table';

/**
 * `--explain`: for each report case, the aggregate SQL the engine compiles today (src/reporting/
 * engine/compile.ts, no rollups) next to the hand-written SQL: both timed through the same mysql2
 * connection, then MariaDB's EXPLAIN of each. Separates the cost of the SQL from the cost of HTTP,
 * GraphQL and the engine's TypeScript. Checks that every engine query over a date range reads a
 * range of its date property's covering index (`range ix_conversations_report_*`), and prints each
 * report's 30-day time over its 365-day time, and the engine's over the hand-written SQL's.
 */
export async function explainReports(url: string, connection: Connection, accountId: number, timezone: string, cases: readonly ReportCase[], repetitions: Repetitions): Promise<void> {
  const db = await openDatabase(url, { migrate: false });
  const rows: string[][] = [];
  const plans: string[] = [];
  const p50s = new Map<string, { engine: number; raw: number; naive: number }>();
  const offPlan: string[] = [];
  try {
    const catalog = await loadPropertyCatalog(db, accountId);
    for (const c of cases) {
      const definition = reportCatalog().get(c.id);
      const raw = handWritten(c.id, accountId, c.dateRange, timezone);
      if (!definition || !raw) continue;
      const spec = buildSpec(definition, { dateRange: c.dateRange }, { account: { id: accountId, timezone }, catalog, dialect: db.dialect });
      const engine = compileAggregate(await bindBuckets(db, spec));
      let engineTime: Awaited<ReturnType<typeof measure>>;
      let rawTime: Awaited<ReturnType<typeof measure>>;
      let naiveTime: Awaited<ReturnType<typeof measure>>;
      const naive = withoutCoveringIndexes(raw.sql);
      try {
        engineTime = await measure(() => connection.query(engine.text, [...engine.params]), repetitions);
        rawTime = await measure(() => connection.query(raw.sql, raw.params), repetitions);
        naiveTime = await measure(() => connection.query(naive, raw.params), repetitions);
      } catch (error) {
        // A shared machine's MariaDB can lose an on-disk temporary table; one case is not the run.
        rows.push([caseKey(c), 'failed', (error as Error).message.slice(0, 60), '', '', '', '', '']);
        continue;
      }
      const access = await accessOf(connection, engine.text, [...engine.params]);
      const index = REPORT_INDEXES[spec.dateColumn];
      if (access !== `range ${index}`) offPlan.push(`${caseKey(c)}: ${access}`);
      p50s.set(caseKey(c), { engine: engineTime.timing.p50, raw: rawTime.timing.p50, naive: naiveTime.timing.p50 });
      rows.push([
        caseKey(c),
        ms(engineTime.timing.p50),
        ms(rawTime.timing.p50),
        (engineTime.timing.p50 / rawTime.timing.p50).toFixed(2),
        ms(naiveTime.timing.p50),
        (engineTime.timing.p50 / naiveTime.timing.p50).toFixed(3),
        access,
        await accessOf(connection, raw.sql, raw.params),
      ]);
      plans.push(`-- ${caseKey(c)}\nengine:       ${oneLine(engine.text)}\n${await plan(connection, engine.text, [...engine.params])}\nhand-written: ${oneLine(raw.sql)}\n${await plan(connection, raw.sql, raw.params)}`);
    }
  } finally {
    await db.close();
  }
  console.log(
    `\nSQL alone (mysql2, no HTTP/GraphQL): the engine's aggregate query vs the hand-written one, and vs the hand-written one as it ran before the covering indexes (naive: IGNORE INDEX)\n${formatTable(['report', 'engine SQL p50', 'hand-written p50', 'ratio', 'naive p50', 'engine/naive', 'engine reads', 'hand-written reads'], rows)}\n`,
  );
  const ids = [...new Set(cases.map((c) => c.id))].filter((id) => p50s.has(`${id} 30d`) && p50s.has(`${id} 365d`));
  const ratios = ids.map((id) => {
    const [month, year] = [p50s.get(`${id} 30d`)!, p50s.get(`${id} 365d`)!];
    return [id, (month.engine / year.engine).toFixed(3), (month.raw / year.raw).toFixed(3), (month.engine / month.raw).toFixed(3), (month.engine / month.naive).toFixed(3), (year.engine / year.raw).toFixed(3)];
  });
  console.log(
    `Engine SQL, 30 days over 365 days (target <= 0.25), and over the hand-written SQL (target at 30 days <= 0.2 of the naive one)\n${formatTable(['report', 'engine 30d/365d', 'hand-written 30d/365d', 'engine/hand-written 30d', 'engine/naive 30d', 'engine/hand-written 365d'], ratios)}\n`,
  );
  console.log(offPlan.length === 0 ? 'every engine query over a date range reads a range of its date index\n' : `NOT on a range of the date index:\n  ${offPlan.join('\n  ')}\n`);
  console.log(plans.join('\n\n'));
}

/**
 * The hand-written SQL as it ran before the covering indexes existed (the "naive SQL"):
 * MariaDB told to ignore them, so it chooses among the indexes it had then, as it did.
 */
function withoutCoveringIndexes(sql: string): string {
  const hint = `IGNORE INDEX (${Object.values(REPORT_INDEXES).join(', ')})`;
  return sql.replace(/\bFROM conversations\b(?! [a-z]\b)/g, `FROM conversations ${hint}`);
}

/** How MariaDB reads `conversations c`: `<type> <key>` of its EXPLAIN row(s). */
async function accessOf(connection: Connection, sql: string, params: unknown[]): Promise<string> {
  const [rows] = await connection.query(`EXPLAIN ${sql}`, params);
  return (rows as Record<string, unknown>[])
    .filter((r) => r.table === 'c' || r.table === 'conversations')
    .map((r) => `${String(r.type)} ${String(r.key ?? '-')}`)
    .join(', ');
}

async function plan(connection: Connection, sql: string, params: unknown[]): Promise<string> {
  const [rows] = await connection.query(`EXPLAIN ${sql}`, params);
  const list = rows as Record<string, unknown>[];
  const columns = ['id', 'select_type', 'table', 'type', 'key', 'key_len', 'rows', 'Extra'];
  return formatTable(columns, list.map((r) => columns.map((c) => String(r[c] ?? ''))))
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');
}

function oneLine(sql: string): string {
  const flat = sql.replace(/\s+/g, ' ').trim();
  return flat.length > 400 ? `${flat.slice(0, 400)}…` : flat;
}
