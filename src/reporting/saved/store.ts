import { REPORT_PRIVACIES } from '../../auth/access';
import { Queryable } from '../../db/database';
import { column, RowOf, select, selectOne } from '../../db/rows';
import { ConfigProblem } from '../stored-config';
import { readStoredReport, readStoredSnapshot, ReportSnapshot, SavedReport } from './config';
import { list, raw, sql } from '../../db/sql';

/** How a revision came about. */
export type RevisionAction = 'CREATED' | 'UPDATED' | 'RESTORED';

export interface ReportRevision {
  reportId: string;
  revision: number;
  userId: string;
  action: RevisionAction;
  changes: string[];
  snapshot: ReportSnapshot;
  /** Why the snapshot cannot be read back as it was saved, or null (see readStoredSnapshot). */
  problem: ConfigProblem | null;
  createdAt: Date;
}

const COLUMNS = raw('id, owner_id, name, chart_type, config, source_definition_id, revision, created_at, updated_at, privacy');
const REPORT_ROW = {
  id: column.text,
  owner_id: column.text,
  name: column.text,
  chart_type: column.nullableText,
  config: column.nullableText,
  source_definition_id: column.nullableText,
  revision: column.number,
  created_at: column.instant,
  updated_at: column.instant,
  privacy: column.oneOf(REPORT_PRIVACIES),
};
const REVISION_ROW = {
  report_id: column.text,
  revision: column.number,
  user_id: column.text,
  action: column.oneOf<RevisionAction>(['CREATED', 'UPDATED', 'RESTORED']),
  changes: column.text,
  snapshot: column.nullableText,
  created_at: column.instant,
};

/** The saved reports of an account by id (missing ids are absent from the map). */
export async function findReports(db: Queryable, accountId: number, ids: readonly string[]): Promise<Map<string, SavedReport>> {
  if (ids.length === 0) return new Map();
  const rows = await select(db, sql`SELECT ${COLUMNS} FROM saved_reports WHERE account_id = ${accountId} AND id IN (${list(ids)})`, REPORT_ROW);
  return new Map(rows.map((row) => [row.id, reportFromRow(row)]));
}

export async function listReports(db: Queryable, accountId: number): Promise<SavedReport[]> {
  const rows = await select(db, sql`SELECT ${COLUMNS} FROM saved_reports WHERE account_id = ${accountId} ORDER BY name, id`, REPORT_ROW);
  return rows.map(reportFromRow);
}

export async function countReports(db: Queryable, accountId: number): Promise<number> {
  const row = await selectOne(db, sql`SELECT COUNT(*) AS n FROM saved_reports WHERE account_id = ${accountId}`, { n: column.count });
  return row?.n ?? 0;
}

export async function insertReport(db: Queryable, accountId: number, report: SavedReport): Promise<void> {
  await db.query(sql`INSERT INTO saved_reports (account_id, ${COLUMNS}) VALUES (${accountId}, ${report.id}, ${report.ownerId}, ${report.name}, ${report.chartType}, ${JSON.stringify(report.config)}, ${report.sourceDefinitionId}, ${report.revision}, ${report.createdAt}, ${report.updatedAt}, ${report.privacy})`);
}

/** Writes a new state of the report (owner and privacy included); only if nobody moved it past `revision - 1` meanwhile. */
export async function updateReportRow(db: Queryable, accountId: number, report: SavedReport): Promise<void> {
  await db.query(sql`UPDATE saved_reports SET name = ${report.name}, chart_type = ${report.chartType}, config = ${JSON.stringify(report.config)}, owner_id = ${report.ownerId}, privacy = ${report.privacy}, revision = ${report.revision}, updated_at = ${report.updatedAt} WHERE account_id = ${accountId} AND id = ${report.id} AND revision = ${report.revision - 1}`);
}

export async function deleteReportRows(db: Queryable, accountId: number, id: string): Promise<void> {
  await db.query(sql`DELETE FROM saved_reports WHERE account_id = ${accountId} AND id = ${id}`);
  await db.query(sql`DELETE FROM report_revisions WHERE account_id = ${accountId} AND report_id = ${id}`);
  await db.query(sql`DELETE FROM dashboard_reports WHERE account_id = ${accountId} AND report_id = ${id}`);
}

export async function insertRevision(db: Queryable, accountId: number, revision: Omit<ReportRevision, 'problem'>): Promise<void> {
  await db.query(sql`INSERT INTO report_revisions (account_id, report_id, revision, user_id, action, changes, snapshot, created_at) VALUES (${accountId}, ${revision.reportId}, ${revision.revision}, ${revision.userId}, ${revision.action}, ${revision.changes.join(',')}, ${JSON.stringify(revision.snapshot)}, ${revision.createdAt})`);
}

/** The revisions of some reports in one query, each list newest first. */
export async function findRevisions(db: Queryable, accountId: number, reportIds: readonly string[]): Promise<Map<string, ReportRevision[]>> {
  const rows = await select(
    db,
    sql`SELECT report_id, revision, user_id, action, changes, snapshot, created_at FROM report_revisions
      WHERE account_id = ${accountId} AND report_id IN (${list(reportIds)}) ORDER BY report_id, revision DESC`,
    REVISION_ROW,
  );
  const byReport = new Map<string, ReportRevision[]>();
  for (const revision of rows.map(revisionFromRow)) {
    const list = byReport.get(revision.reportId) ?? [];
    list.push(revision);
    byReport.set(revision.reportId, list);
  }
  return byReport;
}

function revisionFromRow(row: RowOf<typeof REVISION_ROW>): ReportRevision {
  return {
    reportId: row.report_id,
    revision: row.revision,
    userId: row.user_id,
    action: row.action,
    changes: row.changes ? row.changes.split(',') : [],
    ...readStoredSnapshot(row.snapshot),
    createdAt: row.created_at,
  };
}

/** Never throws: a config that no longer reads (or validates) is the report's `problem`, so the others still list. */
function reportFromRow(row: RowOf<typeof REPORT_ROW>): SavedReport {
  return {
    id: row.id,
    ownerId: row.owner_id,
    privacy: row.privacy,
    name: row.name,
    ...readStoredReport(row.chart_type, row.config),
    sourceDefinitionId: row.source_definition_id,
    revision: row.revision,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
