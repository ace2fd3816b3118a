import { Connection } from 'mysql2/promise';
import { openDatabase } from '../src/db/database';
import { reportCatalog } from '../src/reporting/catalog/registry';
import { buildSpec } from '../src/reporting/engine/build-spec';
import { compileAggregate } from '../src/reporting/engine/compile';
import { bindBuckets } from '../src/reporting/engine/run';
import { loadPropertyCatalog } from '../src/reporting/properties';
import { handWritten } from './raw-sql';
import { ReportCase, caseKey } from './reports';
import { measure, Repetitions } from './stats';
import { formatTable, ms } from './table';

/**
 * `--explain`: for each report case, the aggregate SQL the engine compiles today (src/reporting/
 * engine/compile.ts, no rollups) next to the hand-written SQL: both timed through the same mysql2
 * connection, then MariaDB's EXPLAIN of each. Separates the cost of the SQL from the cost of HTTP,
 * GraphQL and the engine's TypeScript.
 */
export async function explainReports(url: string, connection: Connection, accountId: number, timezone: string, cases: readonly ReportCase[], repetitions: Repetitions): Promise<void> {
  const db = await openDatabase(url, { migrate: false });
  const rows: string[][] = [];
  const plans: string[] = [];
  try {
    const catalog = await loadPropertyCatalog(db, accountId);
    for (const c of cases) {
      const definition = reportCatalog().get(c.id);
      const raw = handWritten(c.id, accountId, c.dateRange, timezone);
      if (!definition || !raw) continue;
      const spec = buildSpec(definition, { dateRange: c.dateRange }, { account: { id: accountId, timezone }, catalog, dialect: db.dialect });
      const engine = compileAggregate(await bindBuckets(db, spec));
      const engineTime = await measure(() => connection.query(engine.sql, engine.params), repetitions);
      const rawTime = await measure(() => connection.query(raw.sql, raw.params), repetitions);
      rows.push([caseKey(c), ms(engineTime.timing.p50), ms(rawTime.timing.p50), (engineTime.timing.p50 / rawTime.timing.p50).toFixed(2)]);
      plans.push(`-- ${caseKey(c)}\nengine:       ${oneLine(engine.sql)}\n${await plan(connection, engine.sql, engine.params)}\nhand-written: ${oneLine(raw.sql)}\n${await plan(connection, raw.sql, raw.params)}`);
    }
  } finally {
    await db.close();
  }
  console.log(`\nSQL alone (mysql2, no HTTP/GraphQL): the engine's aggregate query vs the hand-written one\n${formatTable(['report', 'engine SQL p50', 'hand-written p50', 'ratio'], rows)}\n`);
  console.log(plans.join('\n\n'));
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
