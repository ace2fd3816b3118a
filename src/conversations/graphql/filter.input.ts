import { Field, InputType } from 'type-graphql';
import type { FilterSpec } from '../query/filters';
import { FilterOperator } from '../query/properties';
import { FilterOperatorEnum } from './enums';

@InputType({ description: 'One condition on a conversation property. Several filters combine with AND.' })
export class FilterInput implements FilterSpec {
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
