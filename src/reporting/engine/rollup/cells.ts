import { createHash } from 'node:crypto';

/**
 * The rollup's data model, shared by the writer (which adds what a batch changed), the rebuild
 * (which adds every conversation of an account) and the planner (which reads it back).
 *
 * A conversation is counted in several groupings, each by channel, status and at most one more
 * column: `status` (nothing more), `assignee`, `inbox`, `team`, `chatflow`, `pageUrl`. One grouping
 * per column, rather than one by all columns together, keeps every grouping small: 25 agents and
 * 50 page URLs make a few hundred groups a day each, where all columns together make nearly one
 * group per conversation and summing them would save little. A report is answered from the
 * grouping of the one column it groups or filters by (besides channel and status), or from
 * `status` when it names none.
 *
 * A group (`report_rollup_groups`, numbered per account) is one grouping's values: its channel,
 * status and column value; the other columns are null. A cell (`report_rollups`) is one group's
 * conversations in one UTC time bucket of one date property: how many there are, and for each
 * duration how many have one and the sum of their milliseconds. Counts add up and averages are
 * SUM / COUNT, so a cell answers exactly what the raw SQL does.
 *
 * Every conversation is in one DAY cell (a whole UTC day) of each grouping for `createdAt`, and,
 * when it has a `closedAt`, of `status` and `assignee` for `closedAt` (see GROUPINGS). The
 * `status` grouping, which has a handful of groups, also has QUARTER_HOUR cells for `createdAt`:
 * every time zone in use today has an offset of whole quarter hours (Asia/Kolkata +5:30,
 * Asia/Kathmandu +5:45), so those answer the local edges of ranges and time buckets. The planner
 * reads other edges from the conversations.
 */

/** Bucket sizes, in minutes, as stored in `report_rollups.bucket_minutes`. */
export const QUARTER_HOUR = 15;
export const DAY = 24 * 60;
export type BucketMinutes = typeof QUARTER_HOUR | typeof DAY;

const MINUTE_MS = 60_000;

export type RollupDateProperty = 'createdAt' | 'closedAt';
const DATE_PROPERTIES: readonly RollupDateProperty[] = ['createdAt', 'closedAt'];

/**
 * One number for a cell of a group: bucket starts are multiples of 15 minutes, so 4 × the start
 * leaves room for 2 date properties × 2 sizes without colliding, far inside 2^53.
 */
function cellIndex(bucketStart: number, dateIndex: number, minutes: BucketMinutes): number {
  return bucketStart * 4 + dateIndex * 2 + (minutes === DAY ? 1 : 0);
}

const DAYS: readonly BucketMinutes[] = [DAY];
const DAYS_AND_QUARTER_HOURS: readonly BucketMinutes[] = [DAY, QUARTER_HOUR];

/**
 * The groupings (`report_rollups.grouped_by`): the column of `conversations` each adds to channel
 * and status, and the cells it keeps per date property. Every cell costs the import a row to
 * write, so a grouping keeps only what reports need often: the standard reports select by closedAt
 * only per assignee, and time series by closedAt read their edges from the conversations.
 */
export const GROUPINGS = {
  status: { column: null, cells: { createdAt: DAYS_AND_QUARTER_HOURS, closedAt: DAYS } },
  assignee: { column: 'assignee_id', cells: { createdAt: DAYS, closedAt: DAYS } },
  inbox: { column: 'inbox_id', cells: { createdAt: DAYS } },
  team: { column: 'team_id', cells: { createdAt: DAYS } },
  chatflow: { column: 'chatflow_id', cells: { createdAt: DAYS } },
  pageUrl: { column: 'page_url', cells: { createdAt: DAYS } },
} as const satisfies Record<string, { column: string | null; cells: Partial<Record<RollupDateProperty, readonly BucketMinutes[]>> }>;
export type Grouping = keyof typeof GROUPINGS;
export type GroupColumn = NonNullable<(typeof GROUPINGS)[Grouping]['column']>;

/** The bucket sizes a grouping keeps for a date property; none when it keeps no cells for it. */
export function sizesOf(groupedBy: Grouping, dateProperty: RollupDateProperty): readonly BucketMinutes[] {
  const cells: Partial<Record<RollupDateProperty, readonly BucketMinutes[]>> = GROUPINGS[groupedBy].cells;
  return cells[dateProperty] ?? [];
}
const GROUPING_NAMES = Object.keys(GROUPINGS) as Grouping[];

/** What a conversation contributes to the rollup; the columns groups are made of under their names in `conversations`. */
export interface RollupFacts {
  channel: string;
  status: string;
  inbox_id: string;
  assignee_id: string | null;
  team_id: string | null;
  chatflow_id: string | null;
  page_url: string | null;
  createdAt: Date;
  closedAt: Date | null;
  firstResponseMs: number | null;
  timeToCloseMs: number | null;
}

/** One row of `report_rollup_groups`, but for its number (given when it is first stored). */
export interface RollupGroup {
  /** Identifies the group by its grouping and values (see groupOf). */
  groupKey: string;
  groupedBy: Grouping;
  channel: string;
  status: string;
  /** The grouping's column and its value; null for `status`. */
  column: GroupColumn | null;
  value: string | null;
}

/** One row of `report_rollups`, or a change to one (the numbers may then be negative). */
export interface RollupCell {
  groupedBy: Grouping;
  dateProperty: RollupDateProperty;
  channel: string;
  bucketMinutes: BucketMinutes;
  /** UTC instant, in epoch milliseconds, a multiple of the bucket size. */
  bucketStart: number;
  /** The group's key; the stored cell has the group's number instead. */
  groupKey: string;
  conversations: number;
  firstResponseCount: number;
  firstResponseMsSum: number;
  timeToCloseCount: number;
  timeToCloseMsSum: number;
}

export function bucketMs(minutes: BucketMinutes): number {
  return minutes * MINUTE_MS;
}

/** The start of the bucket of `minutes` that holds an instant (floor, also before 1970). */
export function bucketStartOf(instant: Date, minutes: BucketMinutes): number {
  const size = bucketMs(minutes);
  return Math.floor(instant.getTime() / size) * size;
}

/** Whether an instant is the start of a bucket of `minutes`. */
export function isBucketEdge(instant: Date, minutes: BucketMinutes): boolean {
  return bucketStartOf(instant, minutes) === instant.getTime();
}

/**
 * Groups by grouping, channel, status and value. A group (and its key) is a pure function of them,
 * so remembering it is safe across batches and accounts, and saves hashing every conversation six
 * times over; an account has a few hundred groups, so this stays small. Nested maps rather than
 * one map by a joined string: the values' own strings are looked up as they are, without building
 * a new string (and hashing it) for every conversation.
 */
const knownGroups = new Map<string, Map<string, Map<string, Map<string | null, RollupGroup>>>>();
let knownGroupCount = 0;
const MAX_KNOWN_GROUPS = 100_000;

function nested<K, V>(map: Map<K, V>, key: K, create: () => V): V {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = create()));
  return value;
}

/**
 * A conversation's group in a grouping, with its key: 128 bits of SHA-256 over the grouping and
 * values, JSON-encoded so that null and every string stay distinct. The key is short whatever a
 * page URL's length (2048 characters cannot be part of a database key); two groups of one account
 * colliding would take on the order of 2^64 groups.
 */
export function groupOf(groupedBy: Grouping, facts: RollupFacts): RollupGroup {
  const column = GROUPINGS[groupedBy].column;
  const value = column === null ? null : facts[column];
  const byValue = nested(nested(nested(knownGroups, groupedBy, () => new Map()), facts.channel, () => new Map()), facts.status, () => new Map<string | null, RollupGroup>());
  let group = byValue.get(value);
  if (group === undefined) {
    const groupKey = createHash('sha256').update(JSON.stringify([groupedBy, facts.channel, facts.status, value])).digest('hex').slice(0, 32);
    group = { groupKey, groupedBy, channel: facts.channel, status: facts.status, column, value };
    if (++knownGroupCount > MAX_KNOWN_GROUPS) {
      knownGroups.clear();
      knownGroupCount = 0;
    }
    byValue.set(value, group);
  }
  return group;
}

/**
 * Sums of cells, keyed by cell, and the groups they belong to: the writer adds a batch's new
 * conversations and takes away the stored versions they replace; the rebuild adds a page of
 * conversations at a time.
 */
export class RollupChanges {
  /** Cells by group, then by bucket start, date property and size (one number: see cellIndex). */
  private readonly cells = new Map<RollupGroup, Map<number, RollupCell>>();

  /** Adds (`sign` 1) or takes away (`sign` -1) one conversation in every cell it belongs to. */
  add(facts: RollupFacts, sign: 1 | -1): void {
    for (const groupedBy of GROUPING_NAMES) {
      const group = groupOf(groupedBy, facts);
      const cells = nested(this.cells, group, () => new Map<number, RollupCell>());
      for (let d = 0; d < DATE_PROPERTIES.length; d++) {
        const dateProperty = DATE_PROPERTIES[d];
        const instant = dateProperty === 'createdAt' ? facts.createdAt : facts.closedAt;
        if (!instant) continue;
        for (const bucketMinutes of sizesOf(groupedBy, dateProperty)) {
          const bucketStart = bucketStartOf(instant, bucketMinutes);
          const index = cellIndex(bucketStart, d, bucketMinutes);
          let cell = cells.get(index);
          if (!cell) {
            cell = {
              groupedBy, dateProperty, channel: facts.channel, bucketMinutes, bucketStart, groupKey: group.groupKey,
              conversations: 0, firstResponseCount: 0, firstResponseMsSum: 0, timeToCloseCount: 0, timeToCloseMsSum: 0,
            };
            cells.set(index, cell);
          }
          cell.conversations += sign;
          if (facts.firstResponseMs !== null) {
            cell.firstResponseCount += sign;
            cell.firstResponseMsSum += sign * facts.firstResponseMs;
          }
          if (facts.timeToCloseMs !== null) {
            cell.timeToCloseCount += sign;
            cell.timeToCloseMsSum += sign * facts.timeToCloseMs;
          }
        }
      }
    }
  }

  /** The groups of the cells, by key. */
  groups(): ReadonlyMap<string, RollupGroup> {
    return new Map([...this.cells.keys()].map((g) => [g.groupKey, g]));
  }

  /**
   * The cells that change: a conversation re-imported with another subject, or moved out of a
   * cell and back, changes nothing. A change of sums alone (another first response time in the
   * same cell) does change the cell.
   */
  changedCells(): RollupCell[] {
    return [...this.cells.values()].flatMap((cells) => [...cells.values()]).filter(
      (c) => c.conversations !== 0 || c.firstResponseCount !== 0 || c.firstResponseMsSum !== 0 || c.timeToCloseCount !== 0 || c.timeToCloseMsSum !== 0,
    );
  }
}
