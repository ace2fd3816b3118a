import { Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import { globalId } from '../../global-id';
import { Context } from '../../server/context';
import { Agent, Chatflow, Inbox, Team } from './types';

const ID_DESCRIPTION = 'Global id: opaque, stable, unique across every type and account (for client caches). Filters and imports take `externalId`.';

@Resolver(() => Agent)
export class AgentResolver {
  @FieldResolver(() => ID, { description: ID_DESCRIPTION })
  id(@Root() agent: Agent, @Ctx() ctx: Context): string {
    return globalId('Agent', ctx.viewer.account.id, agent.externalId);
  }
}

@Resolver(() => Inbox)
export class InboxResolver {
  @FieldResolver(() => ID, { description: ID_DESCRIPTION })
  id(@Root() inbox: Inbox, @Ctx() ctx: Context): string {
    return globalId('Inbox', ctx.viewer.account.id, inbox.externalId);
  }
}

@Resolver(() => Team)
export class TeamResolver {
  @FieldResolver(() => ID, { description: ID_DESCRIPTION })
  id(@Root() team: Team, @Ctx() ctx: Context): string {
    return globalId('Team', ctx.viewer.account.id, team.externalId);
  }
}

@Resolver(() => Chatflow)
export class ChatflowResolver {
  @FieldResolver(() => ID, { description: ID_DESCRIPTION })
  id(@Root() chatflow: Chatflow, @Ctx() ctx: Context): string {
    return globalId('Chatflow', ctx.viewer.account.id, chatflow.externalId);
  }
}
