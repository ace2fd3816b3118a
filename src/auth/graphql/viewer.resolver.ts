import { Ctx, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import { Plan } from '../../accounts/account.entity';
import { reportEditingRefusal } from '../../accounts/plan';
import { graphqlEnum } from '../../graphql/graphql-enum';
import { Context } from '../../server/context';
import { Scope } from '../rights';
import { Role } from '../user.entity';
import { RoleEnum, TokenScopeEnum } from './types';

export const PlanEnum = graphqlEnum<Plan>('Plan', 'The subscription of an account. Editing reports needs PROFESSIONAL or ENTERPRISE, or the reporting add-on.', {
  FREE: 'Standard dashboards, view only.',
  STARTER: 'Standard dashboards, view only; more dashboards.',
  PROFESSIONAL: 'Edit reports and build custom reports.',
  ENTERPRISE: 'Everything, plus dashboards shared with specific users and teams.',
});

@ObjectType('Account', { description: 'Your account (HubSpot calls it a portal): its plan decides what you may edit.' })
class AccountInfo {
  @Field(() => ID, { description: 'Account id.' })
  id: string;

  @Field({ description: 'Account name.' })
  name: string;

  @Field(() => PlanEnum, { description: 'The subscription: it decides what may be edited.' })
  plan: Plan;

  @Field({ description: 'Whether the reporting add-on is on (it allows editing reports on FREE and STARTER).' })
  reportingAddon: boolean;

  @Field({ description: 'The IANA time zone reports use by default.' })
  timezone: string;

  @Field({ description: 'Whether the plan (or the reporting add-on) allows editing reports and building custom ones.' })
  canEditReports: boolean;

  @Field(() => String, { nullable: true, description: 'Why editing reports is refused on this plan (the PLAN_REQUIRED message), naming the plan or add-on needed; null when allowed.' })
  reportEditingRequires: string | null;
}

@ObjectType('Viewer', { description: 'Who is calling: the user behind the API token.' })
class ViewerInfo {
  @Field(() => ID, { description: 'User id.' })
  userId: string;

  @Field({ description: 'Email address.' })
  email: string;

  @Field(() => RoleEnum, { description: 'ADMIN or MEMBER.' })
  role: Role;

  @Field(() => String, { nullable: true, description: 'External id of the user\'s team, if any.' })
  teamId: string | null;

  @Field(() => TokenScopeEnum, { description: 'The scope of the API token of this request: with the role, it decides what the request may do.' })
  scope: Scope;

  @Field(() => AccountInfo, { description: 'The account the user belongs to.' })
  account: AccountInfo;
}

@Resolver()
export class ViewerResolver {
  @Query(() => ViewerInfo, { description: 'The user behind the API token, and their account.' })
  viewer(@Ctx() ctx: Context): ViewerInfo {
    const { viewer } = ctx;
    const { account } = viewer;
    const refusal = reportEditingRefusal(account, 'Editing reports');
    return { ...viewer, account: { ...account, id: String(account.id), canEditReports: refusal === null, reportEditingRequires: refusal } };
  }
}
