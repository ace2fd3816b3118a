import { assertNever } from '../../errors';
import { ChartType } from './definition';

/**
 * Why a chart type cannot show a report of this shape, or null when it can. Shared by the plugin
 * registry and the report editor so both refuse the same things.
 */
export function chartProblem(chart: ChartType, dimensions: number, measures: number): string | null {
  switch (chart) {
    case 'PIE':
    case 'DONUT':
      return dimensions === 1 && measures === 1 ? null : `a ${chart} chart shows exactly one dimension and one measure`;
    case 'SUMMARY':
      return dimensions === 0 ? null : 'a SUMMARY shows totals only: remove the dimensions';
    case 'BAR':
    case 'COLUMN':
    case 'LINE':
    case 'AREA':
      return dimensions >= 1 ? null : `a ${chart} chart needs at least one dimension`;
    case 'TABLE':
      return null;
    default:
      return assertNever(chart);
  }
}
