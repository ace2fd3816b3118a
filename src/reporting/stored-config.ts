import { BadInput } from '../errors';
import { DATE_PRESETS, StoredDateRange } from '../calendar/date-presets';
import { FilterSpec } from '../conversations/query/filters';
import { FILTER_OPERATORS, FilterOperator } from '../conversations/query/properties';

/**
 * Reading back what saved reports and dashboards store as JSON. A row may have been written under
 * an older version (a measure or property since renamed) or damaged by hand: reading never throws,
 * so one such row cannot take a list down. It gives what can be read and the first problem, named
 * by field as the write would have named it; the services check the rest with the write's own rules.
 */

/** What is wrong with a stored configuration: the field, and a message that starts with it (as BadInput's). */
export interface ConfigProblem {
  field: string;
  message: string;
}

/** Collects the first problem while the fields of a stored object are read. */
export class StoredReader {
  problem: ConfigProblem | null = null;

  fail(field: string, reason: string): void {
    this.problem ??= { field, message: `${field}: ${reason}` };
  }

  /** The parsed JSON of a column; undefined (and the problem) when it is not JSON. */
  json(text: unknown, field: string): unknown {
    try {
      return JSON.parse(String(text));
    } catch {
      this.fail(field, 'is not valid JSON');
      return undefined;
    }
  }

  /** `value` when `valid` says so, else `fallback` and the problem. */
  field<T>(value: unknown, valid: (v: unknown) => v is T, fallback: T, field: string, expected: string): T {
    if (valid(value)) return value;
    this.fail(field, `is not ${expected}: ${JSON.stringify(value) ?? 'missing'}`);
    return fallback;
  }

  filters(value: unknown, field = 'filters'): FilterSpec[] {
    return this.field(value, isFilterList, [], field, 'a list of filters ({property, operator, values})');
  }

  dateRange(value: unknown, field = 'dateRange'): StoredDateRange | null {
    return this.field(value, (v): v is StoredDateRange | null => v === null || isStoredRange(v), null, field, 'a preset or from and to dates');
  }
}

/** Runs a write's validation again: the problem it would have refused the object for, or null. */
export function problemOf(validate: () => void): ConfigProblem | null {
  try {
    validate();
    return null;
  } catch (error) {
    if (error instanceof BadInput) return { field: error.field, message: error.message };
    throw error;
  }
}

export const isString = (v: unknown): v is string => typeof v === 'string';
export const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);
export const oneOf = <T extends string>(values: readonly T[]) => (v: unknown): v is T => typeof v === 'string' && (values as readonly string[]).includes(v);
export const orNull = <T>(valid: (v: unknown) => v is T) => (v: unknown): v is T | null => v === null || valid(v);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function isFilterList(value: unknown): value is FilterSpec[] {
  return Array.isArray(value) && value.every((f) => isObject(f) && isString(f.property) && isString(f.operator) && (f.values === undefined || f.values === null || isStringList(f.values)));
}

function isStoredRange(value: unknown): value is StoredDateRange {
  if (!isObject(value)) return false;
  return 'preset' in value ? oneOf(DATE_PRESETS)(value.preset) : isString(value.from) && isString(value.to);
}

/** The filters a client can be shown: those with an operator the schema still has. */
export function describableFilters(filters: readonly FilterSpec[]): FilterSpec[] {
  return filters.filter((f): f is FilterSpec & { operator: FilterOperator } => oneOf(FILTER_OPERATORS)(f.operator));
}
