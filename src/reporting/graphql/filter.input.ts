import { Field, InputType, registerEnumType } from 'type-graphql';
import { FILTER_OPERATORS, FilterOperator } from '../properties';

export const FilterOperatorEnum = Object.fromEntries(FILTER_OPERATORS.map((op) => [op, op])) as { [K in FilterOperator]: K };

registerEnumType(FilterOperatorEnum, {
  name: 'FilterOperator',
  description: 'How a filter compares a property with its values. `conversationProperties` lists the operators each property allows.',
  valuesConfig: {
    EQ: { description: 'Equal to the one value (a local date means that whole day).' },
    NEQ: { description: 'Not equal to the one value; conversations without a value are kept.' },
    IN: { description: 'Equal to any of the values.' },
    NOT_IN: { description: 'Equal to none of the values; conversations without a value are kept.' },
    CONTAINS: { description: 'Contains the one value, ignoring case.' },
    NOT_CONTAINS: { description: 'Does not contain the one value, ignoring case; conversations without a value are kept.' },
    STARTS_WITH: { description: 'Starts with the one value, ignoring case.' },
    GT: { description: 'Greater than (after) the one value.' },
    GTE: { description: 'Greater than or equal to (at or after) the one value.' },
    LT: { description: 'Less than (before) the one value.' },
    LTE: { description: 'Less than or equal to (at or before) the one value.' },
    BETWEEN: { description: 'Between the two values, both inclusive.' },
    IS_KNOWN: { description: 'Has a value (takes no values).' },
    IS_UNKNOWN: { description: 'Has no value (takes no values).' },
  },
});

@InputType({ description: 'One condition on a conversation property. Several filters combine with AND.' })
export class FilterInput {
  @Field({ description: 'A property key from `conversationProperties`, e.g. `assignee`, `createdAt` or `properties.priority`.' })
  property: string;

  @Field(() => FilterOperatorEnum, { description: 'How the property is compared with the values.' })
  operator: FilterOperator;

  @Field(() => [String], {
    nullable: true,
    description:
      'The values to compare with, as strings: external ids for assignee, inbox, team and chatflow; seconds for durations; ' +
      '`YYYY-MM-DD` (a whole local day) or an ISO 8601 instant for dates; `true`/`false` for booleans. ' +
      'IS_KNOWN and IS_UNKNOWN take none, BETWEEN two, IN and NOT_IN one or more, the others one.',
  })
  values?: string[] | null;
}
