import { Database, fromDbInstant, toNumber } from '../../src/db/database';
import { ReportDefinition } from '../../src/reporting/catalog/definition';
import { buildSpec, ReportShape, RunOptions } from '../../src/reporting/engine/build-spec';
import { MeasureLookup } from '../../src/reporting/engine/measures';
import { planRollup, RollupPlan } from '../../src/reporting/engine/rollup/plan';
import { bindBuckets, ReportResult, runSpec } from '../../src/reporting/engine/run';
import { isOtherDate } from '../../src/reporting/engine/spec';
import { loadPropertyCatalog } from '../../src/conversations/query/properties';

/** A report run with rollups and without: the planner's decision and both results. */
export interface RollupComparison {
  /** The planner's decision; null when the report has no time buckets at all (nothing to aggregate). */
  plan: RollupPlan | null;
  raw: ReportResult;
  rollup: ReportResult;
}

export async function compareRollup(db: Database, account: { id: number; timezone: string }, shape: ReportShape | ReportDefinition, run: RunOptions, measures?: MeasureLookup): Promise<RollupComparison> {
  const spec = buildSpec(shape, run, { account, catalog: await loadPropertyCatalog(db, account.id), dialect: db.dialect, measures });
  const bound = await bindBuckets(db, spec);
  const plan = bound.axes.some((axis, i) => axis?.buckets.length === 0 && !isOtherDate(spec, spec.dimensions[i])) ? null : planRollup(bound);
  const raw = await runSpec(db, spec, { rollups: false });
  const rollup = await runSpec(db, spec, { rollups: true });
  return { plan, raw, rollup };
}

/**
 * An account's rollup as data, independent of group numbering and row order: each cell with its
 * group's values. Two rollups holding the same cells give equal snapshots.
 */
export async function rollupSnapshot(db: Database, accountId: number): Promise<string[]> {
  const rows = await db.query(
    `SELECT r.grouped_by, r.date_property, r.channel, r.bucket_minutes, r.bucket_start, g.group_key, g.grouped_by AS group_grouped_by, g.channel AS group_channel, g.status, g.inbox_id,
            g.assignee_id, g.team_id, g.chatflow_id, g.page_url, r.conversations, r.first_response_count, r.first_response_ms_sum,
            r.time_to_close_count, r.time_to_close_ms_sum
       FROM report_rollups r JOIN report_rollup_groups g ON g.account_id = r.account_id AND g.group_id = r.group_id
      WHERE r.account_id = ?`,
    [accountId],
  );
  const [{ cells }] = await db.query<{ cells: unknown }>('SELECT COUNT(*) AS cells FROM report_rollups WHERE account_id = ?', [accountId]);
  // Every cell has its group: the join above lost none.
  expect(toNumber(cells)).toBe(rows.length);
  return rows
    .map((row) =>
      JSON.stringify({
        ...row,
        bucket_start: fromDbInstant(row.bucket_start)?.toISOString(),
        bucket_minutes: toNumber(row.bucket_minutes),
        conversations: toNumber(row.conversations),
        first_response_count: toNumber(row.first_response_count),
        first_response_ms_sum: toNumber(row.first_response_ms_sum),
        time_to_close_count: toNumber(row.time_to_close_count),
        time_to_close_ms_sum: toNumber(row.time_to_close_ms_sum),
      }),
    )
    .sort();
}
