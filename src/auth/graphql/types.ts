import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { graphqlEnum } from '../../graphql/graphql-enum';
import { TokenStatus } from '../api-tokens';
import { Scope } from '../rights';
import { Role } from '../user.entity';

export const RoleEnum = graphqlEnum<Role>('Role', 'What a user may do in their account (with a token whose scope allows it).', {
  ADMIN: 'Manages users, API tokens and data: sees every dashboard and saved report of the account, edits all but others\' private ones, writes conversations.',
  MEMBER: 'Reads reports and conversations, and builds the dashboards and reports their plan allows; sees what is shared with them.',
});

export const TokenScopeEnum = graphqlEnum<Scope>(
  'TokenScope',
  'What an API token may be used for. A request may do what its user\'s role AND its token\'s scope allow; anything else answers FORBIDDEN with the reason.',
  {
    READ: 'Everything the role allows except writing conversations and managing users and tokens. An ADMIN\'s READ token sees every dashboard an admin sees but changes only what a member may.',
    INGEST: 'Only `ingestConversations` (for integrations): every other field answers FORBIDDEN. Any user may hold one.',
    ADMIN: 'Everything an ADMIN may do. Only ADMIN users hold ADMIN tokens.',
  },
);

export const TokenStatusEnum = graphqlEnum<TokenStatus>('TokenStatus', 'Whether an API token works now.', {
  ACTIVE: 'It authenticates requests.',
  EXPIRED: 'Its expiry has passed: requests with it answer UNAUTHENTICATED.',
  REVOKED: 'It was revoked (by an admin, or because its user was deactivated): requests with it answer UNAUTHENTICATED.',
});

@ObjectType('TeamMember', { description: 'A user of the account, as others see them.' })
export class MemberType {
  @Field(() => ID, { description: 'User id.' })
  id: string;

  @Field({ description: 'Email address.' })
  email: string;

  @Field(() => String, { nullable: true, description: 'Display name, if given.' })
  name: string | null;
}

@ObjectType('ApiToken', { description: 'An API token as admins see it. Its secret is shown only once, when it is created.' })
export class ApiTokenType {
  @Field(() => ID, { description: 'The token\'s public id (what `revokeApiToken` and `threadline token revoke` take); not the secret.' })
  id: string;

  @Field(() => String, { nullable: true, description: 'What it is for, if named (e.g. "Zendesk sync").' })
  name: string | null;

  @Field(() => TokenScopeEnum, { description: 'What it may be used for.' })
  scope: Scope;

  @Field(() => TokenStatusEnum, { description: 'Whether it works now.' })
  status: TokenStatus;

  @Field(() => MemberType, { description: 'The user it acts as.' })
  user: MemberType;

  @Field({ description: 'When it was created.' })
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'When it stops working; null: never.' })
  expiresAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it last authenticated a request, to within about a minute; null: never used.' })
  lastUsedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was revoked; null: not revoked.' })
  revokedAt: Date | null;
}

@ObjectType('NewApiToken', { description: 'A token just created: the secret, shown this once, and what lists will show of it.' })
export class NewApiTokenType {
  @Field({ description: 'The secret to send as `Authorization: Bearer <token>`. It is stored only as a hash and never shown again.' })
  token: string;

  @Field(() => ApiTokenType, { description: 'The token as `apiTokens` lists it.' })
  apiToken: ApiTokenType;
}

@ObjectType('User', { description: 'A user of the account as admins manage them.' })
export class UserType {
  @Field(() => ID, { description: 'User id.' })
  id: string;

  @Field({ description: 'Email address (unique within the account).' })
  email: string;

  @Field(() => String, { nullable: true, description: 'Display name, if given.' })
  name: string | null;

  @Field(() => RoleEnum, { description: 'ADMIN or MEMBER.' })
  role: Role;

  @Field(() => String, { nullable: true, description: 'External id of the user\'s team, if any.' })
  teamId: string | null;

  @Field({ description: 'False once deactivated: a deactivated user cannot authenticate; their dashboards and reports remain.' })
  active: boolean;

  @Field(() => Date, { nullable: true, description: 'When the user was deactivated; null while active.' })
  deactivatedAt: Date | null;

  @Field({ description: 'When the user was created.' })
  createdAt: Date;

  @Field(() => Int, { description: 'How many of their API tokens work now.' })
  activeTokenCount: number;

  @Field(() => Date, { nullable: true, description: 'The last time any of their tokens authenticated a request, to within about a minute.' })
  lastUsedAt: Date | null;
}

@ObjectType('NewUser', { description: 'A user just created, with their first API token (its secret shown this once).' })
export class NewUserType {
  @Field(() => UserType, { description: 'The user.' })
  user: UserType;

  @Field(() => NewApiTokenType, { description: 'Their first token, of their role\'s default scope (ADMIN for admins, READ for members), never expiring.' })
  token: NewApiTokenType;
}

@InputType({ description: 'A new user of your account.' })
export class CreateUserInput {
  @Field({ description: 'Email address, unique within the account.' })
  email: string;

  @Field(() => String, { nullable: true, description: 'Display name, at most 200 characters.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'Team name; a team of that name is created if the account has none.' })
  team?: string | null;

  @Field(() => RoleEnum, { nullable: true, description: 'ADMIN or MEMBER (default MEMBER).' })
  role?: Role | null;
}

@InputType({ description: 'Changes to a user. Fields left out stay as they are.' })
export class UpdateUserInput {
  @Field(() => ID, { description: 'The user.' })
  id: string;

  @Field(() => RoleEnum, { nullable: true, description: 'New role. The last active ADMIN cannot be demoted; a demoted admin\'s ADMIN tokens become READ tokens.' })
  role?: Role | null;

  @Field(() => String, { nullable: true, description: 'New display name; null or empty removes it.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'New team by name (created if the account has none of that name); null or empty removes the team.' })
  team?: string | null;
}

@InputType({ description: 'A new API token. Give the user by `userId` or by `email`.' })
export class CreateApiTokenInput {
  @Field(() => ID, { nullable: true, description: 'The user it acts as.' })
  userId?: string | null;

  @Field(() => String, { nullable: true, description: 'The user it acts as, by email.' })
  email?: string | null;

  @Field(() => TokenScopeEnum, { nullable: true, description: 'What it may be used for; default ADMIN for an ADMIN user, READ for a MEMBER.' })
  scope?: Scope | null;

  @Field(() => String, {
    nullable: true,
    description: 'When it stops working: a lifetime (`12h`, `90d`, `4w`) or an ISO 8601 date (`2027-01-31`, 00:00 UTC) or instant with offset; at most ten years ahead. Absent: never.',
  })
  expires?: string | null;

  @Field(() => String, { nullable: true, description: 'What it is for, at most 100 characters.' })
  name?: string | null;
}
