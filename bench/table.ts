/** One line of the result table: a figure beside its baseline and its target. */
export interface Figure {
  figure: string;
  value: string;
  baseline: string;
  ratio: string;
  target: string;
  /** true/false when the figure has a target; null when it has none (or a side is missing). */
  met: boolean | null;
}

/** A plain-text table; the first column left-aligned, the others right-aligned. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function formatFigures(figures: readonly Figure[]): string {
  return formatTable(
    ['figure', 'value', 'baseline', 'ratio', 'target', 'met?'],
    figures.map((f) => [f.figure, f.value, f.baseline, f.ratio, f.target, f.met === null ? '-' : f.met ? 'yes' : 'NO']),
  );
}

export const ms = (value: number | null | undefined) => (value === null || value === undefined || Number.isNaN(value) ? '-' : `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`);
export const times = (value: number | null | undefined) => (value === null || value === undefined || !Number.isFinite(value) ? '-' : `${value.toFixed(2)}x`);
export const rate = (value: number | null | undefined, unit: string) => (value === null || value === undefined ? '-' : `${Math.round(value).toLocaleString('en-US')} ${unit}`);
export const mib = (value: number | null | undefined) => (value === null || value === undefined ? '-' : `${value.toFixed(0)} MB`);

/** a / b, or null when either is missing. */
export function ratio(a: number | null | undefined, b: number | null | undefined): number | null {
  if (a === null || a === undefined || b === null || b === undefined || b === 0) return null;
  return a / b;
}

/** Whether `value` meets `test`, or null when there is nothing to test. */
export function meets(value: number | null, test: (v: number) => boolean): boolean | null {
  return value === null ? null : test(value);
}
