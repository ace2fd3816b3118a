import { fromDbInstant, Queryable, toNumber } from '../db/database';
import { StoredDateRange } from '../calendar/date-presets';
import { FilterSpec } from '../conversations/query/filters';
import { ConfigProblem, StoredReader } from '../reporting/stored-config';
import { Access, GranteeType, Privacy, Share } from '../auth/access';

/** One place on a dashboard: a catalog report or a saved report, in an order and a width. */
export interface DashboardItem {
  id: string;
  position: number;
  /** Columns of a 12-column grid. */
  width: number;
  definitionId: string | null;
  reportId: string | null;
}

export interface Dashboard {
  id: string;
  ownerId: string;
  name: string;
  privacy: Privacy;
  templateId: string | null;
  dateRange: StoredDateRange | null;
  filters: FilterSpec[];
  /**
   * Why the stored date range or filters no longer validate (saved under an older version, or
   * damaged), or null. Such a dashboard is still listed and can be edited; its reports do not run.
   */
  problem: ConfigProblem | null;
  shares: Share[];
  createdAt: Date;
  updatedAt: Date;
}

/** Every dashboard of an account with its shares (two queries), by name. */
export async function listDashboards(db: Queryable, accountId: number, id?: string): Promise<Dashboard[]> {
  const where = id === undefined ? '' : ' AND id = ?';
  const params = id === undefined ? [accountId] : [accountId, id];
  const rows = await db.query<Record<string, unknown>>(
    `SELECT id, owner_id, name, privacy, template_id, date_range, filters, created_at, updated_at FROM dashboards WHERE account_id = ?${where} ORDER BY name, id`,
    params,
  );
  if (rows.length === 0) return [];
  const shares = await db.query<Record<string, unknown>>(
    `SELECT dashboard_id, grantee_type, grantee_id, access FROM dashboard_shares WHERE account_id = ?${where.replace('id', 'dashboard_id')} ORDER BY grantee_type, grantee_id`,
    params,
  );
  const sharesOf = new Map<string, Share[]>();
  for (const s of shares) {
    const list = sharesOf.get(String(s.dashboard_id)) ?? [];
    list.push({ granteeType: s.grantee_type as GranteeType, granteeId: String(s.grantee_id), access: s.access as Access });
    sharesOf.set(String(s.dashboard_id), list);
  }
  return rows.map((row) => {
    // Never throws: what no longer reads is the dashboard's `problem`, so the others still list.
    const read = new StoredReader();
    const dateRange = row.date_range ? read.dateRange(read.json(row.date_range, 'dateRange')) : null;
    const filters = read.filters(read.json(row.filters, 'filters'));
    return {
      id: String(row.id),
      ownerId: String(row.owner_id),
      name: String(row.name),
      privacy: row.privacy as Privacy,
      templateId: (row.template_id as string | null) ?? null,
      dateRange,
      filters,
      problem: read.problem,
      shares: sharesOf.get(String(row.id)) ?? [],
      createdAt: fromDbInstant(row.created_at) as Date,
      updatedAt: fromDbInstant(row.updated_at) as Date,
    };
  });
}

export async function countDashboards(db: Queryable, accountId: number): Promise<number> {
  const [row] = await db.query<{ n: unknown }>('SELECT COUNT(*) AS n FROM dashboards WHERE account_id = ?', [accountId]);
  return toNumber(row.n) ?? 0;
}

export async function insertDashboard(db: Queryable, accountId: number, dashboard: Dashboard): Promise<void> {
  await db.query(
    'INSERT INTO dashboards (account_id, id, owner_id, name, privacy, template_id, date_range, filters, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    [accountId, dashboard.id, dashboard.ownerId, dashboard.name, dashboard.privacy, dashboard.templateId, rangeText(dashboard.dateRange), JSON.stringify(dashboard.filters), dashboard.createdAt, dashboard.updatedAt],
  );
  await replaceShares(db, accountId, dashboard.id, dashboard.shares);
}

export async function updateDashboardRow(db: Queryable, accountId: number, dashboard: Dashboard): Promise<void> {
  await db.query(
    'UPDATE dashboards SET name = ?, privacy = ?, date_range = ?, filters = ?, updated_at = ? WHERE account_id = ? AND id = ?',
    [dashboard.name, dashboard.privacy, rangeText(dashboard.dateRange), JSON.stringify(dashboard.filters), dashboard.updatedAt, accountId, dashboard.id],
  );
  await replaceShares(db, accountId, dashboard.id, dashboard.shares);
}

/** Only the owner: a reassignment leaves whatever else changed meanwhile as it is. */
export async function updateDashboardOwner(db: Queryable, accountId: number, id: string, ownerId: string, updatedAt: Date): Promise<void> {
  await db.query('UPDATE dashboards SET owner_id = ?, updated_at = ? WHERE account_id = ? AND id = ?', [ownerId, updatedAt, accountId, id]);
}

export async function deleteDashboardRows(db: Queryable, accountId: number, id: string): Promise<void> {
  for (const table of ['dashboard_shares', 'dashboard_reports']) await db.query(`DELETE FROM ${table} WHERE account_id = ? AND dashboard_id = ?`, [accountId, id]);
  await db.query('DELETE FROM dashboards WHERE account_id = ? AND id = ?', [accountId, id]);
}

/** The items of some dashboards in one query, each list in position order. */
export async function findItems(db: Queryable, accountId: number, dashboardIds: readonly string[]): Promise<Map<string, DashboardItem[]>> {
  const rows = await db.query<Record<string, unknown>>(
    `SELECT dashboard_id, id, position, width, definition_id, report_id FROM dashboard_reports WHERE account_id = ? AND dashboard_id IN (${dashboardIds.map(() => '?').join(', ')}) ORDER BY dashboard_id, position`,
    [accountId, ...dashboardIds],
  );
  const byDashboard = new Map<string, DashboardItem[]>();
  for (const row of rows) {
    const list = byDashboard.get(String(row.dashboard_id)) ?? [];
    list.push({ id: String(row.id), position: toNumber(row.position) as number, width: toNumber(row.width) as number, definitionId: (row.definition_id as string | null) ?? null, reportId: (row.report_id as string | null) ?? null });
    byDashboard.set(String(row.dashboard_id), list);
  }
  return byDashboard;
}

/** Writes a dashboard's items as given: positions 0..n-1 in list order. */
export async function replaceItems(db: Queryable, accountId: number, dashboardId: string, items: readonly DashboardItem[]): Promise<void> {
  await db.query('DELETE FROM dashboard_reports WHERE account_id = ? AND dashboard_id = ?', [accountId, dashboardId]);
  for (const [position, item] of items.entries()) {
    await db.query(
      'INSERT INTO dashboard_reports (account_id, dashboard_id, id, position, width, definition_id, report_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
      [accountId, dashboardId, item.id, position, item.width, item.definitionId, item.reportId],
    );
  }
}

async function replaceShares(db: Queryable, accountId: number, dashboardId: string, shares: readonly Share[]): Promise<void> {
  await db.query('DELETE FROM dashboard_shares WHERE account_id = ? AND dashboard_id = ?', [accountId, dashboardId]);
  for (const share of shares) {
    await db.query(
      'INSERT INTO dashboard_shares (account_id, dashboard_id, grantee_type, grantee_id, access) VALUES (?, ?, ?, ?, ?)',
      [accountId, dashboardId, share.granteeType, share.granteeId, share.access],
    );
  }
}

function rangeText(range: StoredDateRange | null): string | null {
  return range ? JSON.stringify(range) : null;
}
