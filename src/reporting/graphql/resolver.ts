import { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Info, Int, Query, Resolver } from 'type-graphql';
import { Channel } from '../../conversations/conversation.entity';
import { ChannelEnum } from '../../conversations/graphql/enums';
import { ConversationConnection, conversationConnection } from '../../conversations/graphql/types';
import { Context } from '../../server/context';
import { runsOnce } from '../../graphql/cost';
import { responsePath } from '../../graphql/response-path';
import { drilldown, listDefinitions, listMeasures, listProperties, listPropertyValues, runReport } from '../service';
import { DrilldownInput, RunReportInput } from './inputs';
import { ConversationPropertyType, PropertyValueConnection, ReportDefinitionType, ReportMeasure, reportResult, ReportResultType } from './types';

@Resolver()
export class ReportingResolver {
  @Query(() => [ReportDefinitionType], { description: 'The report catalog: the twelve standard reports and those added by plugins.' })
  reportDefinitions(@Arg('channel', () => ChannelEnum, { nullable: true, description: 'Only reports of this channel.' }) channel?: Channel | null): ReportDefinitionType[] {
    return listDefinitions(channel);
  }

  @Query(() => [ConversationPropertyType], { description: 'What reports can filter, group by and measure, with the operators each allows; custom properties as `properties.<name>`.' })
  conversationProperties(@Ctx() ctx: Context): Promise<ConversationPropertyType[]> {
    return listProperties(ctx);
  }

  @Query(() => [ReportMeasure], { description: 'Every measure a report can show (`measures` of createReport and updateReport), with its label and unit.' })
  reportMeasures(): ReportMeasure[] {
    return listMeasures();
  }

  @Query(() => PropertyValueConnection, runsOnce('The values of one conversation property with their labels and how many conversations have each, most used first: what a filter on it can pick. Assignees, inboxes, teams and chatflows list every one of the account by name; text and custom properties the values conversations have; enums all their values. Dates, durations and numbers have no list (BAD_USER_INPUT).'))
  propertyValues(
    @Ctx() ctx: Context,
    @Arg('key', { description: 'A property key from `conversationProperties`, e.g. `assignee`, `pageUrl` or `properties.priority`.' }) key: string,
    @Arg('search', () => String, { nullable: true, description: 'Only values whose label or value contains this, ignoring case.' }) search?: string | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size: 1 to 500, default 50.' }) first?: number | null,
    @Arg('after', () => String, { nullable: true, description: 'The `pageInfo.endCursor` of the previous page.' }) after?: string | null,
  ): Promise<PropertyValueConnection> {
    return listPropertyValues(ctx, { key, search, first, after });
  }

  @Query(() => ReportResultType, runsOnce('Runs a report of the catalog or a saved report.'))
  async runReport(
    @Ctx() ctx: Context,
    @Arg('input', () => RunReportInput, { description: 'Which report, date range, timezone, granularity and filters.' }) input: RunReportInput,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ReportResultType> {
    return reportResult(await runReport(ctx, input, responsePath(info)));
  }

  @Query(() => ConversationConnection, runsOnce('The conversations behind one data point of a report run; `totalCount` equals the point\'s count.'))
  async drilldown(
    @Ctx() ctx: Context,
    @Arg('input', () => DrilldownInput, { description: 'The run and the data point.' }) input: DrilldownInput,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, as `input.first` (give one or the other): 1 to 500, default 50. Here, Relay-style clients such as Apollo Client\'s `relayStylePagination` see it.' }) first?: number | null,
    @Arg('after', () => String, { nullable: true, description: 'The `pageInfo.endCursor` (or an edge\'s `cursor`) of the previous page, as `input.after` (give one or the other).' }) after?: string | null,
  ): Promise<ConversationConnection> {
    return conversationConnection(await drilldown(ctx, input, { first, after }));
  }
}
