import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { Context } from '../../server/context';
import { listTokens, revokeToken, statusOf, TokenInfo } from '../api-tokens';
import { NotFound } from '../../errors';
import { createUser, deactivateUser, findUser, issueTokenTo, listMembers, listUsers, updateUser, UserInfo } from '../users';
import { ApiTokenType, CreateApiTokenInput, CreateUserInput, MemberType, NewApiTokenType, NewUserType, UpdateUserInput, UserType } from './types';

/**
 * Users and API tokens. Who may call what is decided once for every root field (ROOT_FIELD_RIGHTS
 * in src/server/root-guard.ts): all but `members` need an ADMIN with an ADMIN-scoped token.
 */
@Resolver()
export class AccessResolver {
  @Query(() => [UserType], { description: 'Every user of your account by email, deactivated ones included. Admins with an ADMIN token.' })
  async users(@Ctx() ctx: Context): Promise<UserType[]> {
    return (await listUsers(ctx.db, { accountId: ctx.viewer.account.id })).map(describeUser);
  }

  @Query(() => [MemberType], { description: 'The active users of your account by email, e.g. to pick whom to share a dashboard with. Any token that may read.' })
  members(@Ctx() ctx: Context): Promise<MemberType[]> {
    return listMembers(ctx.db, ctx.viewer.account.id);
  }

  @Mutation(() => NewUserType, { description: 'Creates a user with a first API token, whose secret is shown this once. Admins with an ADMIN token.' })
  async createUser(@Ctx() ctx: Context, @Arg('input', () => CreateUserInput, { description: 'Email, name, team and role.' }) input: CreateUserInput): Promise<NewUserType> {
    const { user, token, tokenInfo } = await createUser(ctx.db, ctx.viewer.account, input);
    return { user: describeUser(await findUser(ctx.db, user.accountId, user.id)), token: { token, apiToken: describeToken(tokenInfo) } };
  }

  @Mutation(() => UserType, { description: 'Changes a user\'s role, name or team. Admins with an ADMIN token.' })
  async updateUser(@Ctx() ctx: Context, @Arg('input', () => UpdateUserInput, { description: 'The user and what changes.' }) input: UpdateUserInput): Promise<UserType> {
    return describeUser(await updateUser(ctx.db, ctx.viewer.account.id, input.id, input));
  }

  @Mutation(() => UserType, {
    description: 'Deactivates a user: their tokens are revoked at once and they cannot authenticate; their dashboards and reports remain. The last active ADMIN cannot be deactivated. Admins with an ADMIN token.',
  })
  async deactivateUser(@Ctx() ctx: Context, @Arg('id', () => ID, { description: 'User id.' }) id: string): Promise<UserType> {
    return describeUser(await deactivateUser(ctx.db, ctx.viewer.account.id, id));
  }

  @Query(() => [ApiTokenType], { description: 'The API tokens of your account, oldest first, revoked and expired ones included; never their secrets. Admins with an ADMIN token.' })
  async apiTokens(@Ctx() ctx: Context, @Arg('userId', () => ID, { nullable: true, description: 'Only this user\'s tokens.' }) userId?: string | null): Promise<ApiTokenType[]> {
    return (await listTokens(ctx.db, { accountId: ctx.viewer.account.id, userId: userId ?? undefined })).map(describeToken);
  }

  @Mutation(() => NewApiTokenType, { description: 'Creates an API token for a user of your account; its secret is shown this once. Admins with an ADMIN token.' })
  async createApiToken(@Ctx() ctx: Context, @Arg('input', () => CreateApiTokenInput, { description: 'Whose token, its scope, expiry and name.' }) input: CreateApiTokenInput): Promise<NewApiTokenType> {
    const { token, info } = await issueTokenTo(ctx.db, ctx.viewer.account.id, input, input);
    return { token, apiToken: describeToken(info) };
  }

  @Mutation(() => ApiTokenType, { description: 'Revokes an API token: its very next request answers UNAUTHENTICATED, on every server. Revoking it again changes nothing. Admins with an ADMIN token.' })
  async revokeApiToken(@Ctx() ctx: Context, @Arg('id', () => ID, { description: 'The token\'s public id (`ApiToken.id`).' }) id: string): Promise<ApiTokenType> {
    const token = await revokeToken(ctx.db, id, ctx.viewer.account.id);
    if (!token) throw new NotFound('API token', id);
    return describeToken(token);
  }
}

function describeUser(user: UserInfo): UserType {
  const { accountId: _accountId, activeTokens, ...shown } = user;
  return { ...shown, active: user.deactivatedAt === null, activeTokenCount: activeTokens };
}

function describeToken(token: TokenInfo): ApiTokenType {
  return {
    id: token.id,
    name: token.name,
    scope: token.scope,
    status: statusOf(token),
    user: { id: token.userId, email: token.userEmail, name: token.userName },
    createdAt: token.createdAt,
    expiresAt: token.expiresAt,
    lastUsedAt: token.lastUsedAt,
    revokedAt: token.revokedAt,
  };
}
