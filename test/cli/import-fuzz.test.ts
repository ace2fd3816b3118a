import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAccount } from '../../src/accounts/accounts';
import { runCli } from '../support/cli';
import { createTestDatabase, DIALECTS, TestDatabase } from '../support/databases';
import { aConversation } from '../support/fixtures';
import { check, countCase, DATE_TEXTS, defined, FUZZ_RUNS, LEAKS, NASTY_STRINGS, printTally } from '../support/fuzz';

/**
 * Property-based tests of `threadline import` (issue 9): files of random and adversarial NDJSON
 * lines, as bytes (invalid UTF-8, Latin-1, NUL, escapes of lone surrogates). Whatever a line holds,
 * the command exits 0 with one JSON summary that accounts for every non-blank line, rejects what it
 * cannot store as given (with a reason, no stack, no SQL) and stores the rest as sent.
 */

const LINES_PER_FILE = 40;
/** Each file is one command run (a Node process) of 20 to 40 lines: about FUZZ_RUNS lines in all. */
const FILES = Math.max(1, Math.round(FUZZ_RUNS / 30));

const nasty = fc.oneof(fc.constantFrom(...NASTY_STRINGS), fc.string({ maxLength: 20 }), fc.string({ unit: 'binary', maxLength: 20 }));

/** A valid conversation with a field or two replaced by something nasty, as one line of JSON. */
const sometimes = <T>(value: fc.Arbitrary<T>) => fc.option(value, { nil: undefined, freq: 2 });
const conversationLine = fc.record({
  id: fc.oneof({ weight: 3, arbitrary: fc.uuid() }, { weight: 1, arbitrary: nasty }),
  subject: sometimes(nasty),
  createdAt: sometimes(fc.oneof(fc.constantFrom(...DATE_TEXTS), fc.date({ min: new Date('1960-01-01'), max: new Date('2110-12-31'), noInvalidDate: true }).map((d) => d.toISOString()))),
  inbox: sometimes(fc.record({ id: nasty, name: nasty })),
  contact: sometimes(fc.record({ name: nasty })),
  properties: sometimes(fc.dictionary(nasty, fc.oneof(nasty, fc.double(), fc.boolean()), { maxKeys: 3 })),
}, { requiredKeys: ['id'] }).map((fields) => Buffer.from(JSON.stringify({ ...aConversation(), ...defined(fields) }), 'utf8'));

/** Bytes without a line break. */
const noBreaks = (bytes: Uint8Array) => Buffer.from(bytes.filter((b) => b !== 0x0a && b !== 0x0d));

const line = fc.oneof(
  { weight: 6, arbitrary: conversationLine },
  // Latin-1 keeps the low byte of a character: U+010A would become a line break.
  { weight: 1, arbitrary: conversationLine.map((bytes) => noBreaks(Buffer.from(bytes.toString('utf8'), 'latin1'))) },
  { weight: 1, arbitrary: fc.tuple(conversationLine, fc.nat()).map(([bytes, at]) => bytes.subarray(0, at % bytes.length)) },
  { weight: 1, arbitrary: fc.tuple(conversationLine, fc.nat(), fc.integer({ min: 0x80, max: 0xff })).map(([bytes, at, byte]) => noBreaks(Buffer.concat([bytes.subarray(0, at % bytes.length), Buffer.from([byte]), bytes.subarray(at % bytes.length)]))) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 60 }).map(noBreaks) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }).map((value) => noBreaks(Buffer.from(JSON.stringify(value) ?? 'null'))) },
  { weight: 1, arbitrary: fc.constantFrom('', '   ', '\t', '\ufeff', '{}', '[]', 'null', '"x"', '{"id":"\\ud800"}').map((text) => Buffer.from(text)) },
);

/** The text of a line as the import reads it, or null when it is not UTF-8 (then it is not blank). */
function decoded(bytes: Buffer): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

describe.each(DIALECTS)('fuzzing threadline import on %s', (dialect) => {
  let test: TestDatabase;
  let dir: string;

  beforeAll(async () => {
    test = await createTestDatabase(dialect);
    dir = mkdtempSync(join(tmpdir(), 'threadline-import-fuzz-'));
  });
  afterAll(async () => {
    printTally(`import on ${dialect}`);
    await test?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('accounts for every line, rejects with a reason what it cannot store as sent, and stores the rest as sent', async () => {
    let files = 0;
    await check(fc.array(line, { minLength: LINES_PER_FILE / 2, maxLength: LINES_PER_FILE }), async (lines) => {
      const account = (await createAccount(test.db, { name: `Fuzz ${++files}`, plan: 'PROFESSIONAL' })).id;
      const file = join(dir, `${files}.ndjson`);
      writeFileSync(file, Buffer.concat(lines.flatMap((l) => [l, Buffer.from('\n')])));
      const result = await runCli(['import', '--account', String(account), file, '--json'], { databaseUrl: test.url });
      const texts = lines.map((l, i) => {
        const text = decoded(l);
        return i === 0 && text?.startsWith('\ufeff') ? text.slice(1) : text;
      });
      const context = { file: lines.map((l) => l.toString('latin1')), status: result.status, stderr: result.stderr, stdout: result.stdout.slice(0, 3000) };
      expect({ ...context, leaks: LEAKS.filter(([, pattern]) => pattern.test(result.stdout + result.stderr)).map(([what]) => what) }).toEqual({ ...context, leaks: [] });
      expect([result.status, result.stderr]).toEqual([0, '']);
      const summary = JSON.parse(result.stdout) as { imported: number; updated: number; unchanged: number; rejected: { line: number; error: string }[] };
      const nonBlank = texts.filter((text) => text === null || text.trim() !== '').length;
      expect(summary.imported + summary.updated + summary.unchanged + summary.rejected.length).toBe(nonBlank);
      // What was accepted is stored as sent: the last accepted line of each id, with its subject.
      const rejected = new Set(summary.rejected.map((r) => r.line));
      texts.forEach((text, i) => countCase(`import line (${dialect})`, text !== null && text.trim() !== '' && !rejected.has(i + 1)));
      const accepted = new Map<string, string | null>();
      texts.forEach((text, i) => {
        if (text === null || text.trim() === '' || rejected.has(i + 1)) return;
        const value = JSON.parse(text) as { id: string; subject?: unknown };
        accepted.set(value.id, typeof value.subject === 'string' && value.subject.trim() !== '' ? value.subject : null);
      });
      const rows = await test.db.query<{ external_id: string; subject: string | null }>('SELECT external_id, subject FROM conversations WHERE account_id = ?', [account]);
      const stored = new Map(rows.map((r) => [r.external_id, r.subject]));
      expect({ ...context, stored }).toEqual({ ...context, stored: accepted });
    }, FILES);
  });
});
