import { reloadSettings } from '../../../src/config';
import { join, resolve } from 'node:path';
import { ReportDefinition } from '../../../src/reporting/catalog/definition';
import { definitionProblem, loadReportCatalog, measureProblem, parsePluginList, ReportRegistry } from '../../../src/reporting/catalog/registry';
import { coreMeasures, MEASURE_KEYS } from '../../../src/reporting/engine/measures';

/** A valid definition; each test breaks one thing of it. */
const valid: ReportDefinition = {
  id: 'email-volume-by-team',
  title: 'Email volume by team',
  description: 'How many email conversations each team handled.',
  channel: 'EMAIL',
  measures: ['count'],
  dimensions: ['team'],
  dateProperty: 'createdAt',
  defaultChartType: 'BAR',
};

/** `valid` with some fields replaced, possibly by values no plugin author's types would allow. */
const withFields = (fields: Record<string, unknown>): unknown => ({ ...valid, ...fields });

/** `valid` without one field. */
function without(field: keyof ReportDefinition): unknown {
  const copy: Record<string, unknown> = { ...valid };
  delete copy[field];
  return copy;
}

const EXTRA = resolve(__dirname, '../../fixtures/plugins-extra');
const SINGLE = join(EXTRA, 'single', 'email-volume-by-contact.js');

describe('definitionProblem', () => {
  it.each<[string, unknown]>([
    ['the valid definition', valid],
    ['channel null (both channels)', withFields({ channel: null })],
    ['two measures and two dimensions in a TABLE', withFields({ measures: ['count', 'closedCount'], dimensions: ['team', 'status'], defaultChartType: 'TABLE' })],
    ['a custom property dimension', withFields({ dimensions: ['properties.plan'] })],
    ['a SUMMARY without dimensions', withFields({ dimensions: [], defaultChartType: 'SUMMARY' })],
    ['a PIE of one dimension and one measure', withFields({ defaultChartType: 'DONUT' })],
    ['a date dimension with defaultGranularity', withFields({ dimensions: ['closedAt', 'team'], dateProperty: 'closedAt', defaultChartType: 'LINE', defaultGranularity: 'QUARTER' })],
    ['an empty defaultFilters', withFields({ defaultFilters: [] })],
    ['a local hour of day', withFields({ dimensions: ['createdAt.hourOfDay'] })],
    ['a local day of week of the closing date', withFields({ dimensions: ['closedAt.dayOfWeek', 'team'], defaultChartType: 'TABLE' })],
    ['the page URL path', withFields({ dimensions: ['pageUrlPath'] })],
    ['a custom property in ranges', withFields({ dimensions: ['properties.csat'], ranges: { 'properties.csat': [2, 4] } })],
    ['a duration in ranges (seconds)', withFields({ dimensions: ['timeToCloseSeconds'], ranges: { timeToCloseSeconds: [3600, 86400] } })],
    ['valid defaultFilters', withFields({ defaultFilters: [{ property: 'status', operator: 'EQ', values: ['CLOSED'] }, { property: 'firstResponseSeconds', operator: 'IS_KNOWN' }, { property: 'createdAt', operator: 'BETWEEN', values: ['2026-01-01', '2026-03-31'] }] })],
    ['a default filter on a custom property (its type is only known per account)', withFields({ defaultFilters: [{ property: 'properties.plan', operator: 'EQ', values: ['pro'] }] })],
  ])('accepts %s', (_name, candidate) => {
    expect(definitionProblem(candidate)).toBeNull();
  });

  it.each<[string, unknown, string]>([
    ['null', null, 'does not export a report definition object'],
    ['a string', 'chat-volume-by-team', 'does not export a report definition object'],
    ['a missing id', without('id'), 'id must be kebab-case (e.g. "chat-volume-by-assignee"), got undefined'],
    ['an id with capitals and underscores', withFields({ id: 'Email_Volume' }), 'id must be kebab-case (e.g. "chat-volume-by-assignee"), got "Email_Volume"'],
    ['an id with a double hyphen', withFields({ id: 'email--volume' }), 'id must be kebab-case (e.g. "chat-volume-by-assignee"), got "email--volume"'],
    ['an id ending in a hyphen', withFields({ id: 'email-volume-' }), 'id must be kebab-case (e.g. "chat-volume-by-assignee"), got "email-volume-"'],
    ['an empty title', withFields({ title: '' }), 'title must be a non-empty string'],
    ['a blank title', withFields({ title: '   ' }), 'title must be a non-empty string'],
    ['a missing description', without('description'), 'description must be a non-empty string'],
    ['an unknown channel', withFields({ channel: 'SMS' }), 'channel must be CHAT, EMAIL or null, got "SMS"'],
    ['a lower-case channel', withFields({ channel: 'chat' }), 'channel must be CHAT, EMAIL or null, got "chat"'],
    ['a missing channel', without('channel'), 'channel must be CHAT, EMAIL or null, got undefined'],
    ['no measures', withFields({ measures: [] }), 'measures must list at least one measure'],
    ['a number without ranges', withFields({ dimensions: ['messageCount'] }), 'property "messageCount" cannot be a dimension (it is a number; measure it instead)'],
    ['ranges of a property that is not a dimension', withFields({ ranges: { messageCount: [2] } }), 'ranges.messageCount: not a dimension of this report'],
    ['ranges of text', withFields({ dimensions: ['subject'], ranges: { subject: [2] } }), 'ranges.subject: only numbers, durations and custom properties are cut into ranges'],
    ['ranges out of order', withFields({ dimensions: ['messageCount'], ranges: { messageCount: [5, 2] } }), 'ranges.messageCount must be finite numbers in ascending order, got [5,2]'],
    ['no bounds', withFields({ dimensions: ['messageCount'], ranges: { messageCount: [] } }), 'ranges.messageCount must list 1 to 20 bounds'],
    ['measures as a string', withFields({ measures: 'count' }), 'measures must list at least one measure'],
    ['an unknown measure', withFields({ measures: ['count', 'sum'] }), 'unknown measure "sum"'],
    ['a measure that is no string', withFields({ measures: [7] }), 'unknown measure 7'],
    ['a measure listed twice', withFields({ measures: ['count', 'closedCount', 'count'] }), 'measures lists a measure twice'],
    ['dimensions missing', without('dimensions'), 'dimensions must be an array of at most 2 property keys'],
    ['three dimensions', withFields({ dimensions: ['team', 'inbox', 'status'] }), 'dimensions must be an array of at most 2 property keys'],
    ['an unknown dimension property', withFields({ dimensions: ['priority'] }), 'unknown property "priority" in dimensions'],
    ['a dimension that is no string', withFields({ dimensions: [3] }), 'dimension 3 is not a property key'],
    ['a duration as dimension', withFields({ dimensions: ['firstResponseSeconds'] }), 'property "firstResponseSeconds" cannot be a dimension (it is a duration; measure it instead)'],
    ['time to close as dimension', withFields({ dimensions: ['timeToCloseSeconds'] }), 'property "timeToCloseSeconds" cannot be a dimension (it is a duration; measure it instead)'],
    ['a number as dimension', withFields({ dimensions: ['messageCount'] }), 'property "messageCount" cannot be a dimension (it is a number; measure it instead)'],
    ['an empty custom property name', withFields({ dimensions: ['properties.'] }), 'dimension "properties." is not a valid custom property key'],
    ['a custom property name with a trailing space', withFields({ dimensions: ['properties.plan '] }), 'dimension "properties.plan " is not a valid custom property key'],
    ['a dimension listed twice', withFields({ dimensions: ['team', 'team'] }), 'dimensions lists a property twice'],
    ['two date dimensions', withFields({ dimensions: ['createdAt', 'closedAt'], defaultChartType: 'LINE', defaultGranularity: 'DAY' }), 'at most one dimension may be a date (time buckets)'],
    ['an unknown dateProperty', withFields({ dateProperty: 'updatedAt' }), 'dateProperty must be createdAt or closedAt, got "updatedAt"'],
    ['a missing dateProperty', without('dateProperty'), 'dateProperty must be createdAt or closedAt, got undefined'],
    ['an unknown chart type', withFields({ defaultChartType: 'SCATTER' }), 'defaultChartType must be one of BAR, COLUMN, LINE, AREA, PIE, DONUT, SUMMARY, TABLE, got "SCATTER"'],
    ['a PIE with two dimensions', withFields({ dimensions: ['team', 'status'], defaultChartType: 'PIE' }), 'defaultChartType: a PIE chart shows exactly one dimension and one measure'],
    ['a DONUT with two measures', withFields({ measures: ['count', 'openCount'], defaultChartType: 'DONUT' }), 'defaultChartType: a DONUT chart shows exactly one dimension and one measure'],
    ['a SUMMARY with a dimension', withFields({ defaultChartType: 'SUMMARY' }), 'defaultChartType: a SUMMARY shows totals only: remove the dimensions'],
    ['a BAR without dimensions', withFields({ dimensions: [] }), 'defaultChartType: a BAR chart needs at least one dimension'],
    ['a date dimension without defaultGranularity', withFields({ dimensions: ['createdAt'], defaultChartType: 'LINE' }), 'a date dimension needs defaultGranularity, one of DAY, WEEK, MONTH, QUARTER, YEAR'],
    ['a date dimension with an unknown granularity', withFields({ dimensions: ['createdAt'], defaultChartType: 'LINE', defaultGranularity: 'HOUR' }), 'a date dimension needs defaultGranularity, one of DAY, WEEK, MONTH, QUARTER, YEAR'],
    ['defaultGranularity without a date dimension', withFields({ defaultGranularity: 'WEEK' }), 'defaultGranularity is only for reports with a date dimension'],
    ['defaultFilters that is no array', withFields({ defaultFilters: { property: 'status', operator: 'EQ', values: ['OPEN'] } }), 'defaultFilters must be an array'],
    ['a default filter on an unknown property', withFields({ defaultFilters: [{ property: 'priority', operator: 'EQ', values: ['high'] }] }), 'defaultFilters[0].property: unknown property "priority"; conversationProperties lists the known ones'],
    ['a default filter with an operator its type does not allow', withFields({ defaultFilters: [{ property: 'status', operator: 'CONTAINS', values: ['OP'] }] }), 'defaultFilters[0].operator: CONTAINS is not allowed for status (ENUM); use one of EQ, NEQ, IN, NOT_IN, IS_KNOWN, IS_UNKNOWN'],
    ['a default filter with an operator that does not exist', withFields({ defaultFilters: [{ property: 'subject', operator: 'LIKE', values: ['x'] }] }), 'defaultFilters[0].operator: LIKE is not allowed for subject (STRING); use one of EQ, NEQ, IN, NOT_IN, CONTAINS, NOT_CONTAINS, STARTS_WITH, IS_KNOWN, IS_UNKNOWN'],
    ['EQ with two values', withFields({ defaultFilters: [{ property: 'status', operator: 'EQ', values: ['OPEN', 'CLOSED'] }] }), 'defaultFilters[0].values: EQ takes exactly 1 value, got 2'],
    ['IS_KNOWN with a value', withFields({ defaultFilters: [{ property: 'closedAt', operator: 'IS_KNOWN', values: ['2026-03-01'] }] }), 'defaultFilters[0].values: IS_KNOWN takes no values, got 1'],
    ['BETWEEN with one value', withFields({ defaultFilters: [{ property: 'firstResponseSeconds', operator: 'BETWEEN', values: ['60'] }] }), 'defaultFilters[0].values: BETWEEN takes exactly 2 values, got 1'],
    ['IN without values', withFields({ defaultFilters: [{ property: 'team', operator: 'IN' }] }), 'defaultFilters[0].values: IN takes 1 to 1000 values, got 0'],
    ['an enum value that does not exist', withFields({ defaultFilters: [{ property: 'status', operator: 'EQ', values: ['PENDING'] }] }), 'defaultFilters[0].values[0]: must be one of OPEN, CLOSED, not "PENDING"'],
    ['a bad second filter', withFields({ defaultFilters: [{ property: 'status', operator: 'EQ', values: ['OPEN'] }, { property: 'messageCount', operator: 'GT', values: ['many'] }] }), 'defaultFilters[1].values[0]: must be a number, not "many"'],
  ])('refuses %s', (_name, candidate, message) => {
    expect(definitionProblem(candidate)).toBe(message);
  });

  // Custom-property filters are skipped when compiling; the index must still be the filter's own.
  it('names the index of a bad default filter that follows one on a custom property', () => {
    const candidate = withFields({ defaultFilters: [{ property: 'properties.plan', operator: 'EQ', values: ['pro'] }, { property: 'priority', operator: 'EQ', values: ['high'] }] });
    expect(definitionProblem(candidate)).toBe('defaultFilters[1].property: unknown property "priority"; conversationProperties lists the known ones');
  });

  // A malformed default filter is a problem of that plugin, never a TypeError that takes the catalog down.
  it.each<[string, unknown]>([
    ['a null default filter', [null]],
    ['a default filter whose property is a number', [{ property: 5, operator: 'EQ', values: ['x'] }]],
  ])('reports %s as a problem instead of throwing', (_name, defaultFilters) => {
    expect(typeof definitionProblem(withFields({ defaultFilters }))).toBe('string');
  });
});

describe('ReportRegistry', () => {
  it('registers valid definitions in order, as frozen copies', () => {
    const registry = new ReportRegistry();
    const original = { ...valid, measures: [...valid.measures] };
    expect(registry.register(original, 'a.js')).toBe(true);
    expect(registry.register({ ...valid, id: 'email-volume-by-inbox', dimensions: ['inbox'] }, 'b.js')).toBe(true);
    original.title = 'Changed after registration';

    expect(registry.list().map((d) => d.id)).toEqual(['email-volume-by-team', 'email-volume-by-inbox']);
    expect(registry.get('email-volume-by-team')).toEqual(valid);
    expect(Object.isFrozen(registry.get('email-volume-by-team'))).toBe(true);
    expect(registry.get('chat-volume-by-assignee')).toBeUndefined();
    expect(registry.problems).toEqual([]);
  });

  it('keeps the first of two definitions with one id and reports the second by source', () => {
    const registry = new ReportRegistry();
    expect(registry.register(valid, 'first.js')).toBe(true);
    expect(registry.register({ ...valid, title: 'Second' }, 'second.js')).toBe(false);

    expect(registry.list()).toEqual([valid]);
    expect(registry.problems).toEqual([{ source: 'second.js', id: 'email-volume-by-team', message: 'duplicate report id "email-volume-by-team" (already registered by another plugin)' }]);
  });

  it('leaves a broken definition out and still registers the ones after it', () => {
    const registry = new ReportRegistry();
    expect(registry.register(valid, 'good.js')).toBe(true);
    expect(registry.register({ ...valid, id: 'email-sum-by-team', measures: ['sum'] }, 'broken.js')).toBe(false);
    expect(registry.register({ title: 'No id' }, 'no-id.js')).toBe(false);
    expect(registry.register({ ...valid, id: 'email-volume-by-inbox', dimensions: ['inbox'] }, 'also-good.js')).toBe(true);

    expect(registry.list().map((d) => d.id)).toEqual(['email-volume-by-team', 'email-volume-by-inbox']);
    expect(registry.problems).toEqual([
      { source: 'broken.js', id: 'email-sum-by-team', message: 'unknown measure "sum"' },
      { source: 'no-id.js', id: undefined, message: 'id must be kebab-case (e.g. "chat-volume-by-assignee"), got undefined' },
    ]);
  });

  it('refuses any registration after freeze(), valid or not, and keeps what it had', () => {
    const registry = new ReportRegistry();
    registry.register(valid, 'a.js');
    expect(registry.freeze()).toBe(registry);

    const message = 'Cannot register report plugin late.js: the catalog is frozen once the server starts';
    expect(() => registry.register({ ...valid, id: 'email-volume-by-inbox', dimensions: ['inbox'] }, 'late.js')).toThrow(new Error(message));
    expect(() => registry.register(null, 'late.js')).toThrow(new Error(message));
    expect(registry.list()).toEqual([valid]);
    expect(registry.problems).toEqual([]);
  });
});

/** The columns of the catalog table in docs/reports.md for one definition. */
const contractRow = (d: ReportDefinition) => ({
  id: d.id,
  channel: d.channel,
  measures: d.measures,
  dimensions: d.dimensions,
  dateProperty: d.dateProperty,
  defaultGranularity: d.defaultGranularity,
});

const STANDARD = [
  { id: 'chat-volume-by-assignee', channel: 'CHAT', measures: ['count'], dimensions: ['assignee'], dateProperty: 'createdAt', defaultGranularity: undefined },
  { id: 'chat-volume-by-page-url', channel: 'CHAT', measures: ['count'], dimensions: ['pageUrl'], dateProperty: 'createdAt', defaultGranularity: undefined },
  { id: 'chat-response-time-by-assignee', channel: 'CHAT', measures: ['avgFirstResponseSeconds'], dimensions: ['assignee'], dateProperty: 'createdAt', defaultGranularity: undefined },
  { id: 'chat-time-to-close-by-assignee', channel: 'CHAT', measures: ['avgTimeToCloseSeconds'], dimensions: ['assignee'], dateProperty: 'closedAt', defaultGranularity: undefined },
  { id: 'chats-closed-by-assignee', channel: 'CHAT', measures: ['closedCount'], dimensions: ['assignee'], dateProperty: 'closedAt', defaultGranularity: undefined },
  { id: 'chat-volume-by-chatflow', channel: 'CHAT', measures: ['count'], dimensions: ['chatflow'], dateProperty: 'createdAt', defaultGranularity: undefined },
  { id: 'email-volume-by-assignee', channel: 'EMAIL', measures: ['count'], dimensions: ['assignee'], dateProperty: 'createdAt', defaultGranularity: undefined },
  { id: 'email-response-time-by-assignee', channel: 'EMAIL', measures: ['avgFirstResponseSeconds'], dimensions: ['assignee'], dateProperty: 'createdAt', defaultGranularity: undefined },
  { id: 'emails-closed-by-assignee', channel: 'EMAIL', measures: ['closedCount'], dimensions: ['assignee'], dateProperty: 'closedAt', defaultGranularity: undefined },
  { id: 'email-time-to-close-by-assignee', channel: 'EMAIL', measures: ['avgTimeToCloseSeconds'], dimensions: ['assignee'], dateProperty: 'closedAt', defaultGranularity: undefined },
  { id: 'email-volume-over-time', channel: 'EMAIL', measures: ['count'], dimensions: ['createdAt'], dateProperty: 'createdAt', defaultGranularity: 'WEEK' },
  { id: 'open-emails-by-inbox', channel: 'EMAIL', measures: ['openCount'], dimensions: ['inbox'], dateProperty: 'createdAt', defaultGranularity: undefined },
];

const byId = <T extends { id: string }>(list: readonly T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));

describe('loadReportCatalog', () => {
  it('holds the twelve standard reports of the contract and the distribution example, without problems', () => {
    const catalog = loadReportCatalog([]);
    expect(catalog.problems).toEqual([]);
    expect(byId(catalog.list().filter((d) => d.id !== 'chat-first-response-time-distribution').map(contractRow))).toEqual(byId(STANDARD));
    expect(contractRow(catalog.get('chat-first-response-time-distribution') as ReportDefinition)).toEqual({
      id: 'chat-first-response-time-distribution',
      channel: 'CHAT',
      measures: ['count'],
      dimensions: ['firstResponseRange'],
      dateProperty: 'createdAt',
      defaultGranularity: undefined,
    });
    expect(catalog.list()).toHaveLength(13);
  });

  it('is frozen once loaded', () => {
    expect(() => loadReportCatalog([]).register(valid, 'late.js')).toThrow('Cannot register report plugin late.js: the catalog is frozen once the server starts');
  });

  it('adds the plugins of an extra folder after the standard ones and reports the broken ones by path', () => {
    const catalog = loadReportCatalog([EXTRA]);
    expect(catalog.list().map((d) => d.id).slice(13)).toEqual(['email-volume-by-team', 'chat-volume-by-team', 'conversation-totals']);
    expect(catalog.get('conversation-totals')).toEqual({
      id: 'conversation-totals',
      title: 'Conversation totals',
      description: 'Chats and emails in the range, with their average first response time.',
      channel: null,
      measures: ['count', 'avgFirstResponseSeconds'],
      dimensions: [],
      dateProperty: 'createdAt',
      defaultChartType: 'SUMMARY',
    });
    // The standard report keeps its definition; the plugin that reused its id is reported.
    expect(catalog.get('chat-volume-by-assignee')?.title).toBe('Chat volume by assignee');
    expect(catalog.problems).toEqual([
      { source: join(EXTRA, 'c-broken.js'), message: 'could not be loaded: c-broken exploded on load' },
      { source: join(EXTRA, 'd-mixed.js'), id: 'chat-volume-by-assignee', message: 'duplicate report id "chat-volume-by-assignee" (already registered by another plugin)' },
      { source: join(EXTRA, 'd-mixed.js'), id: 'chat-sum-by-assignee', message: 'unknown measure "sum"' },
    ]);
  });

  it('loads an entry that names a module file by absolute path, reported by the entry as given', () => {
    const catalog = loadReportCatalog([SINGLE, join(EXTRA, 'no-such-plugin.js')]);
    expect(catalog.list().map((d) => d.id).slice(13)).toEqual(['email-volume-by-contact']);
    expect(catalog.get('email-volume-by-contact')?.defaultChartType).toBe('TABLE');
    expect(catalog.problems).toEqual([{ source: join(EXTRA, 'no-such-plugin.js'), message: expect.stringMatching(/^could not be loaded: Cannot find module '.*no-such-plugin\.js'/) }]);
  });

  it('loads an entry that names a module file relative to the working directory', () => {
    const entry = `./${join('test', 'fixtures', 'plugins-extra', 'single', 'email-volume-by-contact.js')}`;
    expect(process.cwd()).toBe(resolve(__dirname, '../../..'));
    const catalog = loadReportCatalog([entry]);
    expect(catalog.list().map((d) => d.id).slice(13)).toEqual(['email-volume-by-contact']);
    expect(catalog.problems).toEqual([]);
  });

  it('reads THREADLINE_PLUGINS when no list is given', () => {
    const saved = process.env.THREADLINE_PLUGINS;
    process.env.THREADLINE_PLUGINS = ` ${SINGLE} ,, `;
    reloadSettings();
    try {
      const catalog = loadReportCatalog();
      expect(catalog.list().map((d) => d.id).slice(13)).toEqual(['email-volume-by-contact']);
      expect(catalog.problems).toEqual([]);
    } finally {
      if (saved === undefined) delete process.env.THREADLINE_PLUGINS;
      else process.env.THREADLINE_PLUGINS = saved;
      reloadSettings();
    }
  });
});

describe('measureProblem', () => {
  const base = { key: 'avgCsat', label: 'Average CSAT', unit: 'NUMBER', kind: 'avg', property: 'properties.csat' };
  const measure = (fields: Record<string, unknown>) => ({ ...base, ...fields });

  it.each<[string, unknown]>([
    ['an average of a numeric custom property', base],
    ['a sum, minimum and maximum of a built-in number', measure({ kind: 'max', property: 'messageCount' })],
    ['a percentile of a duration in seconds', measure({ kind: 'percentile', property: 'timeToCloseSeconds', unit: 'SECONDS', p: 75 })],
    ['a count with a where', measure({ kind: 'count', unit: 'COUNT', property: undefined, where: [{ property: 'status', operator: 'EQ', values: ['CLOSED'] }] })],
    ['a count with a where on a custom property', measure({ kind: 'count', unit: 'COUNT', where: [{ property: 'properties.priority', operator: 'IN', values: ['high', 'urgent'] }] })],
    ['a ratio of two core measures in percent', measure({ kind: 'ratio', unit: 'PERCENT', numerator: 'closedCount', denominator: 'count' })],
  ])('accepts %s', (_name, candidate) => {
    expect(measureProblem(candidate, coreMeasures)).toBeNull();
  });

  it.each<[string, unknown, string]>([
    ['null', null, 'is not a measure definition object'],
    ['a key with a hyphen', measure({ key: 'avg-csat' }), 'key must be camelCase letters and digits (e.g. "avgCsat"), got "avg-csat"'],
    ['no label', measure({ label: ' ' }), 'label must be a non-empty string'],
    ['an unknown unit', measure({ unit: 'EUR' }), 'unit must be one of COUNT, SECONDS, NUMBER, PERCENT, got "EUR"'],
    ['an unknown kind', measure({ kind: 'median' }), 'kind must be one of count, sum, avg, min, max, percentile, ratio, got "median"'],
    ['a count in seconds', measure({ kind: 'count', unit: 'SECONDS' }), 'a count has unit COUNT'],
    ['a count with a bad where', measure({ kind: 'count', unit: 'COUNT', where: [{ property: 'status', operator: 'GT', values: ['OPEN'] }] }), 'where[0].operator: GT is not allowed for status (ENUM); use one of EQ, NEQ, IN, NOT_IN, IS_KNOWN, IS_UNKNOWN'],
    ['an average of text', measure({ property: 'subject' }), 'property must be a number or duration property (sum, avg, min, max and percentile aggregate numbers), got "subject"'],
    ['an average without a property', measure({ property: undefined }), 'a avg needs property: the key of a number or duration property'],
    ['a duration as a plain number', measure({ property: 'firstResponseSeconds' }), 'firstResponseSeconds is a duration: unit SECONDS'],
    ['a custom property in seconds', measure({ unit: 'SECONDS' }), 'a custom property is a number: unit NUMBER'],
    ['a percentile beyond 100', measure({ kind: 'percentile', p: 101 }), 'p must be a number from 0 to 100, got 101'],
    ['a ratio of an unknown measure', measure({ kind: 'ratio', unit: 'PERCENT', numerator: 'reopened', denominator: 'count' }), 'numerator must be the key of a measure registered before this one, got "reopened"'],
    ['a ratio of a percentile', measure({ kind: 'ratio', unit: 'NUMBER', numerator: 'count', denominator: 'medianTimeToCloseSeconds' }), 'denominator "medianTimeToCloseSeconds" is a percentile; a ratio divides counts, sums, averages, minima or maxima'],
    ['a ratio counted', measure({ kind: 'ratio', unit: 'COUNT', numerator: 'count', denominator: 'count' }), 'a ratio has unit PERCENT or NUMBER'],
  ])('refuses %s', (_name, candidate, message) => {
    expect(measureProblem(candidate, coreMeasures)).toBe(message);
  });
});

describe('measure plugins', () => {
  const MEASURE_PLUGINS = resolve(__dirname, '../../fixtures/plugins-measures');

  it('has the nine core measures, which plugins cannot redefine', () => {
    const registry = new ReportRegistry();
    expect(registry.measures().map((m) => m.key)).toEqual(MEASURE_KEYS);
    expect(registry.registerMeasure({ key: 'count', label: 'Mine', unit: 'COUNT', kind: 'count' }, 'mine.js')).toBe(false);
    expect(registry.problems).toEqual([{ source: 'mine.js', id: 'count', message: 'measure: duplicate measure key "count" (already defined by core)' }]);
  });

  it('registers every measure before any report, names a broken one and leaves out the reports that measure it', () => {
    const catalog = loadReportCatalog([MEASURE_PLUGINS]);
    expect(catalog.measures().map((m) => m.key).slice(MEASURE_KEYS.length)).toEqual(['avgCsat', 'reopened', 'reopenShare']);
    expect(catalog.list().map((d) => d.id).slice(13)).toEqual(['csat-by-team']);
    expect(catalog.problems).toEqual([
      { source: join(MEASURE_PLUGINS, 'b-broken-measure.js'), id: 'avgSubject', message: 'measure: property must be a number or duration property (sum, avg, min, max and percentile aggregate numbers), got "subject"' },
      { source: join(MEASURE_PLUGINS, 'b-broken-measure.js'), id: 'subject-average', message: 'unknown measure "avgSubject"' },
    ]);
    expect(() => catalog.registerMeasure({ key: 'late', label: 'Late', unit: 'COUNT', kind: 'count' }, 'late.js')).toThrow('Cannot register measure plugin late.js: the catalog is frozen once the server starts');
  });
});

describe('parsePluginList', () => {
  it.each<[string | undefined, string[]]>([
    [undefined, []],
    ['', []],
    [' , ,', []],
    ['./my-reports', ['./my-reports']],
    [' ./my-reports , @acme/threadline-reports,,/opt/reports/x.js ', ['./my-reports', '@acme/threadline-reports', '/opt/reports/x.js']],
  ])('%j is %j', (value, expected) => {
    expect(parsePluginList(value)).toEqual(expected);
  });
});
