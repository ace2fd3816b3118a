import { BadInput } from '../errors';
import { ReportingCaller } from './caller';
import { catalogDefinition } from './catalog/registry';
import { DATE_PRESETS, DatePreset, parseStoredRange, StoredDateRange } from '../calendar/date-presets';
import { reportCsv } from './engine/csv';
import { FilterSpec } from '../conversations/query/filters';
import { FILTER_OPERATORS, FilterOperator } from '../conversations/query/properties';
import { findSavedReport } from './saved/service';
import { runSource } from './service';
import { ReportSource, savedSource, catalogSource } from './source';
import { GRANULARITIES, Granularity } from '../calendar/time';

/** Which report an export runs: one of the catalog, or a saved report the caller may view. */
export type ExportTarget = { definitionId: string } | { reportId: string };

/**
 * The arguments of an exported run, as BI tools send them in a URL: each one a single string
 * (`from`, `to`, `preset`, `timezone`, `granularity`, `channel`, and `filters` as a JSON array of
 * FilterInput). They mean what RunReportInput's fields mean; `preset` is a rolling range
 * resolved in the run's timezone, like a saved report's.
 */
export type ExportParams = Readonly<Record<string, unknown>>;

export const EXPORT_PARAMS = ['from', 'to', 'preset', 'timezone', 'granularity', 'channel', 'filters'] as const;

/** Runs a report for export and answers its rows as CSV with an id and a label column per dimension. */
export async function exportReportCsv(ctx: ReportingCaller, target: ExportTarget, params: ExportParams): Promise<string> {
  const run = parseParams(params);
  const source: ReportSource =
    'definitionId' in target ? catalogSource(catalogDefinition(target.definitionId)) : savedSource(await findSavedReport(ctx, target.reportId));
  const result = await runSource(ctx, run.range ? { ...source, dateRange: run.range } : source, run.options, 'export');
  return reportCsv(result, { ids: true });
}

function parseParams(params: ExportParams) {
  for (const name of Object.keys(params)) {
    if (!(EXPORT_PARAMS as readonly string[]).includes(name)) throw new BadInput(name, `is not a parameter of a report export (${EXPORT_PARAMS.join(', ')})`);
  }
  const text = (name: (typeof EXPORT_PARAMS)[number]): string | null => {
    const value = params[name];
    if (value === undefined) return null;
    if (typeof value !== 'string') throw new BadInput(name, 'must be given once, as text');
    return value;
  };
  const oneOf = <T extends string>(name: (typeof EXPORT_PARAMS)[number], allowed: readonly T[]): T | null => {
    const value = text(name);
    if (value === null) return null;
    if (!(allowed as readonly string[]).includes(value)) throw new BadInput(name, `must be one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`);
    return value as T;
  };
  const preset = oneOf<DatePreset>('preset', DATE_PRESETS);
  const from = text('from');
  const to = text('to');
  // A preset becomes the report's own range, resolved in the run's timezone; dates are the run's.
  const range: StoredDateRange | null = preset || from !== null || to !== null ? parseStoredRange({ preset, from, to }, 'dateRange') : null;
  const channel = oneOf('channel', ['CHAT', 'EMAIL'] as const);
  const filters = [...parseFilters(text('filters')), ...(channel ? [{ property: 'channel', operator: 'EQ' as const, values: [channel] }] : [])];
  return {
    range: range && 'preset' in range ? range : null,
    options: {
      dateRange: range && !('preset' in range) ? range : null,
      timezone: text('timezone'),
      granularity: oneOf<Granularity>('granularity', GRANULARITIES),
      filters,
    },
  };
}

/** `filters` as JSON: an array of `{property, operator, values?}` objects, as FilterInput takes them. */
function parseFilters(json: string | null): FilterSpec[] {
  if (json === null) return [];
  const refused = (why: string) => new BadInput('filters', `must be a JSON array of {"property", "operator", "values"} objects: ${why}`);
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw refused('it is not JSON');
  }
  if (!Array.isArray(value)) throw refused('it is not an array');
  return value.map((item: unknown, i) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) throw refused(`item ${i} is not an object`);
    const { property, operator, values, ...rest } = item as Record<string, unknown>;
    const extra = Object.keys(rest);
    if (extra.length > 0) throw new BadInput(`filters[${i}].${extra[0]}`, 'is not a field of a filter (property, operator, values)');
    if (typeof property !== 'string') throw new BadInput(`filters[${i}].property`, 'must be a string');
    if (typeof operator !== 'string' || !(FILTER_OPERATORS as readonly string[]).includes(operator)) {
      throw new BadInput(`filters[${i}].operator`, `must be one of ${FILTER_OPERATORS.join(', ')}`);
    }
    if (values !== undefined && values !== null && (!Array.isArray(values) || values.some((v) => typeof v !== 'string'))) {
      throw new BadInput(`filters[${i}].values`, 'must be an array of strings');
    }
    return { property, operator: operator as FilterOperator, values: (values as string[] | null | undefined) ?? null };
  });
}
