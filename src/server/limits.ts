import { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { getVariableValues, GraphQLError, GraphQLSchema, ValidationContext, ValidationRule } from 'graphql';
import { RequestLimits } from '../config';
import { BadInput } from '../errors';
import { Context } from './context';
import { MAX_EXPANDED_FIELDS, requestCost } from '../graphql/cost';

/**
 * The limits of one request (README "Limits"), all checked before any resolver runs: tokens while
 * parsing (graphql-js's own `maxTokens`, set in apollo.ts), depth, aliases and directives while
 * validating (GraphQL Armor), then the cost with the variables. Every refusal is a BAD_USER_INPUT
 * for `query` with HTTP 400 that says which limit and what was found: a limit that threw instead
 * would surface as an HTTP 500.
 */

/** Depth, aliases and directives, counted with fragments spread where they are used (and each cycle once). */
export function shapeRules(limits: RequestLimits): ValidationRule[] {
  const armor = (rule: (options: object) => ValidationRule, n: number, options: object = {}): ValidationRule => (context: ValidationContext) =>
    rule({ n, ...options, propagateOnRejection: false, onReject: [(_: unknown, error: GraphQLError) => context.reportError(refused(error.message))] })(context);
  return [
    // Depth of the answer: a fragment adds no level of its own, as with graphql-depth-limit before.
    armor(maxDepthRule, limits.depth, { flattenFragments: true }),
    armor(maxAliasesRule, limits.aliases),
    armor(maxDirectivesRule, limits.directives),
  ];
}

/** The cost rule: refuses an operation over `budget` before it runs, saying what it costs. */
export function costLimit(schema: GraphQLSchema, budget: number): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request }) {
          // No operation to run (an unknown operationName), or variables it refuses: execution
          // answers those as it always has, before any resolver runs.
          if (!operation || getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {}).errors) return;
          let cost: number;
          try {
            cost = requestCost(schema, document, operation.name?.value, request.variables);
          } catch (error) {
            if (!(error instanceof GraphQLError)) throw error;
            if (error.message.includes('maximum allowed number of nodes')) {
              throw new BadInput('query', `expands to more than ${MAX_EXPANDED_FIELDS} fields once its fragments are spread; split it`, HTTP_400);
            }
            // An argument its variables leave invalid: that field would fail, but its neighbours would run uncounted.
            throw new BadInput('query', error.message, HTTP_400);
          }
          if (cost > budget) {
            throw new BadInput(
              'query',
              `costs ${cost} report runs and conversation pages (budget ${budget}). Each list multiplies the runs below it by the most items it may hold ` +
                '(see its description): split the request, e.g. one dashboard(id) at a time, or pass reports(first: N).',
              { cost, budget, ...HTTP_400 },
            );
          }
        },
      };
    },
  };
}

const HTTP_400 = { http: { status: 400 } };

/** Armor's messages say the limit and what was found ("Aliases limit of 50 exceeded, found 51."). */
function refused(message: string): BadInput {
  const reason = message.replace(/^Syntax Error: /, '');
  return new BadInput('query', `${reason.charAt(0).toLowerCase()}${reason.slice(1)}`, HTTP_400);
}
