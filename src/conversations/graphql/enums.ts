import { graphqlEnum } from '../../graphql/graphql-enum';
import { Channel, ConversationStatus } from '../conversation.entity';
import { FilterOperator, PropertyType } from '../query/properties';

export const ChannelEnum = graphqlEnum<Channel>('Channel', 'Where a conversation takes place.', {
  CHAT: 'Live chat on a website, possibly started by a chatflow (bot).',
  EMAIL: 'Email to a shared inbox.',
});

export const ConversationStatusEnum = graphqlEnum<ConversationStatus>('ConversationStatus', 'Whether a conversation still needs work.', {
  OPEN: 'Not closed yet.',
  CLOSED: 'Closed; it has a `closedAt`.',
});

export const PropertyTypeEnum = graphqlEnum<PropertyType>('PropertyType', 'The kind of value a conversation property holds; it decides the filter operators.', {
  ID: 'An external id (assignee, inbox, team, chatflow); labels are names.',
  STRING: 'Free text.',
  ENUM: 'One of a fixed set of values.',
  DATETIME: 'An instant; filters take local dates (YYYY-MM-DD) or ISO 8601 instants; groups by time buckets.',
  DURATION: 'A duration; filters take seconds.',
  NUMBER: 'A number.',
  BOOLEAN: 'true or false.',
});

export const FilterOperatorEnum = graphqlEnum<FilterOperator>(
  'FilterOperator',
  'How a filter compares a property with its values. `conversationProperties` lists the operators each property allows.',
  {
    EQ: 'Equal to the one value (a local date means that whole day).',
    NEQ: 'Not equal to the one value; conversations without a value are kept.',
    IN: 'Equal to any of the values.',
    NOT_IN: 'Equal to none of the values; conversations without a value are kept.',
    CONTAINS: 'Contains the one value, ignoring case.',
    NOT_CONTAINS: 'Does not contain the one value, ignoring case; conversations without a value are kept.',
    STARTS_WITH: 'Starts with the one value, ignoring case.',
    GT: 'Greater than (after) the one value.',
    GTE: 'Greater than or equal to (at or after) the one value.',
    LT: 'Less than (before) the one value.',
    LTE: 'Less than or equal to (at or before) the one value.',
    BETWEEN: 'Between the two values, both inclusive.',
    IS_KNOWN: 'Has a value (takes no values).',
    IS_UNKNOWN: 'Has no value (takes no values).',
  },
);
