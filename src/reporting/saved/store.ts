import { ReportPrivacy } from '../../auth/access';
import { fromDbInstant, Queryable, toNumber } from '../../db/database';
import { ConfigProblem } from '../stored-config';
import { readStoredReport, readStoredSnapshot, ReportSnapshot, SavedReport } from './config';

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

const COLUMNS = 'id, owner_id, name, chart_type, config, source_definition_id, revision, created_at, updated_at, privacy';

/** The saved reports of an account by id (missing ids are absent from the map). */
export async function findReports(db: Queryable, accountId: number, ids: readonly string[]): Promise<Map<string, SavedReport>> {
  if (ids.length === 0) return new Map();
  const rows = await db.query<Record<string, unknown>>(
    `SELECT ${COLUMNS} FROM saved_reports WHERE account_id = ? AND id IN (${ids.map(() => '?').join(', ')})`,
    [accountId, ...ids],
  );
  return new Map(rows.map((row) => [String(row.id), reportFromRow(row)]));
}

export async function listReports(db: Queryable, accountId: number): Promise<SavedReport[]> {
  const rows = await db.query<Record<string, unknown>>(`SELECT ${COLUMNS} FROM saved_reports WHERE account_id = ? ORDER BY name, id`, [accountId]);
  return rows.map(reportFromRow);
}

export async function countReports(db: Queryable, accountId: number): Promise<number> {
  const [row] = await db.query<{ n: unknown }>('SELECT COUNT(*) AS n FROM saved_reports WHERE account_id = ?', [accountId]);
  return toNumber(row.n) ?? 0;
}

export async function insertReport(db: Queryable, accountId: number, report: SavedReport): Promise<void> {
  await db.query(
    `INSERT INTO saved_reports (account_id, ${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [accountId, report.id, report.ownerId, report.name, report.chartType, JSON.stringify(report.config), report.sourceDefinitionId, report.revision, report.createdAt, report.updatedAt, report.privacy],
  );
}

/** Writes a new state of the report (owner and privacy included); only if nobody moved it past `revision - 1` meanwhile. */
export async function updateReportRow(db: Queryable, accountId: number, report: SavedReport): Promise<void> {
  await db.query(
    'UPDATE saved_reports SET name = ?, chart_type = ?, config = ?, owner_id = ?, privacy = ?, revision = ?, updated_at = ? WHERE account_id = ? AND id = ? AND revision = ?',
    [report.name, report.chartType, JSON.stringify(report.config), report.ownerId, report.privacy, report.revision, report.updatedAt, accountId, report.id, report.revision - 1],
  );
}

export async function deleteReportRows(db: Queryable, accountId: number, id: string): Promise<void> {
  await db.query('DELETE FROM saved_reports WHERE account_id = ? AND id = ?', [accountId, id]);
  await db.query('DELETE FROM report_revisions WHERE account_id = ? AND report_id = ?', [accountId, id]);
  await db.query('DELETE FROM dashboard_reports WHERE account_id = ? AND report_id = ?', [accountId, id]);
}

export async function insertRevision(db: Queryable, accountId: number, revision: Omit<ReportRevision, 'problem'>): Promise<void> {
  await db.query(
    'INSERT INTO report_revisions (account_id, report_id, revision, user_id, action, changes, snapshot, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    [accountId, revision.reportId, revision.revision, revision.userId, revision.action, revision.changes.join(','), JSON.stringify(revision.snapshot), revision.createdAt],
  );
}

/** The revisions of some reports in one query, each list newest first. */
export async function findRevisions(db: Queryable, accountId: number, reportIds: readonly string[]): Promise<Map<string, ReportRevision[]>> {
  const rows = await db.query<Record<string, unknown>>(
    `SELECT report_id, revision, user_id, action, changes, snapshot, created_at FROM report_revisions
      WHERE account_id = ? AND report_id IN (${reportIds.map(() => '?').join(', ')}) ORDER BY report_id, revision DESC`,
    [accountId, ...reportIds],
  );
  const byReport = new Map<string, ReportRevision[]>();
  for (const revision of rows.map(revisionFromRow)) {
    const list = byReport.get(revision.reportId) ?? [];
    list.push(revision);
    byReport.set(revision.reportId, list);
  }
  return byReport;
}

function revisionFromRow(row: Record<string, unknown>): ReportRevision {
  return {
    reportId: String(row.report_id),
    revision: toNumber(row.revision) as number,
    userId: String(row.user_id),
    action: row.action as RevisionAction,
    changes: String(row.changes) ? String(row.changes).split(',') : [],
    ...readStoredSnapshot(row.snapshot),
    createdAt: fromDbInstant(row.created_at) as Date,
  };
}

/** Never throws: a config that no longer reads (or validates) is the report's `problem`, so the others still list. */
function reportFromRow(row: Record<string, unknown>): SavedReport {
  return {
    id: String(row.id),
    ownerId: String(row.owner_id),
    privacy: row.privacy as ReportPrivacy,
    name: String(row.name),
    ...readStoredReport(row.chart_type, row.config),
    sourceDefinitionId: (row.source_definition_id as string | null) ?? null,
    revision: toNumber(row.revision) as number,
    createdAt: fromDbInstant(row.created_at) as Date,
    updatedAt: fromDbInstant(row.updated_at) as Date,
  };
}
