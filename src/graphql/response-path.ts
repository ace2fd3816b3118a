import { GraphQLResolveInfo } from 'graphql';

/** Where a field sits in the response, as its keys joined by dots: `dashboard.reports.2.result` (aliases as given). */
export function responsePath(info: Pick<GraphQLResolveInfo, 'path'>): string {
  const keys: (string | number)[] = [];
  for (let at: GraphQLResolveInfo['path'] | undefined = info.path; at; at = at.prev) keys.push(at.key);
  return keys.reverse().join('.');
}
