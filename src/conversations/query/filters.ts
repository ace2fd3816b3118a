import { SqlDialect } from '../../db/dialect';
import { and, empty, list, raw, Sql, sql } from '../../db/sql';
import { assertNever, BadInput } from '../../errors';
import { parseInstant } from '../timestamp';
import { ConversationProperty, FilterOperator, OPERATORS_BY_TYPE, PropertyCatalog } from './properties';
import { addDays, parseLocalDate, startOfLocalDay } from '../../calendar/time';

export interface FilterSpec {
  property: string;
  operator: FilterOperator;
  values?: readonly string[] | null;
}

export interface FilterContext {
  dialect: SqlDialect;
  catalog: PropertyCatalog;
  /** Local dates in date filters (`createdAt GTE 2026-03-01`) are read in this zone. */
  timezone: string;
  /** Filters a report definition declares: a custom property the account lacks matches nothing, without error. */
  declared?: boolean;
}

/** Values of one filter, and of all filters of a request together: both stores stay far from their limits. */
const MAX_VALUES = 1000;
export const MAX_FILTERS = 50;

/** AND of all filters over `conversations c`, or `1 = 1` for none. `field` prefixes error paths. */
export function compileFilters(filters: readonly FilterSpec[], context: FilterContext, field = 'filters'): Sql {
  if (filters.length > MAX_FILTERS) throw new BadInput(field, `takes at most ${MAX_FILTERS} filters, got ${filters.length}`);
  const valueCount = filters.reduce((sum, f) => sum + (f.values?.length ?? 0), 0);
  if (valueCount > MAX_VALUES) throw new BadInput(field, `take at most ${MAX_VALUES} values together, got ${valueCount}`);
  return and(filters.map((filter, i) => compileFilter(filter, context, `${field}[${i}]`)));
}

/**
 * NEQ, NOT_IN and NOT_CONTAINS keep conversations that have no value: "assignee is not Ada"
 * includes the unassigned ones, as a support manager reading it would expect.
 */
const NEGATED: Partial<Record<FilterOperator, FilterOperator>> = { NEQ: 'EQ', NOT_IN: 'IN', NOT_CONTAINS: 'CONTAINS' };

/** One filter; `field` names it in errors, e.g. `filters[2]`. */
export function compileFilter(filter: FilterSpec, context: FilterContext, field: string): Sql {
  const property = context.declared ? context.catalog.resolveDeclared(filter.property, `${field}.property`) : context.catalog.resolve(filter.property, `${field}.property`);
  if (property.local) throw new BadInput(`${field}.property`, `${property.key} only groups reports (its value depends on the report's time zone); filter on ${property.local.date === 'c.created_at' ? 'createdAt' : 'closedAt'} instead`);
  const allowed = OPERATORS_BY_TYPE[property.type];
  if (!allowed.includes(filter.operator)) {
    throw new BadInput(`${field}.operator`, `${filter.operator} is not allowed for ${property.key} (${property.type}); use one of ${allowed.join(', ')}`);
  }
  const values = checkArity(filter.operator, filter.values ?? [], `${field}.values`);
  const positiveOperator = NEGATED[filter.operator] ?? filter.operator;
  const negate = positiveOperator !== filter.operator;
  if (property.customName !== undefined) return customCondition(property, filter.operator, positiveOperator, negate, values, context, field);
  // The column (or fixed expression) comes from the property catalog, never from the request.
  const column = raw(property.column as string);
  if (filter.operator === 'IS_KNOWN') return sql`${column} IS NOT NULL`;
  if (filter.operator === 'IS_UNKNOWN') return sql`${column} IS NULL`;
  const positive = condition(column, property, positiveOperator, values, context, field);
  return negate ? sql`${column} IS NULL OR NOT (${positive})` : positive;
}

/** Custom properties live in conversation_properties: a condition is an EXISTS on its row. */
function customCondition(property: ConversationProperty, operator: FilterOperator, positiveOperator: FilterOperator, negate: boolean, values: string[], context: FilterContext, field: string): Sql {
  const exists = (condition: Sql) => sql`EXISTS (SELECT 1 FROM conversation_properties p WHERE p.account_id = c.account_id AND p.conversation_id = c.external_id AND p.name = ${property.customName}${condition})`;
  if (operator === 'IS_KNOWN') return exists(empty);
  if (operator === 'IS_UNKNOWN') return sql`NOT ${exists(empty)}`;
  const column = raw(property.type === 'NUMBER' ? 'p.value_number' : 'p.value_text');
  const found = exists(sql` AND ${condition(column, property, positiveOperator, values, context, field)}`);
  return negate ? sql`NOT ${found}` : found;
}

function condition(column: Sql, property: ConversationProperty, operator: FilterOperator, values: string[], context: FilterContext, field: string): Sql {
  if (property.type === 'DATETIME') return dateCondition(column, operator, values, context.timezone, field);
  const bound = values.map((v, i) => toDbValue(property, v, `${field}.values[${i}]`));
  switch (operator) {
    case 'EQ': return sql`${column} = ${bound[0]}`;
    case 'IN': return sql`${column} IN (${list(bound)})`;
    case 'GT': return sql`${column} > ${bound[0]}`;
    case 'GTE': return sql`${column} >= ${bound[0]}`;
    case 'LT': return sql`${column} < ${bound[0]}`;
    case 'LTE': return sql`${column} <= ${bound[0]}`;
    case 'BETWEEN': return sql`${column} >= ${bound[0]} AND ${column} <= ${bound[1]}`;
    case 'CONTAINS': return context.dialect.likeInsensitive(column, `%${escapeLike(values[0])}%`, false);
    case 'STARTS_WITH': return context.dialect.likeInsensitive(column, `${escapeLike(values[0])}%`, false);
    default: throw new Error(`Operator ${operator} has no condition for ${property.type}`);
  }
}

/**
 * A date filter value is an instant with an offset (2026-03-01T09:00:00Z) or a local date
 * (2026-03-01) in the report's timezone, which stands for that whole local day: LTE a date
 * includes the day, GT a date starts after it.
 */
function dateCondition(column: Sql, operator: FilterOperator, values: string[], timezone: string, field: string): Sql {
  const spans = values.map((v, i) => instantSpan(v, timezone, `${field}.values[${i}]`));
  const [a, b] = spans;
  switch (operator) {
    case 'EQ': return a.start.getTime() === a.end.getTime() ? sql`${column} = ${a.start}` : sql`${column} >= ${a.start} AND ${column} < ${a.end}`;
    case 'GT': return a.start.getTime() === a.end.getTime() ? sql`${column} > ${a.start}` : sql`${column} >= ${a.end}`;
    case 'GTE': return sql`${column} >= ${a.start}`;
    case 'LT': return sql`${column} < ${a.start}`;
    case 'LTE': return a.start.getTime() === a.end.getTime() ? sql`${column} <= ${a.start}` : sql`${column} < ${a.end}`;
    case 'BETWEEN': {
      if (b.end < a.start) throw new BadInput(`${field}.values[1]`, 'must not be before values[0]');
      return b.start.getTime() === b.end.getTime() ? sql`${column} >= ${a.start} AND ${column} <= ${b.start}` : sql`${column} >= ${a.start} AND ${column} < ${b.end}`;
    }
    default: throw new Error(`Operator ${operator} has no date condition`);
  }
}

/** An instant is a point (start = end); a local date is the half-open span of that day. */
function instantSpan(value: string, timezone: string, field: string): { start: Date; end: Date } {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const day = parseLocalDate(value, field);
    return { start: startOfLocalDay(day, timezone), end: startOfLocalDay(addDays(day, 1), timezone) };
  }
  const instant = parseInstant(value);
  if (!instant) throw new BadInput(field, `${JSON.stringify(value)} is neither a date (YYYY-MM-DD) nor an ISO 8601 timestamp with an offset`);
  return { start: instant, end: instant };
}

function toDbValue(property: ConversationProperty, value: string, field: string): unknown {
  switch (property.type) {
    case 'ID':
    case 'STRING':
      return value;
    case 'ENUM':
      if (!property.enumValues?.includes(value)) throw new BadInput(field, `must be one of ${property.enumValues?.join(', ')}, not ${JSON.stringify(value)}`);
      return value;
    case 'BOOLEAN':
      if (value !== 'true' && value !== 'false') throw new BadInput(field, `must be "true" or "false", not ${JSON.stringify(value)}`);
      return value;
    case 'NUMBER':
    case 'DURATION': {
      const n = value.trim() === '' ? NaN : Number(value);
      if (!Number.isFinite(n)) throw new BadInput(field, `must be a number, not ${JSON.stringify(value)}`);
      if (property.type === 'NUMBER') return n;
      // Durations are filtered in seconds and stored in whole milliseconds; not rounding keeps
      // `GT 1.2345` strictly above 1234 ms (both stores compare integers with doubles exactly).
      // 1e308 seconds would be Infinity milliseconds, which MariaDB cannot be sent.
      if (!Number.isFinite(n * 1000)) throw new BadInput(field, `must be a number of seconds between -1e305 and 1e305, not ${JSON.stringify(value)}`);
      return n * 1000;
    }
    case 'DATETIME':
      throw new Error('dates are bound by dateCondition');
    default:
      return assertNever(property.type);
  }
}

function checkArity(operator: FilterOperator, values: readonly string[], field: string): string[] {
  const count = values.length;
  const fail = (reason: string) => {
    throw new BadInput(field, `${operator} ${reason}, got ${count}`);
  };
  if (operator === 'IS_KNOWN' || operator === 'IS_UNKNOWN') {
    if (count !== 0) fail('takes no values');
  } else if (operator === 'IN' || operator === 'NOT_IN') {
    if (count < 1 || count > MAX_VALUES) fail(`takes 1 to ${MAX_VALUES} values`);
  } else if (operator === 'BETWEEN') {
    if (count !== 2) fail('takes exactly 2 values');
  } else if (count !== 1) {
    fail('takes exactly 1 value');
  }
  return [...values];
}

/** `%`, `_` and the escape character itself match literally (both dialects escape with `\`). */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}
