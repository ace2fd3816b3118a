import { existsSync, readdirSync, statSync } from 'node:fs';
import { settings } from '../../config';
import { join, resolve } from 'node:path';
import { CHANNELS } from '../../conversations/conversation.entity';
import { isCustomPropertyName } from '../../conversations/property-name';
import { BadInput, NotFound, ThreadlineError } from '../../errors';
import { compileFilter, FilterSpec } from '../filters';
import { sqliteDialect } from '../../db/dialects/sqlite';
import { builtinProperty, CUSTOM_PREFIX, FILTER_OPERATORS, PropertyCatalog } from '../properties';
import { GRANULARITIES } from '../time';
import { isMeasureKey } from '../engine/measures';
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
  readonly problems: PluginProblem[] = [];
  private frozen = false;

  /** Validates and adds a definition; a broken one is recorded in `problems` and left out. */
  register(candidate: unknown, source: string): boolean {
    if (this.frozen) throw new Error(`Cannot register report plugin ${source}: the catalog is frozen once the server starts`);
    const id = typeof (candidate as { id?: unknown })?.id === 'string' ? (candidate as { id: string }).id : undefined;
    const problem = definitionProblem(candidate) ?? (id && this.definitions.has(id) ? `duplicate report id "${id}" (already registered by another plugin)` : null);
    if (problem) {
      this.problems.push({ source, id, message: problem });
      return false;
    }
    const definition = candidate as ReportDefinition;
    this.definitions.set(definition.id, Object.freeze({ ...definition }));
    return true;
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
export function definitionProblem(candidate: unknown): string | null {
  if (typeof candidate !== 'object' || candidate === null) return 'does not export a report definition object';
  const d = candidate as Partial<Record<keyof ReportDefinition, unknown>>;
  if (typeof d.id !== 'string' || !ID.test(d.id)) return `id must be kebab-case (e.g. "chat-volume-by-assignee"), got ${JSON.stringify(d.id)}`;
  for (const field of ['title', 'description'] as const) {
    if (typeof d[field] !== 'string' || (d[field] as string).trim() === '') return `${field} must be a non-empty string`;
  }
  if (d.channel !== null && !(CHANNELS as readonly unknown[]).includes(d.channel)) return `channel must be CHAT, EMAIL or null, got ${JSON.stringify(d.channel)}`;
  if (!Array.isArray(d.measures) || d.measures.length === 0) return 'measures must list at least one measure';
  const unknownMeasure = d.measures.find((m) => typeof m !== 'string' || !isMeasureKey(m));
  if (unknownMeasure !== undefined) return `unknown measure ${JSON.stringify(unknownMeasure)}`;
  if (new Set(d.measures).size !== d.measures.length) return 'measures lists a measure twice';
  if (!Array.isArray(d.dimensions) || d.dimensions.length > MAX_DIMENSIONS) return `dimensions must be an array of at most ${MAX_DIMENSIONS} property keys`;
  for (const key of d.dimensions) {
    const problem = dimensionProblem(key);
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

function dimensionProblem(key: unknown): string | null {
  if (typeof key !== 'string') return `dimension ${JSON.stringify(key)} is not a property key`;
  if (key.startsWith(CUSTOM_PREFIX)) return isCustomPropertyName(key.slice(CUSTOM_PREFIX.length)) ? null : `dimension "${key}" is not a valid custom property key`;
  const property = builtinProperty(key);
  if (!property) return `unknown property "${key}" in dimensions`;
  if (!property.groupable && property.type !== 'DATETIME') return `property "${key}" cannot be a dimension (it is a ${property.type.toLowerCase()}; measure it instead)`;
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
  for (const file of pluginFiles(BUILTIN_PLUGIN_DIR)) registerModule(registry, file);
  for (const entry of extra) {
    // A folder or file that exists (relative to the working directory) is a path; anything else a package name.
    const path = resolve(entry);
    if (existsSync(path) && statSync(path).isDirectory()) {
      for (const file of pluginFiles(path)) registerModule(registry, file);
    } else if (existsSync(path)) {
      registerModule(registry, path);
    } else {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- plugins are named at run time
      registerModule(registry, entry, () => require(require.resolve(entry, { paths: [process.cwd()] })));
    }
  }
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

/** A module may export one definition or a list, as `default`, `module.exports` or `reports`. */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- plugin files are found at run time
function registerModule(registry: ReportRegistry, source: string, load: () => unknown = () => require(source)): void {
  let exported: unknown;
  try {
    exported = load();
  } catch (error) {
    registry.problems.push({ source, message: `could not be loaded: ${(error as Error).message.split('\n')[0]}` });
    return;
  }
  const module = exported as { default?: unknown; reports?: unknown };
  const value = module?.default ?? module?.reports ?? exported;
  for (const definition of Array.isArray(value) ? value : [value]) registry.register(definition, source);
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
