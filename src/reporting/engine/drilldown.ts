import { ConversationConnection } from '../../conversations/graphql/types';
import { PageArgs, pageConversations } from '../../conversations/list';
import { Database } from '../../db/database';
import { BadInput, invariant } from '../../errors';
import { bucketBeginningOn, bucketStart, TimeBucket } from '../time';
import { compilePoint } from './compile';
import { isMeasureKey, MEASURES } from './measures';
import { assertPointArity } from './run';
import { isOtherDate, ReportSpec } from './spec';

/**
 * The conversations behind one data point of a report, cursor-paged: the same scope as the report,
 * narrowed to the point's dimension values and to the conversations its measure counts, so
 * `totalCount` equals the point's count (for an average: how many conversations were averaged).
 */
export async function drilldownSpec(db: Database, spec: ReportSpec, point: readonly (string | null)[], measureKey: string | null | undefined, page: PageArgs): Promise<ConversationConnection> {
  assertPointArity(spec, point);
  const key = measureKey ?? spec.measures[0].key;
  if (!isMeasureKey(key) || !spec.measures.some((m) => m.key === key)) {
    throw new BadInput('measure', `must be one of this report's measures (${spec.measures.map((m) => m.key).join(', ')}), got ${JSON.stringify(key)}`);
  }
  const where = compilePoint(spec, point, MEASURES[key], (value, i) => pointBucket(spec, value, i));
  return pageConversations(db, spec.accountId, where, page);
}

/**
 * The bucket a point names. A whole bucket: within the report's scope (its date range) it holds
 * exactly the conversations of the clipped bucket the report shows. On the date property a bucket
 * must overlap the date range; on another date property any bucket may hold conversations.
 */
function pointBucket(spec: ReportSpec, value: string, i: number): TimeBucket {
  const dimension = spec.dimensions[i];
  invariant(dimension.kind === 'time', 'a time bucket belongs to a time dimension');
  const bucket = bucketBeginningOn(value, dimension.granularity, spec.timezone);
  const inRange = !spec.range || isOtherDate(spec, dimension) || (bucketStart(spec.range.from, dimension.granularity) <= value && value <= spec.range.to);
  if (!bucket || !inRange) {
    throw new BadInput(`point[${i}]`, `${JSON.stringify(value)} is not a time bucket of this report (the first day of a ${dimension.granularity.toLowerCase()} bucket, YYYY-MM-DD)`);
  }
  return bucket;
}
