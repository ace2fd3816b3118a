import { randomUUID } from 'node:crypto';
import { requireReportEditing } from '../../accounts/plan';
import { Viewer } from '../../auth/viewer';
import { Access, accessOf, asGuarded, ReportPrivacy, requireNewOwner, requireOwnerReassigning } from '../../auth/access';
import { BadInput, Forbidden, NotFound } from '../../errors';
import { ReportingCaller } from '../caller';
import { ChartType, ReportDefinition } from '../catalog/definition';
import { catalogDefinitionInput } from '../catalog/registry';
import { DatePreset, parseStoredRange } from '../../calendar/date-presets';
import { Channel } from '../../conversations/conversation.entity';
import { FilterSpec } from '../../conversations/query/filters';
import { FilterOperator } from '../../conversations/query/properties';
import { Granularity, parseTimezone } from '../../calendar/time';
import { problemOf } from '../stored-config';
import { changedFields, parseName, ReportConfig, ReportSnapshot, SavedReport, storedReportProblem, ValidationContext, validateSnapshot } from './config';
import { countReports, deleteReportRows, insertReport, insertRevision, listReports, ReportRevision, RevisionAction, updateReportRow } from './store';

/** A date range a report or dashboard keeps: a rolling preset, or fixed local dates (one or the other). */
export interface DateRangeChoice {
  preset?: DatePreset | null;
  from?: string | null;
  to?: string | null;
}

/**
 * What the report editor can change (GraphQL's ReportChangesInput). A field left out (undefined)
 * stays as it is; for those that may be empty (channel, dimensions, granularity, filters,
 * dateRange, timezone) null clears it.
 */
export interface ReportChanges {
  name?: string | null;
  chartType?: ChartType | null;
  channel?: Channel | null;
  measures?: string[] | null;
  dimensions?: string[] | null;
  granularity?: Granularity | null;
  dateProperty?: string | null;
  filters?: readonly FilterSpec[] | null;
  dateRange?: DateRangeChoice | null;
  timezone?: string | null;
}

/** A new saved report: from scratch (name and chartType required), or a copy of a catalog report with changes. */
export interface NewReport extends ReportChanges {
  fromDefinitionId?: string | null;
  /** Default EVERYONE. */
  privacy?: ReportPrivacy | null;
}

/** Changes to a saved report; left out, its privacy stays. */
export interface ReportUpdate extends ReportChanges {
  id: string;
  privacy?: ReportPrivacy | null;
}

/** A saved report given to another user of the account. */
export interface ReportOwnerChange {
  reportId: string;
  ownerId: string;
}

const CHANGE_REFUSED = 'Only the owner of a report or an admin may change it; an admin only views a report private to another user.';

/** What the caller may do with a saved report, or null when it is private to someone else. */
export function reportAccess(viewer: Viewer, report: SavedReport): Access | null {
  return accessOf(viewer, asGuarded(report));
}

/** Its owner changes it; admins too, unless it is private to another user (they view it then). */
export function canChangeReport(viewer: Viewer, report: SavedReport): boolean {
  return reportAccess(viewer, report) === 'EDIT';
}

/**
 * Saved reports an account may keep. It bounds what `reports { result }` can cost; a support team's
 * reports are a few dozen.
 */
export const MAX_SAVED_REPORTS = 1000;

/** The saved reports the caller may see, by name, each checked as loadSavedReport checks it; the first `first` of them when given (1 to MAX_SAVED_REPORTS). */
export async function listSavedReports(ctx: ReportingCaller, first?: number | null): Promise<SavedReport[]> {
  if (first != null && !(Number.isInteger(first) && first >= 1 && first <= MAX_SAVED_REPORTS)) {
    throw new BadInput('first', `must be between 1 and ${MAX_SAVED_REPORTS}, got ${first}`);
  }
  const visible = (await listReports(ctx.db, ctx.viewer.account.id)).filter((report) => reportAccess(ctx.viewer, report) !== null);
  const context = await validationContext(ctx);
  return (first == null ? visible : visible.slice(0, first)).map((report) => checked(report, context));
}

/**
 * A saved report the caller may see (with `need` EDIT: change): NOT_FOUND in other accounts and
 * for ids that do not exist, FORBIDDEN when it is private to another user, as for dashboards.
 */
export async function findSavedReport(ctx: ReportingCaller, id: string, need: Access = 'VIEW'): Promise<SavedReport> {
  const report = await loadSavedReport(ctx, id);
  const access = reportAccess(ctx.viewer, report);
  if (!access) throw new Forbidden('This report is private to its owner.');
  if (need === 'EDIT' && access !== 'EDIT') throw new Forbidden(CHANGE_REFUSED);
  return report;
}

/**
 * A saved report of the caller's account WITHOUT the check of its own privacy. Only for a report
 * the caller was already let see another way: a tile of a dashboard they may see (seeing the
 * dashboard grants seeing its tiles: dashboards/service.ts `reportOnDashboard`), or the fields of
 * a Report object, which is only ever handed out after one of these checks. Its stored config is
 * checked with the rules of a write: one that no longer validates is the report's `problem` (it
 * runs only once edited), never an error of the caller's or an internal one.
 */
export async function loadSavedReport(ctx: ReportingCaller, id: string): Promise<SavedReport> {
  const report = await ctx.reporting.savedReports.load(id);
  if (!report) throw new NotFound('report', id);
  return checked(report, await validationContext(ctx));
}

function checked(report: SavedReport, context: ValidationContext): SavedReport {
  const problem = storedReportProblem(report, context);
  return problem === report.problem ? report : { ...report, problem };
}

async function validationContext(ctx: ReportingCaller): Promise<ValidationContext> {
  return { account: ctx.viewer.account, catalog: await ctx.reporting.catalog(), dialect: ctx.db.dialect };
}

export function reportRevisions(ctx: ReportingCaller, id: string): Promise<ReportRevision[]> {
  return ctx.reporting.revisions.load(id);
}

export async function createSavedReport(ctx: ReportingCaller, input: NewReport): Promise<SavedReport> {
  requireReportEditing(ctx.viewer.account, 'Creating a custom report');
  const privacy = input.privacy ?? 'EVERYONE';
  if (input.fromDefinitionId != null) {
    const definition = catalogDefinitionInput(input.fromDefinitionId, 'fromDefinitionId');
    return saveCopy(ctx, snapshotOfDefinition(definition), definition.id, input, privacy);
  }
  if (input.name == null) throw new BadInput('name', 'is required');
  if (input.chartType == null) throw new BadInput('chartType', 'is required for a report built from scratch');
  return saveCopy(ctx, BLANK, null, input, privacy);
}

export async function updateSavedReport(ctx: ReportingCaller, input: ReportUpdate): Promise<SavedReport> {
  const report = await editable(ctx, input.id, 'Editing a report');
  return saveRevision(ctx, report, await applyChanges(ctx, report, input), 'UPDATED', { privacy: input.privacy ?? report.privacy });
}

/**
 * Gives a report to another user of the account (say, when its owner left): admins only, whatever
 * its privacy and plan. Kept as a revision saying who did it.
 */
export async function reassignReportOwner(ctx: ReportingCaller, input: ReportOwnerChange): Promise<SavedReport> {
  requireOwnerReassigning(ctx.viewer, 'report');
  const report = await findSavedReport(ctx, input.reportId);
  await requireNewOwner(ctx.members, input.ownerId);
  return saveRevision(ctx, report, report, 'UPDATED', { ownerId: input.ownerId });
}

export async function restoreReportRevision(ctx: ReportingCaller, id: string, revision: number): Promise<SavedReport> {
  const report = await editable(ctx, id, 'Editing a report');
  const target = (await reportRevisions(ctx, id)).find((r) => r.revision === revision);
  if (!target) throw new BadInput('revision', `report ${id} has no revision ${revision}`);
  // A revision saved under an older version is checked as any other write.
  const context = await validationContext(ctx);
  const problem = target.problem ?? problemOf(() => validateSnapshot(target.snapshot, context));
  if (problem) throw new BadInput('revision', `revision ${revision} of report ${id} no longer validates (${problem.message}); edit the report instead`);
  return saveRevision(ctx, report, target.snapshot, 'RESTORED');
}

export async function deleteSavedReport(ctx: ReportingCaller, id: string): Promise<string> {
  await findSavedReport(ctx, id, 'EDIT');
  await ctx.db.transaction((tx) => deleteReportRows(tx, ctx.viewer.account.id, id));
  return id;
}

/**
 * A new saved report owned by the caller: `base` with `changes` applied. This is also how editing
 * a standard report on a dashboard works: the dashboard gets an edited copy, the catalog stays.
 */
export async function saveCopy(ctx: ReportingCaller, base: ReportSnapshot, sourceDefinitionId: string | null, changes: ReportChanges, privacy: ReportPrivacy): Promise<SavedReport> {
  const snapshot = await applyChanges(ctx, base, changes);
  const now = new Date();
  const report: SavedReport = { ...snapshot, problem: null, id: randomUUID(), ownerId: ctx.viewer.userId, privacy, sourceDefinitionId, revision: 1, createdAt: now, updatedAt: now };
  const accountId = ctx.viewer.account.id;
  await ctx.db.transaction(async (tx) => {
    if ((await countReports(tx, accountId)) >= MAX_SAVED_REPORTS) {
      throw new BadInput('input', `this account keeps ${MAX_SAVED_REPORTS} saved reports, the most it may; delete one first`);
    }
    await insertReport(tx, accountId, report);
    await insertRevision(tx, accountId, { reportId: report.id, revision: 1, userId: ctx.viewer.userId, action: 'CREATED', changes: [], snapshot, createdAt: now });
  });
  ctx.reporting.savedReports.prime(report.id, report);
  return report;
}

/** The report, if the caller's plan allows editing and they may change it. */
export async function editable(ctx: ReportingCaller, id: string, action: string): Promise<SavedReport> {
  const report = await findSavedReport(ctx, id);
  requireReportEditing(ctx.viewer.account, action);
  if (!canChangeReport(ctx.viewer, report)) throw new Forbidden(CHANGE_REFUSED);
  return report;
}

/** The report as a catalog definition describes it, to start an edited copy from. */
export function snapshotOfDefinition(definition: ReportDefinition): ReportSnapshot {
  return {
    name: definition.title,
    chartType: definition.defaultChartType,
    config: {
      channel: definition.channel,
      measures: [...definition.measures],
      dimensions: [...definition.dimensions],
      granularity: definition.defaultGranularity ?? null,
      dateProperty: definition.dateProperty,
      filters: (definition.defaultFilters ?? []).map((f) => ({ property: f.property, operator: f.operator, values: [...(f.values ?? [])] })),
      dateRange: null,
      timezone: null,
    },
  };
}

/**
 * Saves `snapshot` (and a new owner or privacy, which a revision lists among its changes but does
 * not keep: a restore leaves them as they are) as the next revision; nothing when nothing changed.
 */
export async function saveRevision(
  ctx: ReportingCaller,
  report: SavedReport,
  snapshot: ReportSnapshot,
  action: RevisionAction,
  access: Partial<Pick<SavedReport, 'ownerId' | 'privacy'>> = {},
): Promise<SavedReport> {
  const ownerId = access.ownerId ?? report.ownerId;
  const privacy = access.privacy ?? report.privacy;
  const changes = [...changedFields(report, snapshot), ...(ownerId !== report.ownerId ? ['owner'] : []), ...(privacy !== report.privacy ? ['privacy'] : [])];
  if (changes.length === 0) return report;
  const now = new Date();
  const next: SavedReport = { ...report, name: snapshot.name, chartType: snapshot.chartType, config: snapshot.config, problem: null, ownerId, privacy, revision: report.revision + 1, updatedAt: now };
  const accountId = ctx.viewer.account.id;
  try {
    await ctx.db.transaction(async (tx) => {
      // The revision's key (report, number) refuses a second writer that started from the same revision.
      await insertRevision(tx, accountId, { reportId: report.id, revision: next.revision, userId: ctx.viewer.userId, action, changes, snapshot, createdAt: now });
      await updateReportRow(tx, accountId, next);
    });
  } catch (error) {
    if (isDuplicateKey(error)) throw new BadInput('id', 'the report was changed by someone else meanwhile: load it again and retry');
    throw error;
  }
  ctx.reporting.savedReports.clear(report.id).prime(report.id, next);
  ctx.reporting.revisions.clear(report.id);
  return next;
}

const BLANK: ReportSnapshot = {
  name: '',
  chartType: 'TABLE',
  config: { channel: null, measures: ['count'], dimensions: [], granularity: null, dateProperty: 'createdAt', filters: [], dateRange: null, timezone: null },
};

/** `base` with the given fields changed, validated as a whole. */
async function applyChanges(ctx: ReportingCaller, base: ReportSnapshot, changes: ReportChanges): Promise<ReportSnapshot> {
  const config: ReportConfig = { ...base.config };
  if (changes.channel !== undefined) config.channel = changes.channel;
  if (changes.measures != null) config.measures = changes.measures as ReportConfig['measures'];
  if (changes.dimensions !== undefined) config.dimensions = changes.dimensions ?? [];
  if (changes.granularity !== undefined) config.granularity = changes.granularity;
  if (changes.dateProperty != null) config.dateProperty = changes.dateProperty as ReportConfig['dateProperty'];
  if (changes.filters !== undefined) {
    config.filters = (changes.filters ?? []).map((f) => ({ property: f.property, operator: f.operator as FilterOperator, values: [...(f.values ?? [])] }));
  }
  if (changes.dateRange !== undefined) config.dateRange = changes.dateRange ? parseStoredRange(changes.dateRange, 'dateRange') : null;
  if (changes.timezone !== undefined) config.timezone = changes.timezone ? parseTimezone(changes.timezone, 'timezone') : null;
  const snapshot: ReportSnapshot = {
    name: changes.name != null ? parseName(changes.name) : base.name,
    chartType: changes.chartType ?? base.chartType,
    config,
  };
  validateSnapshot(snapshot, await validationContext(ctx));
  return snapshot;
}

function isDuplicateKey(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string } };
  const code = e.driverError?.code ?? e.code;
  return code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT';
}
