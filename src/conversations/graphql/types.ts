import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Channel, ConversationStatus } from '../conversation.entity';
import { ConversationPage, ListedConversation, PageInfo as PlainPageInfo } from '../list';
import { ChannelEnum, ConversationStatusEnum } from './enums';

@ObjectType({ description: 'A team member conversations are assigned to, as named by the latest import.' })
export class Agent {
  @Field(() => ID, { description: 'The id given on import (e.g. `u-7`).' })
  externalId: string;

  @Field({ description: 'Display name.' })
  name: string;

  @Field(() => String, { nullable: true, description: 'Email address, if the import gave one.' })
  email: string | null;
}

@ObjectType({ description: 'A shared inbox conversations arrive in.' })
export class Inbox {
  @Field(() => ID, { description: 'The id given on import (e.g. `support`).' })
  externalId: string;

  @Field({ description: 'Display name.' })
  name: string;
}

@ObjectType({ description: 'A team of agents.' })
export class Team {
  @Field(() => ID, { description: 'The id given on import (e.g. `t-1`).' })
  externalId: string;

  @Field({ description: 'Display name.' })
  name: string;
}

@ObjectType({ description: 'A chatflow: the chat widget or bot that started a chat.' })
export class Chatflow {
  @Field(() => ID, { description: 'The id given on import (e.g. `cf-2`).' })
  externalId: string;

  @Field({ description: 'Display name.' })
  name: string;
}

@ObjectType({ description: 'The person on the other side of the conversation.' })
export class Contact {
  @Field(() => String, { nullable: true, description: 'Email address, if known.' })
  email: string | null;

  @Field(() => String, { nullable: true, description: 'Name, if known.' })
  name: string | null;
}

@ObjectType({ description: 'One custom conversation property of a conversation (`properties.<name>`).' })
export class CustomPropertyValue {
  @Field({ description: 'The property name as imported (without the `properties.` prefix).' })
  name: string;

  @Field({ description: 'The value as text; booleans are `true`/`false`, numbers in their shortest decimal form.' })
  value: string;
}

@ObjectType('Conversation', { description: 'One chat or email conversation of the shared inbox, as reports count it.' })
export class ConversationNode implements ListedConversation {
  @Field(() => ID, { description: 'The id given on import, unique within the account.' })
  externalId: string;

  @Field(() => ChannelEnum, { description: 'CHAT or EMAIL.' })
  channel: Channel;

  @Field(() => ConversationStatusEnum, { description: 'OPEN or CLOSED.' })
  status: ConversationStatus;

  @Field({ description: 'When the conversation started (UTC, millisecond precision).' })
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'When it was closed; null while OPEN.' })
  closedAt: Date | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Seconds from the first VISITOR message to the first AGENT message at or after it; null without a visitor message or a reply.',
  })
  firstResponseSeconds: number | null;

  @Field(() => Float, { nullable: true, description: 'Seconds from createdAt to closedAt; null while OPEN.' })
  timeToCloseSeconds: number | null;

  @Field(() => String, { nullable: true, description: 'Subject line (emails) or topic (chats).' })
  subject: string | null;

  @Field(() => String, { nullable: true, description: 'The web page a chat started on; null for emails.' })
  pageUrl: string | null;

  @Field(() => Contact, { description: 'The contact.' })
  contact: Contact;

  @Field(() => Int, { description: 'How many messages the conversation holds.' })
  messageCount: number;

  // Ids of related objects, resolved through per-request DataLoaders (not fields themselves).
  assigneeId: string | null;
  inboxId: string;
  teamId: string | null;
  chatflowId: string | null;
}

@ObjectType({ description: 'Where a page of results starts and ends, for cursor pagination (Relay\'s connection shape).' })
export class PageInfo implements PlainPageInfo {
  @Field({ description: 'Whether more results follow this page.' })
  hasNextPage: boolean;

  @Field(() => String, { nullable: true, description: 'Pass as `after` to get the next page; null on an empty page.' })
  endCursor: string | null;

  @Field({ description: 'Whether results come before this page: true when it was asked for `after` a cursor (pages go forward only).' })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true, description: 'The cursor of the first result of this page (its first edge\'s `cursor`); null on an empty page.' })
  startCursor: string | null;
}

@ObjectType({ description: 'A conversation of a page, with the cursor that pages on from it.' })
export class ConversationEdge {
  @Field({ description: 'Pass as `after` to get the conversations that follow this one.' })
  cursor: string;

  @Field(() => ConversationNode, { description: 'The conversation.' })
  node: ConversationNode;
}

@ObjectType({ description: 'A page of conversations, newest first.' })
export class ConversationConnection {
  @Field(() => Int, { description: 'How many conversations match in all pages together.' })
  totalCount(): Promise<number> {
    return this.countAll();
  }

  /** Counted only when `totalCount` is asked for: a count over millions of rows is not free. */
  countAll: () => Promise<number>;

  @Field(() => PageInfo, { description: 'Where this page ends.' })
  pageInfo: PageInfo;

  @Field(() => [ConversationNode], { description: 'The conversations of this page.' })
  nodes: ConversationNode[];

  /** The cursor of each node, in the same order. */
  cursors: string[];

  @Field(() => [ConversationEdge], { description: 'The same conversations as `nodes`, each with its cursor (for Relay-style clients such as Apollo Client\'s `relayStylePagination`).' })
  edges(): ConversationEdge[] {
    return this.nodes.map((node, i) => ({ cursor: this.cursors[i], node }));
  }
}

/** A page of the conversations service or the drill-down engine, as GraphQL shows it. */
export function conversationConnection(page: ConversationPage): ConversationConnection {
  return Object.assign(new ConversationConnection(), { nodes: page.nodes, cursors: page.cursors, pageInfo: page.pageInfo, countAll: () => page.totalCount() });
}
