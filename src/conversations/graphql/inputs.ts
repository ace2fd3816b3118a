import { Field, InputType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Channel, ConversationStatus, Sender } from '../conversation.entity';

// The objects of the import format (docs/import-format.md) as GraphQL input. Every field is a nullable scalar, enums
// and timestamps included: `ingestConversations` must reject one bad object by its index, as
// `threadline import` rejects a line, instead of GraphQL refusing the whole list. The same
// validation as import then names the field and the reason.

@InputType({ description: 'Something a conversation points at, by the id used in your inbox system.' })
export class NamedRefInput {
  @Field(() => String, { nullable: true, description: 'Your id for it (required, at most 191 characters); reports group by it.' })
  id?: string | null;

  @Field({ nullable: true, description: 'Display name. The latest name given wins; left out (or null), the stored name stays, and an id never named shows as its id until a name arrives.' })
  name?: string;
}

@InputType({ description: 'The team member a conversation is assigned to.' })
export class AssigneeInput extends NamedRefInput {
  @Field({ nullable: true, description: 'Email address. Left out, the stored address stays; an explicit null (or empty string) clears it.' })
  email?: string;
}

@InputType({ description: 'The person on the other side.' })
export class ContactInput {
  @Field({ nullable: true, description: 'Email address.' })
  email?: string;

  @Field({ nullable: true, description: 'Name.' })
  name?: string;
}

@InputType({ description: 'One message; messages may come in any order and are sorted by sentAt.' })
export class MessageInput {
  @Field({ nullable: true, description: 'Your id for the message.' })
  id?: string;

  @Field(() => String, { nullable: true, description: 'Who sent it (required): `VISITOR` (the contact), `AGENT` (a team member; the first agent message at or after the first visitor message is the first response) or `BOT` (never counts as a response).' })
  from?: Sender | null;

  @Field({ nullable: true, description: 'For AGENT messages: the id of the agent who sent it.' })
  agentId?: string;

  @Field(() => String, { nullable: true, description: 'When it was sent (required): ISO 8601 with an offset, e.g. `2026-03-01T09:15:00Z`.' })
  sentAt?: string | null;
}

@InputType({ description: 'A conversation to create or update, in the import format (see docs/import-format.md and schema/conversation.schema.json). The same id again updates it.' })
export class ConversationInput {
  @Field(() => String, { nullable: true, description: 'Your id for the conversation (required), unique within the account, at most 191 characters.' })
  id?: string | null;

  @Field(() => String, { nullable: true, description: 'Required: `CHAT` or `EMAIL` (see the Channel enum).' })
  channel?: Channel | null;

  @Field(() => NamedRefInput, { nullable: true, description: 'The inbox it arrived in (required).' })
  inbox?: NamedRefInput | null;

  @Field(() => AssigneeInput, { nullable: true, description: 'The assigned team member; null or absent means unassigned.' })
  assignee?: AssigneeInput | null;

  @Field(() => NamedRefInput, { nullable: true, description: 'The team it belongs to.' })
  team?: NamedRefInput | null;

  @Field(() => NamedRefInput, { nullable: true, description: 'The chatflow that started it (CHAT only).' })
  chatflow?: NamedRefInput | null;

  @Field({ nullable: true, description: 'The page a chat started on (CHAT only).' })
  pageUrl?: string;

  @Field(() => String, { nullable: true, description: 'Required: `OPEN` or `CLOSED` (see the ConversationStatus enum).' })
  status?: ConversationStatus | null;

  @Field(() => String, { nullable: true, description: 'When it started (required): ISO 8601 timestamp with an offset.' })
  createdAt?: string | null;

  @Field({ nullable: true, description: 'When it was closed: required when CLOSED, not earlier than createdAt.' })
  closedAt?: string;

  @Field({ nullable: true, description: 'Subject line or topic.' })
  subject?: string;

  @Field(() => ContactInput, { nullable: true, description: 'The contact.' })
  contact?: ContactInput | null;

  @Field(() => [MessageInput], { nullable: true, description: 'The messages, in any order.' })
  messages?: MessageInput[] | null;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'Custom conversation properties: a flat object of strings, numbers and booleans.' })
  properties?: Record<string, unknown> | null;
}
