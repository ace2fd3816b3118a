import { existsSync, readdirSync, statSync } from 'node:fs';
import { settings } from '../../config';
import { join, resolve } from 'node:path';
import { CHANNELS } from '../../conversations/conversation.entity';
import { isCustomPropertyName } from '../../conversations/property-name';
import { BadInput, NotFound, ThreadlineError } from '../../errors';
import { compileFilter, FilterSpec } from '../../conversations/query/filters';
import { sqliteDialect } from '../../db/dialects/sqlite';
import { builtinProperty, CUSTOM_PREFIX, FILTER_OPERATORS, PropertyCatalog } from '../../conversations/query/properties';
import { GRANULARITIES } from '../../calendar/time';
import { AGGREGATE_KINDS, CORE_MEASURES, isCoreMeasureKey, MEASURE_KINDS, MEASURE_UNITS, MeasureDefinition, MeasureLookup } from '../engine/measures';
import { chartProblem } from './chart';
import { CHART_TYPES, ReportDefinition } from './definition';

/** THREADLINE_PLUGINS as a list (read with the other settings in config). */
export { parsePluginList } from '../../config';

/** A plugin that was not registered, and why: reported by name, the others still load. */
export interface PluginProblem {
  source: string;
  id?: string;
  message: string;
}

export const MAX_DIMENSIONS = 2;
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The report catalog. Plugins register during start-up; `freeze()` closes registration before the
 * schema is served, and later registration throws: a catalog that changes under running clients
 * would make saved reports and dashboards point at nothing.
 */
export class ReportRegistry {
  private readonly definitions = new Map<string, ReportDefinition>();
  private readonly measureDefinitions = new Map<string, MeasureDefinition>(CORE_MEASURES.map((m) => [m.key, m]));
  readonly problems: PluginProblem[] = [];
  private frozen = false;

  /** Validates and adds a definition; a broken one is recorded in `problems` and left out. */
  register(candidate: unknown, source: string): boolean {
    if (this.frozen) throw new Error(`Cannot register report plugin ${source}: the catalog is frozen once the server starts`);
    const id = typeof (candidate as { id?: unknown })?.id === 'string' ? (candidate as { id: string }).id : undefined;
    const problem = definitionProblem(candidate, this.measureLookup) ?? (id && this.definitions.has(id) ? `duplicate report id "${id}" (already registered by another plugin)` : null);
    if (problem) {
      this.problems.push({ source, id, message: problem });
      return false;
    }
    const definition = candidate as ReportDefinition;
    this.definitions.set(definition.id, Object.freeze({ ...definition }));
    return true;
  }

  /**
   * Validates and adds a measure definition; a broken one is recorded in `problems` (by its key)
   * and left out, and so is every report that measures it.
   */
  registerMeasure(candidate: unknown, source: string): boolean {
    if (this.frozen) throw new Error(`Cannot register measure plugin ${source}: the catalog is frozen once the server starts`);
    const key = typeof (candidate as { key?: unknown })?.key === 'string' ? (candidate as { key: string }).key : undefined;
    const problem = measureProblem(candidate, this.measureLookup) ?? (key && this.measureDefinitions.has(key) ? `duplicate measure key "${key}" (already defined${isCoreMeasureKey(key) ? ' by core' : ' by another plugin'})` : null);
    if (problem) {
      this.problems.push({ source, id: key, message: `measure: ${problem}` });
      return false;
    }
    const definition = candidate as MeasureDefinition;
    this.measureDefinitions.set(definition.key, Object.freeze({ ...definition }));
    return true;
  }

  /** A measure definition by key: core's and the plugins'. */
  readonly measureLookup: MeasureLookup = (key) => this.measureDefinitions.get(key);

  /** Every measure, core's first, then the plugins' in registration order. */
  measures(): MeasureDefinition[] {
    return [...this.measureDefinitions.values()];
  }

  freeze(): this {
    this.frozen = true;
    return this;
  }

  get(id: string): ReportDefinition | undefined {
    return this.definitions.get(id);
  }

  list(): ReportDefinition[] {
    return [...this.definitions.values()];
  }
}

/** Why a plugin's export is not a valid report definition, or null. */
export function definitionProblem(candidate: unknown, measures: MeasureLookup = (key) => CORE_MEASURES.find((m) => m.key === key)): string | null {
  if (typeof candidate !== 'object' || candidate === null) return 'does not export a report definition object';
  const d = candidate as Partial<Record<keyof ReportDefinition, unknown>>;
  if (typeof d.id !== 'string' || !ID.test(d.id)) return `id must be kebab-case (e.g. "chat-volume-by-assignee"), got ${JSON.stringify(d.id)}`;
  for (const field of ['title', 'description'] as const) {
    if (typeof d[field] !== 'string' || (d[field] as string).trim() === '') return `${field} must be a non-empty string`;
  }
  if (d.channel !== null && !(CHANNELS as readonly unknown[]).includes(d.channel)) return `channel must be CHAT, EMAIL or null, got ${JSON.stringify(d.channel)}`;
  if (!Array.isArray(d.measures) || d.measures.length === 0) return 'measures must list at least one measure';
  const unknownMeasure = d.measures.find((m) => typeof m !== 'string' || !measures(m));
  if (unknownMeasure !== undefined) return `unknown measure ${JSON.stringify(unknownMeasure)}`;
  if (new Set(d.measures).size !== d.measures.length) return 'measures lists a measure twice';
  if (!Array.isArray(d.dimensions) || d.dimensions.length > MAX_DIMENSIONS) return `dimensions must be an array of at most ${MAX_DIMENSIONS} property keys`;
  const ranges = rangesProblem(d.ranges, d.dimensions);
  if (ranges) return ranges;
  for (const key of d.dimensions) {
    const problem = dimensionProblem(key, (d.ranges as Record<string, unknown> | undefined)?.[key as string] !== undefined);
    if (problem) return problem;
  }
  if (new Set(d.dimensions).size !== d.dimensions.length) return 'dimensions lists a property twice';
  const timeDimensions = d.dimensions.filter((k) => builtinProperty(k)?.type === 'DATETIME').length;
  if (timeDimensions > 1) return 'at most one dimension may be a date (time buckets)';
  if (d.dateProperty !== 'createdAt' && d.dateProperty !== 'closedAt') return `dateProperty must be createdAt or closedAt, got ${JSON.stringify(d.dateProperty)}`;
  if (!(CHART_TYPES as readonly unknown[]).includes(d.defaultChartType)) return `defaultChartType must be one of ${CHART_TYPES.join(', ')}, got ${JSON.stringify(d.defaultChartType)}`;
  const chart = chartProblem(d.defaultChartType as ReportDefinition['defaultChartType'], d.dimensions.length, d.measures.length);
  if (chart) return `defaultChartType: ${chart}`;
  if (timeDimensions === 1 && !(GRANULARITIES as readonly unknown[]).includes(d.defaultGranularity)) return `a date dimension needs defaultGranularity, one of ${GRANULARITIES.join(', ')}`;
  if (timeDimensions === 0 && d.defaultGranularity !== undefined) return 'defaultGranularity is only for reports with a date dimension';
  return defaultFiltersProblem(d.defaultFilters);
}

const MEASURE_KEY = /^[a-z][A-Za-z0-9]*$/;
const NUMERIC_TYPES: ReadonlySet<string> = new Set(['DURATION', 'NUMBER']);

/**
 * Why a plugin's export is not a valid measure definition, or null. Property keys are checked
 * against the built-ins (a number or a duration) or as custom keys, whose type is only known per
 * account: a custom property without numbers has no values to aggregate. A ratio's parts must be
 * measures registered before it, neither a ratio nor a percentile (those need values of their own).
 */
export function measureProblem(candidate: unknown, measures: MeasureLookup): string | null {
  if (typeof candidate !== 'object' || candidate === null) return 'is not a measure definition object';
  const m = candidate as Record<string, unknown>;
  if (typeof m.key !== 'string' || !MEASURE_KEY.test(m.key)) return `key must be camelCase letters and digits (e.g. "avgCsat"), got ${JSON.stringify(m.key)}`;
  if (typeof m.label !== 'string' || m.label.trim() === '') return 'label must be a non-empty string';
  if (!(MEASURE_UNITS as readonly unknown[]).includes(m.unit)) return `unit must be one of ${MEASURE_UNITS.join(', ')}, got ${JSON.stringify(m.unit)}`;
  if (!(MEASURE_KINDS as readonly unknown[]).includes(m.kind)) return `kind must be one of ${MEASURE_KINDS.join(', ')}, got ${JSON.stringify(m.kind)}`;
  if (m.kind === 'count') {
    if (m.unit !== 'COUNT') return 'a count has unit COUNT';
    const where = defaultFiltersProblem(m.where);
    return where && where.replace('defaultFilters', 'where');
  }
  if (m.kind === 'ratio') {
    if (m.unit !== 'PERCENT' && m.unit !== 'NUMBER') return 'a ratio has unit PERCENT or NUMBER';
    for (const part of ['numerator', 'denominator'] as const) {
      const key = m[part];
      const found = typeof key === 'string' ? measures(key) : undefined;
      if (!found) return `${part} must be the key of a measure registered before this one, got ${JSON.stringify(key)}`;
      if (found.kind === 'ratio' || found.kind === 'percentile') return `${part} "${key as string}" is a ${found.kind}; a ratio divides counts, sums, averages, minima or maxima`;
    }
    return null;
  }
  if (m.kind === 'percentile' && (typeof m.p !== 'number' || !(m.p >= 0 && m.p <= 100))) return `p must be a number from 0 to 100, got ${JSON.stringify(m.p)}`;
  if (typeof m.property !== 'string') return `a ${m.kind as string} needs property: the key of a number or duration property`;
  if (m.property.startsWith(CUSTOM_PREFIX)) {
    if (!isCustomPropertyName(m.property.slice(CUSTOM_PREFIX.length))) return `property "${m.property}" is not a valid custom property key`;
    return m.unit === 'NUMBER' ? null : 'a custom property is a number: unit NUMBER';
  }
  const property = builtinProperty(m.property);
  if (!property || !NUMERIC_TYPES.has(property.type)) return `property must be a number or duration property (${AGGREGATE_KINDS.join(', ')} and percentile aggregate numbers), got ${JSON.stringify(m.property)}`;
  const unit = property.type === 'DURATION' ? 'SECONDS' : 'NUMBER';
  return m.unit === unit ? null : `${m.property} is a ${property.type.toLowerCase()}: unit ${unit}`;
}

/** At most this many bounds (21 ranges) per dimension. */
const MAX_RANGE_BOUNDS = 20;

/** `ranges`: for dimensions of the report that are numbers, durations or custom properties, ascending finite bounds. */
function rangesProblem(ranges: unknown, dimensions: readonly unknown[]): string | null {
  if (ranges === undefined) return null;
  if (typeof ranges !== 'object' || ranges === null || Array.isArray(ranges)) return 'ranges must be an object of property key → ascending bounds';
  for (const [key, bounds] of Object.entries(ranges)) {
    if (!dimensions.includes(key)) return `ranges.${key}: not a dimension of this report`;
    const property = builtinProperty(key);
    if (!key.startsWith(CUSTOM_PREFIX) && !(property && NUMERIC_TYPES.has(property.type))) return `ranges.${key}: only numbers, durations and custom properties are cut into ranges`;
    if (!Array.isArray(bounds) || bounds.length === 0 || bounds.length > MAX_RANGE_BOUNDS) return `ranges.${key} must list 1 to ${MAX_RANGE_BOUNDS} bounds`;
    if (!bounds.every((b, i) => typeof b === 'number' && Number.isFinite(b) && (i === 0 || b > bounds[i - 1]))) return `ranges.${key} must be finite numbers in ascending order, got ${JSON.stringify(bounds)}`;
  }
  return null;
}

function dimensionProblem(key: unknown, ranged = false): string | null {
  if (typeof key !== 'string') return `dimension ${JSON.stringify(key)} is not a property key`;
  if (key.startsWith(CUSTOM_PREFIX)) return isCustomPropertyName(key.slice(CUSTOM_PREFIX.length)) ? null : `dimension "${key}" is not a valid custom property key`;
  const property = builtinProperty(key);
  if (!property) return `unknown property "${key}" in dimensions`;
  if (!property.groupable && property.type !== 'DATETIME' && !ranged) return `property "${key}" cannot be a dimension (it is a ${property.type.toLowerCase()}; measure it instead)`;
  return null;
}

/**
 * Default filters are checked once here, so a bad default fails at start-up. Filters on built-in
 * properties are compiled; a custom property's type is known only per account, so for those the
 * shape and operator are checked here and the rest when the report runs.
 */
function defaultFiltersProblem(filters: unknown): string | null {
  if (filters === undefined) return null;
  if (!Array.isArray(filters)) return 'defaultFilters must be an array';
  const context = { dialect: sqliteDialect, catalog: new PropertyCatalog(new Map()), timezone: 'UTC' };
  for (const [i, filter] of filters.entries()) {
    const field = `defaultFilters[${i}]`;
    const f = filter as Partial<Record<keyof FilterSpec, unknown>> | null;
    if (typeof f !== 'object' || f === null) return `${field} must be an object { property, operator, values }`;
    if (typeof f.property !== 'string') return `${field}.property must be a property key string`;
    if (f.values !== undefined && f.values !== null && !(Array.isArray(f.values) && f.values.every((v) => typeof v === 'string'))) {
      return `${field}.values must be a list of strings`;
    }
    if (f.property.startsWith(CUSTOM_PREFIX)) {
      if (!isCustomPropertyName(f.property.slice(CUSTOM_PREFIX.length))) return `${field}.property "${f.property}" is not a valid custom property key`;
      if (!(FILTER_OPERATORS as readonly unknown[]).includes(f.operator)) return `${field}.operator must be one of ${FILTER_OPERATORS.join(', ')}, got ${JSON.stringify(f.operator)}`;
      continue;
    }
    try {
      compileFilter(f as FilterSpec, context, field);
    } catch (error) {
      if (error instanceof ThreadlineError) return error.message;
      throw error;
    }
  }
  return null;
}

/** Where the standard plugins live, in the source tree and in dist/ alike. */
export const BUILTIN_PLUGIN_DIR = resolve(__dirname, '../../../plugins');

/**
 * The catalog: every plugin file of `plugins/`, then each entry of THREADLINE_PLUGINS (comma-separated
 * folders of plugin files, or npm package names), registered in that order and frozen.
 */
export function loadReportCatalog(extra: readonly string[] = settings().plugins): ReportRegistry {
  const registry = new ReportRegistry();
  const modules: LoadedModule[] = [];
  for (const file of pluginFiles(BUILTIN_PLUGIN_DIR)) modules.push(loadModule(registry, file));
  for (const entry of extra) {
    // A folder or file that exists (relative to the working directory) is a path; anything else a package name.
    const path = resolve(entry);
    if (existsSync(path) && statSync(path).isDirectory()) {
      for (const file of pluginFiles(path)) modules.push(loadModule(registry, file));
    } else if (existsSync(path)) {
      modules.push(loadModule(registry, path));
    } else {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- plugins are named at run time
      modules.push(loadModule(registry, entry, () => require(require.resolve(entry, { paths: [process.cwd()] }))));
    }
  }
  // Every measure before any report, so a report may measure what a later plugin defines.
  for (const { source, measures } of modules) for (const measure of measures) registry.registerMeasure(measure, source);
  for (const { source, reports } of modules) for (const report of reports) registry.register(report, source);
  return registry.freeze();
}

/** Plugin modules of a folder: `.js` (and `.ts` where a TypeScript loader runs, as in the tests). */
function pluginFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const typescript = __filename.endsWith('.ts');
  return readdirSync(dir)
    .filter((name) => /\.(c?js)$/.test(name) || (typescript && name.endsWith('.ts') && !name.endsWith('.d.ts')))
    .filter((name) => !/^index\./.test(name))
    .sort()
    .map((name) => join(dir, name));
}

interface LoadedModule {
  source: string;
  measures: unknown[];
  reports: unknown[];
}

/**
 * A module may export one report definition or a list, as `default`, `module.exports` or
 * `reports`, and measure definitions as `measures` (one or a list) beside them. A module that
 * exports only measures defines no report.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- plugin files are found at run time
function loadModule(registry: ReportRegistry, source: string, load: () => unknown = () => require(source)): LoadedModule {
  let exported: unknown;
  try {
    exported = load();
  } catch (error) {
    registry.problems.push({ source, message: `could not be loaded: ${(error as Error).message.split('\n')[0]}` });
    return { source, measures: [], reports: [] };
  }
  const module = exported as { default?: unknown; reports?: unknown; measures?: unknown } | null;
  const list = (value: unknown) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
  // A report definition exported as the module itself has `measures` of its own: keys, not definitions.
  if (typeof (module as { id?: unknown } | null)?.id === 'string') return { source, measures: [], reports: [exported] };
  const measures = list(module?.measures);
  const onlyMeasures = module?.default === undefined && module?.reports === undefined && module?.measures !== undefined;
  const reports = onlyMeasures ? [] : list(module?.default ?? module?.reports ?? exported);
  return { source, measures, reports };
}

let catalog: ReportRegistry | undefined;

/** The process's catalog, loaded on first use. */
export function reportCatalog(): ReportRegistry {
  catalog ??= loadReportCatalog();
  return catalog;
}

/** A report of the catalog a caller names by id; NOT_FOUND for any other. */
export function catalogDefinition(id: string): ReportDefinition {
  const definition = reportCatalog().get(id);
  if (!definition) throw new NotFound('report definition', id);
  return definition;
}

/** The same for an id given in an input field that must name one: BAD_USER_INPUT on `field`. */
export function catalogDefinitionInput(id: string, field: string): ReportDefinition {
  const definition = reportCatalog().get(id);
  if (!definition) throw new BadInput(field, `no report ${JSON.stringify(id)} in the catalog (see reportDefinitions)`);
  return definition;
}
