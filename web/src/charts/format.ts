/** How the app writes numbers: counts as integers, durations as `45s`, `2m 05s`, `1h 02m`, `3d 4h`, percentages as `25%`. */

export type Unit = 'COUNT' | 'SECONDS' | 'NUMBER' | 'PERCENT';

export function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (s < 3600) return `${Math.floor(s / 60)}m ${pad(s % 60)}s`;
  if (s < 86400) return `${Math.floor(s / 3600)}h ${pad(Math.floor((s % 3600) / 60))}m`;
  return `${Math.floor(s / 86400)}d ${Math.floor((s % 86400) / 3600)}h`;
}

const COUNT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

export function formatValue(value: number | null | undefined, unit: Unit): string {
  if (value === null || value === undefined) return '—';
  if (unit === 'SECONDS') return formatDuration(value);
  return unit === 'PERCENT' ? `${COUNT.format(value)}%` : COUNT.format(value);
}

/** An instant as a person in `timezone` reads it, e.g. `5 Mar 2026, 10:00`. */
export function formatInstant(iso: string | null | undefined, timezone: string): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat('en-GB', { timeZone: timezone, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}
