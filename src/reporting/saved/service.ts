import { randomUUID } from 'node:crypto';
import { requireReportEditing } from '../../accounts/plan';
import { Viewer } from '../../auth/viewer';
import { BadInput, Forbidden, NotFound } from '../../errors';
import { Context } from '../../server/context';
import { ReportDefinition } from '../catalog/definition';
import { catalogDefinitionInput } from '../catalog/registry';
import { parseStoredRange } from '../date-presets';
import { FilterOperator } from '../properties';
import { parseTimezone } from '../time';
import { problemOf } from '../stored-config';
import { changedFields, parseName, ReportConfig, ReportSnapshot, SavedReport, storedReportProblem, ValidationContext, validateSnapshot } from './config';
import { CreateReportInput, ReportChangesInput, UpdateReportInput } from './graphql/inputs';
import { deleteReportRows, insertReport, insertRevision, listReports, ReportRevision, RevisionAction, updateReportRow } from './store';

/** Saved reports are visible to everyone in the account; their owner and admins may change them. */
export function canChangeReport(viewer: Viewer, report: SavedReport): boolean {
  return report.ownerId === viewer.userId || viewer.role === 'ADMIN';
}

/** The account's saved reports, each checked as findSavedReport checks it. */
export async function listSavedReports(ctx: Context): Promise<SavedReport[]> {
  const reports = await listReports(ctx.db, ctx.viewer.account.id);
  const context = await validationContext(ctx);
  return reports.map((report) => checked(report, context));
}

/**
 * A saved report of the caller's account; NOT_FOUND for any other id. Its stored config is checked
 * with the rules of a write: one that no longer validates is the report's `problem` (it runs only
 * once edited), never an error of the caller's or an internal one.
 */
export async function findSavedReport(ctx: Context, id: string): Promise<SavedReport> {
  const report = await ctx.reporting.savedReports.load(id);
  if (!report) throw new NotFound('report', id);
  return checked(report, await validationContext(ctx));
}

function checked(report: SavedReport, context: ValidationContext): SavedReport {
  const problem = storedReportProblem(report, context);
  return problem === report.problem ? report : { ...report, problem };
}

async function validationContext(ctx: Context): Promise<ValidationContext> {
  return { account: ctx.viewer.account, catalog: await ctx.reporting.catalog(), dialect: ctx.db.dialect };
}

export function reportRevisions(ctx: Context, id: string): Promise<ReportRevision[]> {
  return ctx.reporting.revisions.load(id);
}

export async function createSavedReport(ctx: Context, input: CreateReportInput): Promise<SavedReport> {
  requireReportEditing(ctx.viewer.account, 'Creating a custom report');
  if (input.fromDefinitionId != null) {
    const definition = catalogDefinitionInput(input.fromDefinitionId, 'fromDefinitionId');
    return saveCopy(ctx, snapshotOfDefinition(definition), definition.id, input);
  }
  if (input.name == null) throw new BadInput('name', 'is required');
  if (input.chartType == null) throw new BadInput('chartType', 'is required for a report built from scratch');
  return saveCopy(ctx, BLANK, null, input);
}

export async function updateSavedReport(ctx: Context, input: UpdateReportInput): Promise<SavedReport> {
  const report = await editable(ctx, input.id, 'Editing a report');
  return saveRevision(ctx, report, await applyChanges(ctx, report, input), 'UPDATED');
}

export async function restoreReportRevision(ctx: Context, id: string, revision: number): Promise<SavedReport> {
  const report = await editable(ctx, id, 'Editing a report');
  const target = (await reportRevisions(ctx, id)).find((r) => r.revision === revision);
  if (!target) throw new BadInput('revision', `report ${id} has no revision ${revision}`);
  // A revision saved under an older version is checked as any other write.
  const context = await validationContext(ctx);
  const problem = target.problem ?? problemOf(() => validateSnapshot(target.snapshot, context));
  if (problem) throw new BadInput('revision', `revision ${revision} of report ${id} no longer validates (${problem.message}); edit the report instead`);
  return saveRevision(ctx, report, target.snapshot, 'RESTORED');
}

export async function deleteSavedReport(ctx: Context, id: string): Promise<string> {
  const report = await findSavedReport(ctx, id);
  if (!canChangeReport(ctx.viewer, report)) throw new Forbidden('Only the owner of a report or an admin may delete it.');
  await ctx.db.transaction((tx) => deleteReportRows(tx, ctx.viewer.account.id, id));
  return id;
}

/**
 * A new saved report owned by the caller: `base` with `changes` applied. This is also how editing
 * a standard report on a dashboard works: the dashboard gets an edited copy, the catalog stays.
 */
export async function saveCopy(ctx: Context, base: ReportSnapshot, sourceDefinitionId: string | null, changes: ReportChangesInput): Promise<SavedReport> {
  const snapshot = await applyChanges(ctx, base, changes);
  const now = new Date();
  const report: SavedReport = { ...snapshot, problem: null, id: randomUUID(), ownerId: ctx.viewer.userId, sourceDefinitionId, revision: 1, createdAt: now, updatedAt: now };
  const accountId = ctx.viewer.account.id;
  await ctx.db.transaction(async (tx) => {
    await insertReport(tx, accountId, report);
    await insertRevision(tx, accountId, { reportId: report.id, revision: 1, userId: ctx.viewer.userId, action: 'CREATED', changes: [], snapshot, createdAt: now });
  });
  ctx.reporting.savedReports.prime(report.id, report);
  return report;
}

/** The report, if the caller's plan allows editing and they may change it. */
export async function editable(ctx: Context, id: string, action: string): Promise<SavedReport> {
  const report = await findSavedReport(ctx, id);
  requireReportEditing(ctx.viewer.account, action);
  if (!canChangeReport(ctx.viewer, report)) throw new Forbidden('Only the owner of a report or an admin may change it.');
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

export async function saveRevision(ctx: Context, report: SavedReport, snapshot: ReportSnapshot, action: RevisionAction): Promise<SavedReport> {
  const changes = changedFields(report, snapshot);
  if (changes.length === 0) return report;
  const now = new Date();
  const next: SavedReport = { ...report, ...snapshot, problem: null, revision: report.revision + 1, updatedAt: now };
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
async function applyChanges(ctx: Context, base: ReportSnapshot, changes: ReportChangesInput): Promise<ReportSnapshot> {
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
