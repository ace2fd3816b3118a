import { createAccount } from '../../src/accounts/accounts';
import { ingestConversations } from '../../src/conversations/import';
import { loadReportCatalog, ReportRegistry } from '../../src/reporting/catalog/registry';
import { buildSpec, RunOptions } from '../../src/reporting/engine/build-spec';
import { drilldownSpec } from '../../src/reporting/engine/drilldown';
import { ReportResult, runSpec } from '../../src/reporting/engine/run';
import { ReportSpec } from '../../src/reporting/engine/spec';
import { loadPropertyCatalog } from '../../src/conversations/query/properties';
import { createTestDatabase, DialectName } from './databases';

/** A row as a plugin test compares it: dimension values (labels too), then measure values. */
export type PluginRow = [values: (string | null)[], labels: string[], measures: (number | null)[]];

export interface PluginFixture {
  /** The catalog the plugins made (core's reports and measures, then theirs), with its problems. */
  catalog: ReportRegistry;
  /** Runs a report of the catalog; fails the test if the rollup's answer differs from the conversations'. */
  run(reportId: string, run?: RunOptions): Promise<PluginRow[]>;
  /** The external ids of the conversations behind one data point (default: the leading measure). */
  drill(reportId: string, point: (string | null)[], measure?: string, run?: RunOptions): Promise<string[]>;
  close(): Promise<void>;
}

/**
 * The plugin author's test helper: plugins (folders or files, as in THREADLINE_PLUGINS) loaded
 * into a catalog of their own, and conversations in the import format ingested into a fresh
 * database of one store, for reports run as the server would run them.
 * `describe.each(DIALECTS)` runs a test file on both stores.
 */
export async function pluginFixture(dialect: DialectName, options: { plugins: string[]; conversations: readonly unknown[]; timezone?: string }): Promise<PluginFixture> {
  const catalog = loadReportCatalog(options.plugins);
  const database = await createTestDatabase(dialect);
  const account = await createAccount(database.db, { name: 'Plugin test', plan: 'PROFESSIONAL', timezone: options.timezone ?? 'UTC' });
  const ingested = await ingestConversations(database.db, account.id, options.conversations);
  expect(ingested.rejected).toEqual([]);
  const specOf = async (reportId: string, run: RunOptions): Promise<ReportSpec> => {
    const definition = catalog.get(reportId);
    if (!definition) throw new Error(`no report ${reportId} in the catalog; problems: ${JSON.stringify(catalog.problems)}`);
    return buildSpec(definition, run, { account, catalog: await loadPropertyCatalog(database.db, account.id), dialect: database.db.dialect, measures: catalog.measureLookup });
  };
  const rowsOf = (result: ReportResult): PluginRow[] => result.rows.map((r) => [r.dimensionValues.map((v) => v.value), r.dimensionValues.map((v) => v.label), r.measureValues]);
  return {
    catalog,
    async run(reportId, run = {}) {
      const spec = await specOf(reportId, run);
      const raw = rowsOf(await runSpec(database.db, spec, { rollups: false }));
      expect(rowsOf(await runSpec(database.db, spec, { rollups: true }))).toEqual(raw);
      return raw;
    },
    async drill(reportId, point, measure, run = {}) {
      const page = await drilldownSpec(database.db, await specOf(reportId, run), point, measure, { first: 500 });
      return page.nodes.map((n) => n.externalId).sort();
    },
    close: () => database.drop(),
  };
}
