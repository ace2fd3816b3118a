/** Latency samples of one measured operation, in milliseconds. */
export interface Timing {
  samples: number[];
  p50: number;
  p95: number;
}

export interface Repetitions {
  /** Untimed runs first (connection set-up, JIT, the database's buffer pool). */
  warmup: number;
  iterations: number;
}

/**
 * Runs `operation` `warmup` times untimed, then `iterations` times one after another, timing each
 * from call to settled result. Returns the samples and the result of the last run.
 */
export async function measure<T>(operation: () => Promise<T>, { warmup, iterations }: Repetitions): Promise<{ timing: Timing; last: T }> {
  let last: T | undefined;
  for (let i = 0; i < warmup; i++) last = await operation();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const started = process.hrtime.bigint();
    last = await operation();
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return { timing: summarize(samples), last: last as T };
}

export function summarize(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  return { samples, p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95) };
}

/** The `fraction` quantile of sorted samples, interpolated between neighbours (as PERCENTILE_CONT). */
export function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  const position = (sorted.length - 1) * fraction;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
}
