import { Queryable } from '../db/database';
import { column, select, selectOne } from '../db/rows';
import { StoredDateRange } from '../calendar/date-presets';
import { FilterSpec } from '../conversations/query/filters';
import { ConfigProblem, StoredReader } from '../reporting/stored-config';
import { Access, GranteeType, Privacy, PRIVACIES, Share } from '../auth/access';
import { empty, identifier, list, sql } from '../db/sql';

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

const DASHBOARD_ROW = {
  id: column.text,
  owner_id: column.text,
  name: column.text,
  privacy: column.oneOf<Privacy>(PRIVACIES),
  template_id: column.nullableText,
  date_range: column.nullableText,
  filters: column.nullableText,
  created_at: column.instant,
  updated_at: column.instant,
};
const SHARE_ROW = { dashboard_id: column.text, grantee_type: column.oneOf<GranteeType>(['USER', 'TEAM']), grantee_id: column.text, access: column.oneOf<Access>(['VIEW', 'EDIT']) };

/** Every dashboard of an account with its shares (two queries), by name. */
export async function listDashboards(db: Queryable, accountId: number, id?: string): Promise<Dashboard[]> {
  const rows = await select(
    db,
    sql`SELECT id, owner_id, name, privacy, template_id, date_range, filters, created_at, updated_at FROM dashboards WHERE account_id = ${accountId}${id === undefined ? empty : sql` AND id = ${id}`} ORDER BY name, id`,
    DASHBOARD_ROW,
  );
  if (rows.length === 0) return [];
  const shares = await select(
    db,
    sql`SELECT dashboard_id, grantee_type, grantee_id, access FROM dashboard_shares WHERE account_id = ${accountId}${id === undefined ? empty : sql` AND dashboard_id = ${id}`} ORDER BY grantee_type, grantee_id`,
    SHARE_ROW,
  );
  const sharesOf = new Map<string, Share[]>();
  for (const s of shares) {
    const list = sharesOf.get(s.dashboard_id) ?? [];
    list.push({ granteeType: s.grantee_type, granteeId: s.grantee_id, access: s.access });
    sharesOf.set(s.dashboard_id, list);
  }
  return rows.map((row) => {
    // Never throws: what no longer reads is the dashboard's `problem`, so the others still list.
    const read = new StoredReader();
    const dateRange = row.date_range ? read.dateRange(read.json(row.date_range, 'dateRange')) : null;
    const filters = read.filters(read.json(row.filters, 'filters'));
    return {
      id: row.id,
      ownerId: row.owner_id,
      name: row.name,
      privacy: row.privacy,
      templateId: row.template_id,
      dateRange,
      filters,
      problem: read.problem,
      shares: sharesOf.get(row.id) ?? [],
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  });
}

export async function countDashboards(db: Queryable, accountId: number): Promise<number> {
  const row = await selectOne(db, sql`SELECT COUNT(*) AS n FROM dashboards WHERE account_id = ${accountId}`, { n: column.count });
  return row?.n ?? 0;
}

export async function insertDashboard(db: Queryable, accountId: number, dashboard: Dashboard): Promise<void> {
  await db.query(sql`INSERT INTO dashboards (account_id, id, owner_id, name, privacy, template_id, date_range, filters, created_at, updated_at) VALUES (${accountId}, ${dashboard.id}, ${dashboard.ownerId}, ${dashboard.name}, ${dashboard.privacy}, ${dashboard.templateId}, ${rangeText(dashboard.dateRange)}, ${JSON.stringify(dashboard.filters)}, ${dashboard.createdAt}, ${dashboard.updatedAt})`);
  await replaceShares(db, accountId, dashboard.id, dashboard.shares);
}

export async function updateDashboardRow(db: Queryable, accountId: number, dashboard: Dashboard): Promise<void> {
  await db.query(sql`UPDATE dashboards SET name = ${dashboard.name}, privacy = ${dashboard.privacy}, date_range = ${rangeText(dashboard.dateRange)}, filters = ${JSON.stringify(dashboard.filters)}, updated_at = ${dashboard.updatedAt} WHERE account_id = ${accountId} AND id = ${dashboard.id}`);
  await replaceShares(db, accountId, dashboard.id, dashboard.shares);
}

/** Only the owner: a reassignment leaves whatever else changed meanwhile as it is. */
export async function updateDashboardOwner(db: Queryable, accountId: number, id: string, ownerId: string, updatedAt: Date): Promise<void> {
  await db.query(sql`UPDATE dashboards SET owner_id = ${ownerId}, updated_at = ${updatedAt} WHERE account_id = ${accountId} AND id = ${id}`);
}

export async function deleteDashboardRows(db: Queryable, accountId: number, id: string): Promise<void> {
  for (const table of ['dashboard_shares', 'dashboard_reports']) await db.query(sql`DELETE FROM ${identifier(table)} WHERE account_id = ${accountId} AND dashboard_id = ${id}`);
  await db.query(sql`DELETE FROM dashboards WHERE account_id = ${accountId} AND id = ${id}`);
}

/** The items of some dashboards in one query, each list in position order. */
export async function findItems(db: Queryable, accountId: number, dashboardIds: readonly string[]): Promise<Map<string, DashboardItem[]>> {
  const rows = await select(
    db,
    sql`SELECT dashboard_id, id, position, width, definition_id, report_id FROM dashboard_reports WHERE account_id = ${accountId} AND dashboard_id IN (${list(dashboardIds)}) ORDER BY dashboard_id, position`,
    { dashboard_id: column.text, id: column.text, position: column.number, width: column.number, definition_id: column.nullableText, report_id: column.nullableText },
  );
  const byDashboard = new Map<string, DashboardItem[]>();
  for (const row of rows) {
    const list = byDashboard.get(row.dashboard_id) ?? [];
    list.push({ id: row.id, position: row.position, width: row.width, definitionId: row.definition_id, reportId: row.report_id });
    byDashboard.set(row.dashboard_id, list);
  }
  return byDashboard;
}

/** Writes a dashboard's items as given: positions 0..n-1 in list order. */
export async function replaceItems(db: Queryable, accountId: number, dashboardId: string, items: readonly DashboardItem[]): Promise<void> {
  await db.query(sql`DELETE FROM dashboard_reports WHERE account_id = ${accountId} AND dashboard_id = ${dashboardId}`);
  for (const [position, item] of items.entries()) {
    await db.query(sql`INSERT INTO dashboard_reports (account_id, dashboard_id, id, position, width, definition_id, report_id) VALUES (${accountId}, ${dashboardId}, ${item.id}, ${position}, ${item.width}, ${item.definitionId}, ${item.reportId})`);
  }
}

async function replaceShares(db: Queryable, accountId: number, dashboardId: string, shares: readonly Share[]): Promise<void> {
  await db.query(sql`DELETE FROM dashboard_shares WHERE account_id = ${accountId} AND dashboard_id = ${dashboardId}`);
  for (const share of shares) {
    await db.query(sql`INSERT INTO dashboard_shares (account_id, dashboard_id, grantee_type, grantee_id, access) VALUES (${accountId}, ${dashboardId}, ${share.granteeType}, ${share.granteeId}, ${share.access})`);
  }
}

function rangeText(range: StoredDateRange | null): string | null {
  return range ? JSON.stringify(range) : null;
}
