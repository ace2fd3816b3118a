import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { globalId } from '../../global-id';
import { Context } from '../../server/context';
import { costsPer, runsOnce } from '../../graphql/cost';
import { FilterInput } from './filter.input';
import { ingest, listConversations } from '../service';
import { ConversationInput } from './inputs';
import { IngestResult } from './results';
import { Agent, Chatflow, ConversationConnection, conversationConnection, ConversationNode, CustomPropertyValue, Inbox, Team } from './types';

@Resolver(() => ConversationNode)
export class ConversationResolver {
  @Query(() => ConversationConnection, runsOnce('Conversations of your account that pass every filter, newest first, cursor-paged.'))
  async conversations(
    @Ctx() ctx: Context,
    @Arg('filters', () => [FilterInput], { nullable: true, description: 'Conditions that must all hold (AND).' }) filters?: FilterInput[] | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size: 1 to 500, default 50.' }) first?: number | null,
    @Arg('after', () => String, { nullable: true, description: 'The `pageInfo.endCursor` of the previous page.' }) after?: string | null,
    @Arg('timezone', () => String, { nullable: true, description: 'IANA zone in which local dates of date filters are read; default the account\'s.' }) timezone?: string | null,
  ): Promise<ConversationConnection> {
    return conversationConnection(await listConversations(ctx, { filters, first, after, timezone }));
  }

  @Mutation(() => IngestResult, costsPer(100, 'input', 'Creates or updates conversations as they happen, validated like `threadline import` (at most 1000 per call). Needs an ADMIN\'s ADMIN-scoped token or an INGEST-scoped token.'))
  ingestConversations(
    @Ctx() ctx: Context,
    @Arg('input', () => [ConversationInput], { description: 'The conversations; a rejected one does not stop the others.' }) input: ConversationInput[],
  ): Promise<IngestResult> {
    return ingest(ctx, input);
  }

  @FieldResolver(() => ID, { description: 'Global id: opaque, stable, unique across every type and account (for client caches). Filters, drill-down points and imports take `externalId`.' })
  id(@Root() conversation: ConversationNode, @Ctx() ctx: Context): string {
    return globalId('Conversation', ctx.viewer.account.id, conversation.externalId);
  }

  @FieldResolver(() => Agent, { nullable: true, description: 'The assigned team member; null when unassigned.' })
  assignee(@Root() conversation: ConversationNode, @Ctx() ctx: Context) {
    return conversation.assigneeId === null ? null : ctx.loaders.assignee.load(conversation.assigneeId);
  }

  @FieldResolver(() => Inbox, { description: 'The inbox it arrived in.' })
  inbox(@Root() conversation: ConversationNode, @Ctx() ctx: Context) {
    return ctx.loaders.inbox.load(conversation.inboxId);
  }

  @FieldResolver(() => Team, { nullable: true, description: 'The team it belongs to, if any.' })
  team(@Root() conversation: ConversationNode, @Ctx() ctx: Context) {
    return conversation.teamId === null ? null : ctx.loaders.team.load(conversation.teamId);
  }

  @FieldResolver(() => Chatflow, { nullable: true, description: 'The chatflow that started it (chats only), if any.' })
  chatflow(@Root() conversation: ConversationNode, @Ctx() ctx: Context) {
    return conversation.chatflowId === null ? null : ctx.loaders.chatflow.load(conversation.chatflowId);
  }

  @FieldResolver(() => [CustomPropertyValue], { description: 'Its custom properties, by name.' })
  properties(@Root() conversation: ConversationNode, @Ctx() ctx: Context) {
    return ctx.loaders.properties.load(conversation.externalId);
  }
}
