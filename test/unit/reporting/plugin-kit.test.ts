import { CORE_MEASURE_KEYS, DATE_PROPERTIES, defineMeasure, defineReport, DURATION_PROPERTIES, GROUPABLE_PROPERTIES, NUMBER_PROPERTIES } from '../../../src/plugin';
import { definitionProblem, measureProblem } from '../../../src/reporting/catalog/registry';
import { coreMeasures, MEASURE_KEYS } from '../../../src/reporting/engine/measures';
import { BUILTIN_PROPERTIES } from '../../../src/conversations/query/properties';

/**
 * `threadline/plugin` stands alone (it imports nothing), so its lists are checked against the
 * engine's here. The `@ts-expect-error` lines are the compile-time checks: `npm run typecheck`
 * fails if one of them compiles.
 */
describe('threadline/plugin', () => {
  it('lists exactly the engine\'s properties and core measures', () => {
    const groupable = BUILTIN_PROPERTIES.filter((p) => p.groupable && p.type !== 'DATETIME').map((p) => p.key);
    expect([...GROUPABLE_PROPERTIES].sort()).toEqual(groupable.sort());
    expect([...DATE_PROPERTIES]).toEqual(BUILTIN_PROPERTIES.filter((p) => p.type === 'DATETIME').map((p) => p.key));
    expect([...DURATION_PROPERTIES]).toEqual(BUILTIN_PROPERTIES.filter((p) => p.type === 'DURATION').map((p) => p.key));
    expect([...NUMBER_PROPERTIES]).toEqual(BUILTIN_PROPERTIES.filter((p) => p.type === 'NUMBER').map((p) => p.key));
    expect([...CORE_MEASURE_KEYS]).toEqual(MEASURE_KEYS);
  });

  it('defines measures and reports the registry accepts', () => {
    const csat = defineMeasure({ key: 'avgCsat', label: 'Average CSAT', unit: 'NUMBER', kind: 'avg', property: 'properties.csat' });
    const report = defineReport({
      id: 'csat-by-assignee', title: 'CSAT by assignee', description: 'Average CSAT.', channel: null,
      measures: [csat.key, 'count'], dimensions: ['assignee'], dateProperty: 'createdAt', defaultChartType: 'BAR',
    });
    expect(measureProblem(csat, coreMeasures)).toBeNull();
    expect(definitionProblem(report, (key) => (key === csat.key ? csat : coreMeasures(key)))).toBeNull();
  });

  it('rejects unknown keys at compile time', () => {
    const base = { id: 'x', title: 'X', description: 'X.', channel: null, dateProperty: 'createdAt', defaultChartType: 'TABLE' } as const;
    // @ts-expect-error an unknown measure key
    defineReport({ ...base, measures: ['cuont'], dimensions: [] });
    // @ts-expect-error a measure key not made by defineMeasure
    defineReport({ ...base, measures: ['avgCsat' as string], dimensions: [] });
    // @ts-expect-error an unknown property key
    defineReport({ ...base, measures: ['count'], dimensions: ['asignee'] });
    // @ts-expect-error an unknown option
    defineReport({ ...base, measures: ['count'], dimensions: [], colour: 'red' });
    // @ts-expect-error averaging a text property
    defineMeasure({ key: 'avgSubject', label: 'X', unit: 'NUMBER', kind: 'avg', property: 'subject' });
    // @ts-expect-error a duration is in seconds
    defineMeasure({ key: 'avgWait', label: 'X', unit: 'NUMBER', kind: 'avg', property: 'firstResponseSeconds' });
    // @ts-expect-error a ratio of an unknown measure
    defineMeasure({ key: 'share', label: 'X', unit: 'PERCENT', kind: 'ratio', numerator: 'reopened', denominator: 'count' });
    // @ts-expect-error a filter on an unknown property
    defineMeasure({ key: 'vip', label: 'X', unit: 'COUNT', kind: 'count', where: [{ property: 'vip', operator: 'EQ', values: ['true'] }] });
    expect(true).toBe(true);
  });
});
