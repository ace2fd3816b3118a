import { comparisonRange } from '../../../src/reporting/engine/compare';

describe('comparisonRange', () => {
  it.each<[string, string, 'PREVIOUS_PERIOD' | 'PREVIOUS_YEAR', string, string]>([
    ['2026-03-01', '2026-03-31', 'PREVIOUS_PERIOD', '2026-01-29', '2026-02-28'],
    ['2026-03-04', '2026-03-04', 'PREVIOUS_PERIOD', '2026-03-03', '2026-03-03'],
    ['2026-01-01', '2026-12-31', 'PREVIOUS_PERIOD', '2025-01-01', '2025-12-31'],
    ['2024-03-01', '2024-03-31', 'PREVIOUS_YEAR', '2023-03-01', '2023-03-31'],
    ['2024-02-01', '2024-02-29', 'PREVIOUS_YEAR', '2023-02-01', '2023-02-28'],
    ['2025-03-30', '2025-04-05', 'PREVIOUS_PERIOD', '2025-03-23', '2025-03-29'],
  ])('%s..%s against %s is %s..%s', (from, to, compareTo, earlierFrom, earlierTo) => {
    expect(comparisonRange({ from, to }, compareTo)).toEqual({ from: earlierFrom, to: earlierTo });
  });
});
