/**
 * What a report can measure. A measure is data: which column it aggregates and over which
 * conversations. The compiler turns it into SQL; every average is SUM / COUNT divided in
 * TypeScript, so MariaDB's DECIMAL rounding of AVG never shows and rollups can stay exact.
 */
export const MEASURE_KEYS = [
  'count',
  'closedCount',
  'openCount',
  'avgFirstResponseSeconds',
  'avgTimeToCloseSeconds',
  'medianFirstResponseSeconds',
  'p90FirstResponseSeconds',
  'medianTimeToCloseSeconds',
  'p90TimeToCloseSeconds',
] as const;
export type MeasureKey = (typeof MEASURE_KEYS)[number];

export type MeasureUnit = 'COUNT' | 'SECONDS';

export type Measure =
  | { kind: 'count'; key: MeasureKey; label: string; unit: 'COUNT'; status?: 'OPEN' | 'CLOSED' }
  | { kind: 'average' | 'percentile'; key: MeasureKey; label: string; unit: 'SECONDS'; column: DurationColumn; fraction?: number };

/** Durations are stored in milliseconds and reported in seconds. */
export type DurationColumn = 'c.first_response_ms' | 'c.time_to_close_ms';

const FRT: DurationColumn = 'c.first_response_ms';
const TTC: DurationColumn = 'c.time_to_close_ms';

export const MEASURES: Record<MeasureKey, Measure> = {
  count: { kind: 'count', key: 'count', label: 'Conversations', unit: 'COUNT' },
  closedCount: { kind: 'count', key: 'closedCount', label: 'Closed conversations', unit: 'COUNT', status: 'CLOSED' },
  openCount: { kind: 'count', key: 'openCount', label: 'Open conversations', unit: 'COUNT', status: 'OPEN' },
  avgFirstResponseSeconds: { kind: 'average', key: 'avgFirstResponseSeconds', label: 'Average first response time', unit: 'SECONDS', column: FRT },
  avgTimeToCloseSeconds: { kind: 'average', key: 'avgTimeToCloseSeconds', label: 'Average time to close', unit: 'SECONDS', column: TTC },
  medianFirstResponseSeconds: { kind: 'percentile', key: 'medianFirstResponseSeconds', label: 'Median first response time', unit: 'SECONDS', column: FRT, fraction: 0.5 },
  p90FirstResponseSeconds: { kind: 'percentile', key: 'p90FirstResponseSeconds', label: '90th percentile first response time', unit: 'SECONDS', column: FRT, fraction: 0.9 },
  medianTimeToCloseSeconds: { kind: 'percentile', key: 'medianTimeToCloseSeconds', label: 'Median time to close', unit: 'SECONDS', column: TTC, fraction: 0.5 },
  p90TimeToCloseSeconds: { kind: 'percentile', key: 'p90TimeToCloseSeconds', label: '90th percentile time to close', unit: 'SECONDS', column: TTC, fraction: 0.9 },
};

export function isMeasureKey(key: string): key is MeasureKey {
  return (MEASURE_KEYS as readonly string[]).includes(key);
}

/**
 * The conversations a measure is computed over, as SQL over `conversations c`: a drill-down on a
 * data point lists exactly these, so its totalCount is the point's count (for an average, the
 * number of conversations averaged).
 */
export function measureScope(measure: Measure): { sql: string; params: unknown[] } {
  if (measure.kind === 'count') return measure.status ? { sql: 'c.status = ?', params: [measure.status] } : { sql: '1 = 1', params: [] };
  return { sql: `${measure.column} IS NOT NULL`, params: [] };
}
