import { randomUUID } from 'node:crypto';
import DataLoader from 'dataloader';
import { requireDashboardRoom, requireReportEditing, requireSpecificSharing } from '../accounts/plan';
import { findDirectoryEntries } from '../conversations/directory';
import { BadInput, ConfigInvalid, Forbidden, invariant, NotFound } from '../errors';
import { catalogDefinition, catalogDefinitionInput } from '../reporting/catalog/registry';
import { parseStoredRange } from '../calendar/date-presets';
import { compileFilters, FilterSpec } from '../conversations/query/filters';
import { FilterOperator, PropertyCatalog } from '../conversations/query/properties';
import { parseName, SavedReport } from '../reporting/saved/config';
import { canChangeReport, DateRangeChoice, findSavedReport, loadSavedReport, ReportChanges, saveCopy, snapshotOfDefinition, updateSavedReport } from '../reporting/saved/service';
import { catalogSource, onDashboard, ReportSource, savedSource } from '../reporting/source';
import { problemOf } from '../reporting/stored-config';
import { ReportingCaller } from '../reporting/caller';
import { Access, accessOf, canManage, mayPlaceOnDashboard, Privacy, privacyOfCopyOn, requireNewOwner, requireOwnerReassigning, Share } from '../auth/access';
import { countDashboards, Dashboard, DashboardItem, deleteDashboardRows, findItems, insertDashboard, listDashboards, replaceItems, updateDashboardOwner, updateDashboardRow } from './store';
import { findTemplate } from './templates';
import { sql } from '../db/sql';

export const MAX_REPORTS_PER_DASHBOARD = 30;
const DEFAULT_WIDTH = 6;
const GRID_COLUMNS = 12;

/** A new dashboard from a template of the library (GraphQL's CreateDashboardFromTemplateInput). */
export interface NewDashboard {
  templateId: string;
  name: string;
  privacy: Privacy;
  /** Which of the template's reports to include; absent for all. */
  reportDefinitionIds?: string[] | null;
  shares?: readonly Share[] | null;
}

/** Changes to a dashboard: a field left out stays as it is; null clears dateRange or filters. */
export interface DashboardChanges {
  id: string;
  name?: string | null;
  privacy?: Privacy | null;
  shares?: readonly Share[] | null;
  dateRange?: DateRangeChoice | null;
  filters?: readonly FilterSpec[] | null;
  /** Every report of the dashboard once, in the new order, with optional widths. */
  layout?: readonly { id: string; width?: number | null }[] | null;
}

/** A catalog or saved report (one of them) to put on a dashboard. */
export interface ReportPlacement {
  dashboardId: string;
  definitionId?: string | null;
  reportId?: string | null;
  width?: number | null;
  /** From 0; default at the end. */
  position?: number | null;
}

/** A report to take off a dashboard: by its place, or by the report it shows (one of them). */
export interface ReportRemoval {
  dashboardId: string;
  dashboardReportId?: string | null;
  definitionId?: string | null;
  reportId?: string | null;
}

/** An edit of a report where it sits on a dashboard. */
export interface DashboardReportEdit {
  dashboardId: string;
  dashboardReportId: string;
  changes: ReportChanges;
}

/** A dashboard given to another user of the account. */
export interface DashboardOwnerChange {
  dashboardId: string;
  ownerId: string;
}

export interface VisibleDashboard {
  dashboard: Dashboard;
  access: Access;
}

/** The dashboards the caller may see, each checked as findDashboard checks it. */
export async function listVisibleDashboards(ctx: ReportingCaller): Promise<VisibleDashboard[]> {
  const visible = (await listDashboards(ctx.db, ctx.viewer.account.id)).flatMap((dashboard) => {
    const access = accessOf(ctx.viewer, dashboard);
    return access ? [{ dashboard, access }] : [];
  });
  return Promise.all(visible.map(async ({ dashboard, access }) => ({ dashboard: await checked(ctx, dashboard), access })));
}

/**
 * Its stored date range and filters checked with the rules of a write: what no longer validates is
 * the dashboard's `problem` (its reports run once it is edited), never an error of the caller's.
 */
async function checked(ctx: ReportingCaller, dashboard: Dashboard): Promise<Dashboard> {
  if (dashboard.problem) return dashboard;
  const catalog = await ctx.reporting.catalog();
  const problem = problemOf(() => {
    if (dashboard.dateRange) parseStoredRange(dashboard.dateRange, 'dateRange');
    checkFilters(ctx, catalog, dashboard.filters);
  });
  return problem ? { ...dashboard, problem } : dashboard;
}

/** A dashboard the caller may see (NOT_FOUND in other accounts, FORBIDDEN when not shared with them). */
export async function findDashboard(ctx: ReportingCaller, id: string, need: Access = 'VIEW'): Promise<VisibleDashboard> {
  const [dashboard] = await listDashboards(ctx.db, ctx.viewer.account.id, id);
  if (!dashboard) throw new NotFound('dashboard', id);
  const access = accessOf(ctx.viewer, dashboard);
  if (!access) throw new Forbidden('This dashboard is not shared with you.');
  if (need === 'EDIT' && access !== 'EDIT') throw new Forbidden('You may view this dashboard but not edit it.');
  return { dashboard: await checked(ctx, dashboard), access };
}

export async function createDashboardFromTemplate(ctx: ReportingCaller, input: NewDashboard): Promise<VisibleDashboard> {
  const template = findTemplate(input.templateId);
  if (!template) throw new BadInput('templateId', `no template ${JSON.stringify(input.templateId)}; dashboardTemplates lists chat-overview and email-overview`);
  const name = parseName(input.name);
  const chosen = input.reportDefinitionIds ?? [...template.reportDefinitionIds];
  chosen.forEach((id, i) => {
    if (!template.reportDefinitionIds.includes(id)) throw new BadInput(`reportDefinitionIds[${i}]`, `${JSON.stringify(id)} is not a report of template ${template.id}`);
    if (chosen.indexOf(id) !== i) throw new BadInput(`reportDefinitionIds[${i}]`, `${id} is listed twice`);
  });
  const shares = await parseShares(ctx, input.privacy, input.shares ?? []);
  const now = new Date();
  const dashboard: Dashboard = { id: randomUUID(), ownerId: ctx.viewer.userId, name, privacy: input.privacy, templateId: template.id, dateRange: null, filters: [], problem: null, shares, createdAt: now, updatedAt: now };
  // Template order, whatever order the ids were ticked in.
  const items = template.reportDefinitionIds.filter((id) => chosen.includes(id)).map((definitionId) => newItem({ definitionId }));
  await ctx.db.transaction(async (tx) => {
    // Locks the account's row: two creations at once cannot both pass the plan's limit.
    await tx.query(sql`SELECT id FROM accounts WHERE id = ${ctx.viewer.account.id}${ctx.db.dialect.lockingRead}`);
    requireDashboardRoom(ctx.viewer.account, await countDashboards(tx, ctx.viewer.account.id));
    await insertDashboard(tx, ctx.viewer.account.id, dashboard);
    await replaceItems(tx, ctx.viewer.account.id, dashboard.id, items);
  });
  return { dashboard, access: 'EDIT' };
}

export async function updateDashboard(ctx: ReportingCaller, input: DashboardChanges): Promise<VisibleDashboard> {
  const { dashboard, access } = await findDashboard(ctx, input.id, 'EDIT');
  // An edit may repair what no longer validates: the result is checked anew below.
  const next: Dashboard = { ...dashboard, problem: null, updatedAt: new Date() };
  if (input.name != null) next.name = parseName(input.name);
  if (input.privacy != null || input.shares != null) {
    if (!canManage(ctx.viewer, dashboard)) throw new Forbidden('Only the owner of a dashboard or an admin may change who can see it.');
    next.privacy = input.privacy ?? dashboard.privacy;
    next.shares = await parseShares(ctx, next.privacy, input.shares ?? (next.privacy === 'SPECIFIC' ? dashboard.shares : []));
  }
  if (input.dateRange !== undefined) next.dateRange = input.dateRange ? parseStoredRange(input.dateRange, 'dateRange') : null;
  if (input.filters !== undefined) next.filters = await parseFilters(ctx, input.filters ?? []);
  const items = input.layout ? arrange(await itemsOf(ctx, dashboard.id), input.layout) : null;
  await ctx.db.transaction(async (tx) => {
    await updateDashboardRow(tx, ctx.viewer.account.id, next);
    if (items) await replaceItems(tx, ctx.viewer.account.id, dashboard.id, items);
  });
  itemLoader(ctx).clear(dashboard.id);
  return { dashboard: await checked(ctx, next), access: accessOf(ctx.viewer, next) ?? access };
}

export async function addReportToDashboard(ctx: ReportingCaller, input: ReportPlacement): Promise<VisibleDashboard> {
  const found = await findDashboard(ctx, input.dashboardId, 'EDIT');
  const given = [input.definitionId, input.reportId].filter((v) => v != null);
  if (given.length !== 1) throw new BadInput('definitionId', 'give exactly one of definitionId and reportId');
  if (input.definitionId != null) catalogDefinitionInput(input.definitionId, 'definitionId');
  if (input.reportId != null) {
    const report = await findSavedReport(ctx, input.reportId);
    if (!mayPlaceOnDashboard(ctx.viewer, report)) throw new Forbidden('Only its owner may put a private report on a dashboard: everyone who sees the dashboard would see it.');
  }
  const items = await itemsOf(ctx, found.dashboard.id);
  if (items.length >= MAX_REPORTS_PER_DASHBOARD) throw new BadInput('dashboardId', `a dashboard holds at most ${MAX_REPORTS_PER_DASHBOARD} reports`);
  const position = input.position ?? items.length;
  if (!Number.isInteger(position) || position < 0 || position > items.length) throw new BadInput('position', `must be 0 to ${items.length}`);
  const item = newItem({ definitionId: input.definitionId ?? null, reportId: input.reportId ?? null, width: parseWidth(input.width, 'width') });
  await saveItems(ctx, found.dashboard, [...items.slice(0, position), item, ...items.slice(position)]);
  return found;
}

export async function removeReportFromDashboard(ctx: ReportingCaller, input: ReportRemoval): Promise<VisibleDashboard> {
  const found = await findDashboard(ctx, input.dashboardId, 'EDIT');
  const given = [input.dashboardReportId, input.definitionId, input.reportId].filter((v) => v != null);
  if (given.length !== 1) throw new BadInput('dashboardReportId', 'give exactly one of dashboardReportId, definitionId and reportId');
  const items = await itemsOf(ctx, found.dashboard.id);
  const index = items.findIndex((i) => i.id === input.dashboardReportId || (i.definitionId !== null && i.definitionId === input.definitionId) || (i.reportId !== null && i.reportId === input.reportId));
  if (index < 0) throw new BadInput(input.dashboardReportId != null ? 'dashboardReportId' : input.definitionId != null ? 'definitionId' : 'reportId', `${given[0]} is not on dashboard ${found.dashboard.id}`);
  await saveItems(ctx, found.dashboard, items.filter((_, i) => i !== index));
  return found;
}

export async function deleteDashboard(ctx: ReportingCaller, id: string): Promise<string> {
  const { dashboard } = await findDashboard(ctx, id);
  if (!canManage(ctx.viewer, dashboard)) throw new Forbidden('Only the owner of a dashboard or an admin may delete it.');
  await ctx.db.transaction((tx) => deleteDashboardRows(tx, ctx.viewer.account.id, id));
  return id;
}

/**
 * Edits a report where it sits on a dashboard. A catalog report (or a saved report the caller may
 * not change) becomes an edited copy owned by the caller, and the dashboard shows the copy.
 */
export async function editDashboardReport(ctx: ReportingCaller, input: DashboardReportEdit): Promise<VisibleDashboard> {
  const found = await findDashboard(ctx, input.dashboardId, 'EDIT');
  const items = await itemsOf(ctx, found.dashboard.id);
  const item = items.find((i) => i.id === input.dashboardReportId);
  if (!item) throw new BadInput('dashboardReportId', `${input.dashboardReportId} is not on dashboard ${found.dashboard.id}`);
  requireReportEditing(ctx.viewer.account, 'Editing a report');
  const privacy = privacyOfCopyOn(found.dashboard.privacy);
  let reportId: string;
  if (item.reportId) {
    const report = await reportOnDashboard(ctx, found, item.reportId);
    if (canChangeReport(ctx.viewer, report)) {
      await updateSavedReport(ctx, { ...input.changes, id: report.id });
      return found;
    }
    reportId = (await saveCopy(ctx, report, report.sourceDefinitionId, input.changes, privacy)).id;
  } else {
    const definition = catalogDefinition(item.definitionId as string);
    reportId = (await saveCopy(ctx, snapshotOfDefinition(definition), definition.id, input.changes, privacy)).id;
  }
  await saveItems(ctx, found.dashboard, items.map((i) => (i === item ? { ...i, definitionId: null, reportId } : i)));
  return found;
}

/**
 * Gives a dashboard to another user of the account, e.g. when its owner left: admins only, and any
 * dashboard (admins see them all, private ones included).
 */
export async function reassignDashboardOwner(ctx: ReportingCaller, input: DashboardOwnerChange): Promise<VisibleDashboard> {
  requireOwnerReassigning(ctx.viewer, 'dashboard');
  const { dashboard } = await findDashboard(ctx, input.dashboardId);
  await requireNewOwner(ctx.members, input.ownerId);
  const next: Dashboard = { ...dashboard, ownerId: input.ownerId, updatedAt: new Date() };
  await updateDashboardOwner(ctx.db, ctx.viewer.account.id, dashboard.id, next.ownerId, next.updatedAt);
  const access = accessOf(ctx.viewer, next);
  invariant(access, 'an admin sees every dashboard of their account');
  return { dashboard: next, access };
}

/**
 * A saved report as a tile of a dashboard the caller may see: seeing a dashboard grants seeing its
 * tiles (title, report, result), also a report private to another user, without listing it or
 * letting it be run or placed elsewhere. The report must be on that dashboard.
 */
export async function reportOnDashboard(ctx: ReportingCaller, shownOn: VisibleDashboard, reportId: string): Promise<SavedReport> {
  const items = await itemsOf(ctx, shownOn.dashboard.id);
  if (!items.some((item) => item.reportId === reportId)) throw new NotFound('report', reportId);
  return loadSavedReport(ctx, reportId);
}

/** What a tile of a dashboard the caller sees runs: its report with the dashboard's date range and filters. */
export async function tileSource(ctx: ReportingCaller, shownOn: VisibleDashboard, item: Pick<DashboardItem, 'definitionId' | 'reportId'>): Promise<ReportSource> {
  const { dashboard } = shownOn;
  if (dashboard.problem) throw new ConfigInvalid({ kind: 'dashboard', id: dashboard.id, name: dashboard.name }, dashboard.problem);
  const source = item.reportId ? savedSource(await reportOnDashboard(ctx, shownOn, item.reportId)) : catalogSource(catalogDefinition(item.definitionId as string));
  return onDashboard(source, { dateRange: shownOn.dashboard.dateRange, filters: shownOn.dashboard.filters });
}

/**
 * A run or drill-down that names a dashboard: the report it names as that dashboard's tile shows
 * it, for whoever may see the dashboard (FORBIDDEN otherwise, as the dashboard itself).
 */
export async function sourceOnDashboard(ctx: ReportingCaller, dashboardId: string, run: { definitionId?: string | null; reportId?: string | null }, field: string): Promise<ReportSource> {
  const shownOn = await findDashboard(ctx, dashboardId);
  const item = (await itemsOf(ctx, dashboardId)).find((i) => (run.reportId != null ? i.reportId === run.reportId : i.definitionId === run.definitionId));
  if (!item) throw new BadInput(field, `report ${run.reportId ?? run.definitionId} is not on dashboard ${dashboardId}`);
  return tileSource(ctx, shownOn, item);
}

/**
 * The items of a dashboard, through the caller's loader: a dashboard's tiles and the runs that
 * name it read its items once per request.
 */
export function itemsOf(ctx: ReportingCaller, dashboardId: string): Promise<DashboardItem[]> {
  return itemLoader(ctx).load(dashboardId);
}

/**
 * One items loader per caller, kept beside it rather than in it: reporting hands the same caller to
 * a run that names a dashboard (sourceOnDashboard) and knows nothing of dashboards. A caller is one
 * request (or one in-process task), so the loader lives and goes with it.
 */
const itemLoaders = new WeakMap<ReportingCaller, DataLoader<string, DashboardItem[]>>();

function itemLoader(ctx: ReportingCaller): DataLoader<string, DashboardItem[]> {
  let loader = itemLoaders.get(ctx);
  if (!loader) {
    const accountId = ctx.viewer.account.id;
    loader = new DataLoader(async (ids) => {
      const byDashboard = await findItems(ctx.db, accountId, ids);
      return ids.map((id) => byDashboard.get(id) ?? []);
    });
    itemLoaders.set(ctx, loader);
  }
  return loader;
}

async function saveItems(ctx: ReportingCaller, dashboard: Dashboard, items: DashboardItem[]): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await replaceItems(tx, ctx.viewer.account.id, dashboard.id, items);
    await tx.query(sql`UPDATE dashboards SET updated_at = ${new Date()} WHERE account_id = ${ctx.viewer.account.id} AND id = ${dashboard.id}`);
  });
  itemLoader(ctx).clear(dashboard.id);
}

function newItem(item: Partial<DashboardItem>): DashboardItem {
  return { id: randomUUID(), position: 0, width: DEFAULT_WIDTH, definitionId: null, reportId: null, ...item };
}

function parseWidth(width: number | null | undefined, field: string): number {
  if (width == null) return DEFAULT_WIDTH;
  if (!Number.isInteger(width) || width < 1 || width > GRID_COLUMNS) throw new BadInput(field, `must be 1 to ${GRID_COLUMNS} columns, got ${width}`);
  return width;
}

/** The items in the order `layout` gives; it must name each item exactly once. */
function arrange(items: DashboardItem[], layout: readonly { id: string; width?: number | null }[]): DashboardItem[] {
  const byId = new Map(items.map((i) => [i.id, i]));
  const seen = new Set<string>();
  const arranged = layout.map((entry, i) => {
    const item = byId.get(entry.id);
    if (!item) throw new BadInput(`layout[${i}].id`, `${entry.id} is not a report of this dashboard`);
    if (seen.has(entry.id)) throw new BadInput(`layout[${i}].id`, `${entry.id} is listed twice`);
    seen.add(entry.id);
    return { ...item, width: entry.width == null ? item.width : parseWidth(entry.width, `layout[${i}].width`) };
  });
  if (arranged.length !== items.length) throw new BadInput('layout', `must list all ${items.length} reports of the dashboard, got ${arranged.length}`);
  return arranged;
}

async function parseShares(ctx: ReportingCaller, privacy: Privacy, shares: readonly Share[]): Promise<Share[]> {
  if (privacy === 'SPECIFIC') requireSpecificSharing(ctx.viewer.account);
  else if (shares.length > 0) throw new BadInput('shares', 'only a dashboard with privacy SPECIFIC is shared with users and teams');
  const seen = new Set<string>();
  for (const [i, share] of shares.entries()) {
    const key = `${share.granteeType}:${share.granteeId}`;
    if (seen.has(key)) throw new BadInput(`shares[${i}]`, `${share.granteeType} ${share.granteeId} is listed twice`);
    seen.add(key);
  }
  // One lookup for the users (batched by the loader) and one for the teams, however many shares.
  const teamIds = shares.filter((s) => s.granteeType === 'TEAM').map((s) => s.granteeId);
  const [members, teams] = await Promise.all([
    Promise.all(shares.map((s) => (s.granteeType === 'USER' ? ctx.members.load(s.granteeId) : null))),
    findDirectoryEntries(ctx.db, ctx.viewer.account.id, 'team', teamIds),
  ]);
  shares.forEach((share, i) => {
    const exists = share.granteeType === 'USER' ? members[i] : teams.has(share.granteeId);
    if (!exists) throw new BadInput(`shares[${i}].granteeId`, `no ${share.granteeType === 'USER' ? 'user' : 'team'} ${JSON.stringify(share.granteeId)} in this account`);
  });
  return shares.map((s) => ({ granteeType: s.granteeType, granteeId: s.granteeId, access: s.access }));
}

async function parseFilters(ctx: ReportingCaller, filters: readonly FilterSpec[]): Promise<FilterSpec[]> {
  const specs = filters.map((f) => ({ property: f.property, operator: f.operator as FilterOperator, values: [...(f.values ?? [])] }));
  checkFilters(ctx, await ctx.reporting.catalog(), specs);
  return specs;
}

function checkFilters(ctx: ReportingCaller, catalog: PropertyCatalog, filters: readonly FilterSpec[]): void {
  compileFilters(filters, { dialect: ctx.db.dialect, catalog, timezone: ctx.viewer.account.timezone });
}
