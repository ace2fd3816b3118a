import { DocumentNode, GraphQLSchema } from 'graphql';
import { ComplexityEstimatorArgs, fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';

/**
 * What a request costs, in report runs and conversation pages (README "Limits"). A field that runs
 * a report or reads conversations declares its cost where it is declared, with one of the helpers
 * below as its type-graphql options (they set `complexity`, which graphql-query-complexity reads,
 * and say the cost in the field's description). A list above such a field multiplies it by the
 * most items the list can hold; every other field costs nothing. A unit test walks the schema and
 * fails on a report result or conversation page without a cost, or a list above one without a
 * multiplier, so a field added later cannot be forgotten.
 */

type Complexity = number | ((args: ComplexityEstimatorArgs) => number);

/** The options a costed field spreads into @Query, @Mutation, @FieldResolver or @Field. */
export interface CostedField {
  description: string;
  complexity: Complexity;
}

/** A field that runs one report, or reads one page of conversations. */
export function runsOnce(description: string): CostedField {
  return { description: `${description} Counts 1 toward the request's cost budget.`, complexity: 1 };
}

/** A field that works through a list argument: 1 per `per` items of `argument`, at least 1. */
export function costsPer(per: number, argument: string, description: string): CostedField {
  return {
    description: `${description} Counts 1 toward the request's cost budget per ${per} entries of \`${argument}\` (at least 1).`,
    complexity: ({ args }) => Math.max(1, Math.ceil(listLength(args[argument]) / per)),
  };
}

/** A list of at most `max` items: what the fields below it cost counts `max` times. */
export function listOfAtMost(max: number, description: string): CostedField {
  return {
    description: `${description} At most ${max}, so report runs asked for below it count ${max} times toward the request's cost budget.`,
    complexity: ({ childComplexity }) => childComplexity * max,
  };
}

/**
 * A list paged by `argument` (1 to `max`): what the fields below it cost counts as many times as
 * the page asks for, and `max` times without the argument.
 */
export function pagedBy(argument: string, max: number, description: string): CostedField {
  return {
    description: `${description} Report runs asked for below it count \`${argument}\` times toward the request's cost budget (${max} times without it).`,
    complexity: ({ args, childComplexity }) => {
      const size = args[argument];
      return childComplexity * (typeof size === 'number' && size >= 1 && size <= max ? size : max);
    },
  };
}

function listLength(value: unknown): number {
  return Array.isArray(value) ? value.length : 1;
}

/**
 * Fields once fragments are spread out, counted while costing: a few fragments spread in each
 * other several times each could expand to billions of fields, which nothing may walk.
 */
export const MAX_EXPANDED_FIELDS = 10_000;

/**
 * The cost of the operation `operationName` of a valid document with its variables, every fragment
 * spread counted where it is spread and fields skipped by @skip/@include left out. Throws a
 * GraphQLError for variables the operation refuses or a document that expands too far.
 */
export function requestCost(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown> | undefined): number {
  return getComplexity({
    schema,
    query: document,
    operationName,
    variables,
    estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 0 })],
    maxQueryNodes: MAX_EXPANDED_FIELDS,
  });
}
