import type { ChartType, TileResultQuery } from '../gql/graphql';
import type { Unit } from './format';

export type Result = TileResultQuery['runReport'];

/** A data point a chart draws: which row and measure it shows, to drill into. */
export interface PointRef {
  row: number;
  measure: number;
}

/** What every chart type draws from: categories along the first dimension, one series per break-down value or measure. */
export interface SeriesModel {
  categories: string[];
  series: { name: string; values: (number | null)[]; refs: (PointRef | null)[] }[];
  unit: Unit;
  /** Whether the series are the values of a break-down (named in a legend even when there is one). */
  breakdown: boolean;
}

export function seriesOf(result: Result): SeriesModel {
  const unit = (result.measures[0]?.unit ?? 'COUNT') as Unit;
  const categories: string[] = [];
  const categoryIndex = new Map<string, number>();
  const keyOf = (value: string | null | undefined, label: string) => `${value ?? '\u0000'}|${label}`;
  result.rows.forEach((row) => {
    const d = row.dimensionValues[0];
    if (!d) return;
    const key = keyOf(d.value, d.label);
    if (!categoryIndex.has(key)) {
      categoryIndex.set(key, categories.length);
      categories.push(d.label);
    }
  });
  if (result.dimensions.length < 2) {
    const series = result.measures.map((m, measure) => ({
      name: m.label,
      values: result.rows.map((r) => r.measureValues[measure] ?? null),
      refs: result.rows.map((_, row) => ({ row, measure })),
    }));
    return { categories: result.dimensions.length === 0 ? [result.measures[0]?.label ?? ''] : categories, series, unit, breakdown: false };
  }
  // A break-down: one series per value of the second dimension, leading measure only.
  const byBreakdown = new Map<string, { name: string; values: (number | null)[]; refs: (PointRef | null)[] }>();
  result.rows.forEach((row, index) => {
    const [x, b] = row.dimensionValues;
    const key = keyOf(b.value, b.label);
    let entry = byBreakdown.get(key);
    if (!entry) {
      entry = { name: b.label, values: categories.map(() => null), refs: categories.map(() => null) };
      byBreakdown.set(key, entry);
    }
    const at = categoryIndex.get(keyOf(x.value, x.label)) as number;
    entry.values[at] = row.measureValues[0] ?? null;
    entry.refs[at] = { row: index, measure: 0 };
  });
  return { categories, series: [...byBreakdown.values()], unit, breakdown: true };
}

export function isEmpty(result: Result): boolean {
  return result.rows.every((r) => r.measureValues.every((v) => v === null || v === 0));
}

/** The chart types that draw with ECharts; SUMMARY and TABLE are plain HTML. */
export function drawsChart(type: ChartType): boolean {
  return type !== 'SUMMARY' && type !== 'TABLE';
}
