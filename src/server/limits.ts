import { ASTVisitor, ValidationContext, ValidationRule } from 'graphql';
import { BadInput } from '../errors';

/** Fields that each run at least one query over an account's conversations. */
const EXPENSIVE_FIELDS = new Set(['runReport', 'drilldown', 'conversations', 'ingestConversations']);

/** Enough for a dashboard of reports in one request, far from what would stall the server. */
export const MAX_EXPENSIVE_FIELDS = 25;

/**
 * Refuses an operation that asks for more report runs, drill-downs or conversation pages than
 * MAX_EXPENSIVE_FIELDS (aliases count one each): the depth limit alone lets one request run
 * hundreds of reports, and embedded SQLite answers one query at a time.
 */
export const expensiveFieldLimit: ValidationRule = (context: ValidationContext): ASTVisitor => {
  let count = 0;
  return {
    Field(node) {
      if (!EXPENSIVE_FIELDS.has(node.name.value)) return;
      count++;
      if (count === MAX_EXPENSIVE_FIELDS + 1) {
        context.reportError(new BadInput('query', `asks for more than ${MAX_EXPENSIVE_FIELDS} report runs, drill-downs and conversation pages in one request; split it`));
      }
    },
  };
};
