import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { Channel } from '../../conversations/conversation.entity';
import { ChannelEnum } from '../../conversations/graphql/enums';
import { ConversationConnection } from '../../conversations/graphql/types';
import { Context } from '../../server/context';
import { runsOnce } from '../../server/cost';
import { drilldown, listDefinitions, listProperties, runReport } from '../service';
import { DrilldownInput, RunReportInput } from './inputs';
import { ConversationPropertyType, ReportDefinitionType, ReportResultType } from './types';

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

  @Query(() => ReportResultType, runsOnce('Runs a report of the catalog or a saved report.'))
  runReport(@Ctx() ctx: Context, @Arg('input', () => RunReportInput, { description: 'Which report, date range, timezone, granularity and filters.' }) input: RunReportInput): Promise<ReportResultType> {
    return runReport(ctx, input);
  }

  @Query(() => ConversationConnection, runsOnce('The conversations behind one data point of a report run; `totalCount` equals the point\'s count.'))
  drilldown(@Ctx() ctx: Context, @Arg('input', () => DrilldownInput, { description: 'The run and the data point.' }) input: DrilldownInput): Promise<ConversationConnection> {
    return drilldown(ctx, input);
  }
}
