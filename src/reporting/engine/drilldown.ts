import { ConversationConnection } from '../../conversations/graphql/types';
import { PageArgs, pageConversations } from '../../conversations/list';
import { Database } from '../../db/database';
import { BadInput } from '../../errors';
import { compilePoint } from './compile';
import { isMeasureKey, MEASURES } from './measures';
import { assertPointArity, bindBuckets } from './run';
import { ReportSpec } from './spec';

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
  const bound = await bindBuckets(db, spec);
  // Checked before compiling: a report over all time with no data has no bucket at all.
  const bucketIndex = spec.dimensions.map((dimension, i) => {
    if (dimension.kind !== 'time') return -1;
    const value = point[i];
    const index = value === null ? -1 : (bound.buckets ?? []).findIndex((b) => b.value === value);
    if (index < 0) throw new BadInput(`point[${i}]`, `${JSON.stringify(value)} is not a time bucket of this report (the first day of a bucket, YYYY-MM-DD)`);
    return index;
  });
  const where = compilePoint(bound, point, MEASURES[key], (_, i) => bucketIndex[i]);
  return pageConversations(db, spec.accountId, where, page);
}
