import { ConversationPage, PageArgs, pageConversations } from '../../conversations/list';
import { ReportReader } from '../../db/database';
import { BadInput } from '../../errors';
import { TimeBucket } from '../../calendar/time';
import { compilePoint } from './compile';
import { assertPointArity, bindBuckets } from './run';
import { BoundSpec, isOtherDate, ReportSpec } from './spec';

/**
 * The conversations behind one data point of a report, cursor-paged: the same scope as the report,
 * narrowed to the point's dimension values and to the conversations its measure counts, so
 * `totalCount` equals the point's count (for an average: how many conversations were averaged).
 */
export async function drilldownSpec(db: ReportReader, spec: ReportSpec, point: readonly (string | null)[], measureKey: string | null | undefined, page: PageArgs): Promise<ConversationPage> {
  assertPointArity(spec, point);
  const key = measureKey ?? spec.measures[0].key;
  const measure = spec.measures.find((m) => m.key === key);
  if (!measure) {
    throw new BadInput('measure', `must be one of this report's measures (${spec.measures.map((m) => m.key).join(', ')}), got ${JSON.stringify(key)}`);
  }
  const bound = await bindBuckets(db, spec);
  // Checked before compiling: a report over all time with no data has no bucket at all.
  const buckets = spec.dimensions.map((dimension, i) => (dimension.kind === 'time' ? pointBucket(bound, point[i], i) : null));
  const where = compilePoint(bound, point, measure, (_, i) => buckets[i] as TimeBucket);
  return pageConversations(db, spec.accountId, where, page);
}

/**
 * The bucket a point names: one of the report's own (on another date property also an empty one
 * between its first and last, as a whole bucket). No value is a point only on another date property.
 */
function pointBucket(spec: BoundSpec, value: string | null, i: number): TimeBucket | null {
  if (value === null && isOtherDate(spec, spec.dimensions[i])) return null;
  const bucket = value === null ? undefined : spec.axes[i]?.buckets.find((b) => b.value === value);
  if (!bucket) throw new BadInput(`point[${i}]`, `${JSON.stringify(value)} is not a time bucket of this report (the first day of a bucket, YYYY-MM-DD)`);
  return bucket;
}
