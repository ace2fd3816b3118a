import fc from 'fast-check';

/**
 * The property-based abuse tests run a fixed number of cases from a fixed seed, so CI is repeatable
 * and bounded; THREADLINE_FUZZ_SEED and THREADLINE_FUZZ_RUNS change both (a failure prints the seed
 * and the path that replay it).
 */
export const FUZZ_SEED = integerFromEnv('THREADLINE_FUZZ_SEED', 20260902);
export const FUZZ_RUNS = integerFromEnv('THREADLINE_FUZZ_RUNS', 100);

function integerFromEnv(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new Error(`${name} must be an integer, not ${JSON.stringify(text)}`);
  return value;
}

/** Cases run per property and store, and how many were accepted (answered with data), printed when a suite ends (the figures of issue 9). */
const tally = new Map<string, { cases: number; data: number }>();

export function countCase(property: string, answeredData: boolean): void {
  const counts = tally.get(property) ?? { cases: 0, data: 0 };
  tally.set(property, { cases: counts.cases + 1, data: counts.data + (answeredData ? 1 : 0) });
}

export function printTally(suite: string): void {
  const lines = [...tally].map(([property, { cases, data }]) => `  ${property}: ${cases} cases, ${data} accepted`);
  process.stdout.write(`fuzz ${suite} (THREADLINE_FUZZ_SEED=${FUZZ_SEED} THREADLINE_FUZZ_RUNS=${FUZZ_RUNS}):\n${lines.join('\n')}\n`);
  tally.clear();
}

/** Runs an async property `runs` times (default FUZZ_RUNS) from FUZZ_SEED, one case at a time. */
export async function check<T>(arbitrary: fc.Arbitrary<T>, predicate: (value: T) => Promise<void>, runs = FUZZ_RUNS): Promise<void> {
  await fc.assert(fc.asyncProperty(arbitrary, predicate), { seed: FUZZ_SEED, numRuns: runs, endOnFailure: true });
}

/**
 * Strings a hostile or careless client sends: empty and blank, SQL and LIKE metacharacters, NUL,
 * lone surrogates, invisible and right-to-left characters, prototype keys, numbers JSON cannot
 * hold, and very long ones.
 */
export const NASTY_STRINGS: readonly string[] = [
  '', ' ', '\t\n', 'null', 'undefined', 'NaN', '-0', '1e999', '-1e308', '0x10', '9007199254740993',
  "' OR 1=1 --", '"; DROP TABLE conversations; --', "x') UNION SELECT token_hash FROM api_token --", '`', '%', '_', '\\', '\\%',
  '\u0000', 'a\u0000b', '\ud800', 'x\udfff', '\udfff\ud800', '\u202e', '\ufeff', '\u200b', 'é', 'e\u0301', '😀', '\uffff',
  '__proto__', 'constructor', 'prototype', 'toString', 'properties.', 'properties.__proto__', 'properties.constructor',
  'x'.repeat(192), 'y'.repeat(10_000),
];

/** A string from the vocabulary `known`, a nasty one, or anything at all. */
export function text(known: readonly string[] = []): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: known.length > 0 ? fc.constantFrom(...known) : fc.constant('') },
    { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
    { weight: 2, arbitrary: fc.string({ maxLength: 30 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  );
}

/** Mostly `valid`, now and then any string. */
export function likely<T>(valid: fc.Arbitrary<T>, known: readonly string[] = []): fc.Arbitrary<T | string> {
  return fc.oneof({ weight: 8, arbitrary: valid }, { weight: 1, arbitrary: text(known) });
}

/** Dates and instants, well-formed or nearly so. */
export const DATE_TEXTS: readonly string[] = [
  '2026-03-02', '2026-03-01', '2026-02-28', '2026-02-29', '2026-02-30', '2026-13-01', '2026-00-10', '1900-01-01', '1899-12-31',
  '9998-12-31', '9999-12-31', '0000-01-01', '99999-01-01', '2026-3-2', '2026-03-02T10:00:00Z', '2026-03-02T10:00:00+14:00',
  '2026-03-02T10:00:00', '2026-03-02T25:00:00Z', '+099999-01-01T00:00:00Z', '-000001-01-01T00:00:00Z', '1772445600000', 'today',
];

export const TIMEZONES: readonly string[] = ['UTC', 'Europe/Amsterdam', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'America/St_Johns', 'Asia/Kathmandu', 'Etc/GMT+12', '+14:00', 'Mars/Olympus', 'utc', 'Local'];

/** `value` or nothing at all (the field left out) or an explicit null. */
export function optional<T>(value: fc.Arbitrary<T>): fc.Arbitrary<T | null | undefined> {
  return fc.oneof({ weight: 3, arbitrary: value }, { weight: 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constant(null) });
}

/** An enum value, or now and then a value the enum does not have (a validation error). */
export function enumValue(values: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...values) }, { weight: 1, arbitrary: fc.constantFrom('', 'NOPE', 'count', values[0].toLowerCase()) });
}

/** Drops the keys whose value is undefined, so they are left out of the request rather than sent as null. */
export function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** What a database driver's or Node's error text looks like, as opposed to a message written for clients. */
export const LEAKS: [string, RegExp][] = [
  ['a stack frame', /\n\s*at [^\n]*:\d+:\d+|\bat (?:async )?[\w.<>]+ \([^)]*:\d+:\d+\)/],
  ['a driver error', /SQLITE_|\bER_[A-Z_]{3,}|QueryFailedError|sqlMessage|driverError|You have an error in your SQL syntax|no such (?:column|table)|Incorrect \w+ value/],
  ['SQL text', /\b(?:SELECT|INSERT|UPDATE|DELETE)\b[^\n]{0,200}\b(?:FROM|INTO|SET)\s+[`"]?\w+[`"]?/i],
];
