import { Readable } from 'node:stream';
import { createAccount } from '../../src/accounts/accounts';
import { importNdjson, ingestConversations } from '../../src/conversations/import';
import { Database, toNumber } from '../../src/db/database';
import { createTestDatabase, DIALECTS, TestDatabase } from '../support/databases';
import { aConversation } from '../support/fixtures';

/**
 * What an import refuses, line by line, so that one bad line of an export cannot hurt the rest:
 * instants outside 1970 to 2100, lines too long to read, bytes that are not UTF-8, more custom
 * properties than a conversation or an account may have, and text neither store can keep as given.
 */
describe.each(DIALECTS)('input bounds on %s', (dialect) => {
  let testDb: TestDatabase;
  let db: Database;
  let accountId: number;

  beforeAll(async () => {
    testDb = await createTestDatabase(dialect);
    db = testDb.db;
  });
  afterAll(async () => {
    await testDb?.drop();
  });
  beforeEach(async () => {
    accountId = (await createAccount(db, { name: 'Acme', plan: 'PROFESSIONAL' })).id;
  });

  const line = (overrides: Record<string, unknown>) => Buffer.from(`${JSON.stringify(aConversation(overrides))}\n`, 'utf8');
  const importBytes = (parts: Buffer[], maxLineBytes?: number) => importNdjson(db, accountId, Readable.from(parts), { maxLineBytes });
  const storedIds = async () =>
    (await db.query<{ external_id: string }>('SELECT external_id FROM conversations WHERE account_id = ? ORDER BY external_id', [accountId])).map((r) => r.external_id);

  it('rejects timestamps outside 1970 to 2100 by line, naming the field', async () => {
    const report = await importBytes([
      line({ id: 'ok-1970', createdAt: '1970-01-01T00:00:00Z', messages: [] }),
      line({ id: 'year-9999', createdAt: '9999-01-01T00:00:00Z', messages: [] }),
      line({ id: 'year-1969', createdAt: '2026-03-01T09:15:00Z', messages: [{ from: 'VISITOR', sentAt: '1969-12-31T23:59:59Z' }] }),
      line({ id: 'utc-2101', status: 'CLOSED', createdAt: '2026-03-01T09:15:00Z', closedAt: '2100-12-31T23:30:00-01:00' }),
      line({ id: 'ok-2100', createdAt: '2100-12-31T23:59:59.999Z', messages: [] }),
    ]);
    expect(report).toEqual({
      imported: 2,
      updated: 0,
      unchanged: 0,
      rejected: [
        { line: 2, error: 'createdAt: "9999-01-01T00:00:00Z" is outside the years 1970 to 2100 (UTC)' },
        { line: 3, error: 'messages[0].sentAt: "1969-12-31T23:59:59Z" is outside the years 1970 to 2100 (UTC)' },
        { line: 4, error: 'closedAt: "2100-12-31T23:30:00-01:00" is outside the years 1970 to 2100 (UTC)' },
      ],
    });
    expect(await storedIds()).toEqual(['ok-1970', 'ok-2100']);
  });

  it('rejects them from ingestConversations too, by index', async () => {
    const report = await ingestConversations(db, accountId, [aConversation({ id: 'a' }), aConversation({ id: 'b', createdAt: '9998-12-31T00:00:00Z', messages: [] })]);
    expect(report.rejected).toEqual([{ index: 1, error: 'createdAt: "9998-12-31T00:00:00Z" is outside the years 1970 to 2100 (UTC)' }]);
    expect(await storedIds()).toEqual(['a']);
  });

  it('rejects a line longer than the maximum by its number, unread, and imports the next one', async () => {
    const long = line({ id: 'long', subject: 'x'.repeat(900) });
    const report = await importBytes([line({ id: 'before' }), long.subarray(0, 300), long.subarray(300), line({ id: 'after' })], 500);
    expect(report).toEqual({ imported: 2, updated: 0, unchanged: 0, rejected: [{ line: 2, error: 'longer than 500 bytes (the maximum line length): not read' }] });
    expect(await storedIds()).toEqual(['after', 'before']);
  });

  it('rejects a line that is not UTF-8 instead of replacing its bytes, and imports the others', async () => {
    const good = line({ id: 'bad-utf8', subject: 'caf\u00e9' });
    const at = good.indexOf(0xc3);
    // é (C3 A9) with its second byte lost: a lone lead byte followed by ASCII.
    const bad = Buffer.concat([good.subarray(0, at + 1), good.subarray(at + 2)]);
    const overlong = Buffer.concat([line({ id: 'overlong', subject: 'AB' }).subarray(0, 10), Buffer.from([0xc0, 0xaf]), Buffer.from('"}\n')]);
    const report = await importBytes([line({ id: 'first' }), bad, overlong, line({ id: 'last', subject: 'caf\u00e9 \u{1F600}' })]);
    expect(report.rejected).toEqual([
      { line: 2, error: `not valid UTF-8 (from byte ${at + 1} of the line)` },
      { line: 3, error: 'not valid UTF-8 (from byte 11 of the line)' },
    ]);
    expect(await storedIds()).toEqual(['first', 'last']);
    const [{ subject }] = await db.query<{ subject: string }>('SELECT subject FROM conversations WHERE account_id = ? AND external_id = ?', [accountId, 'last']);
    expect(subject).toBe('caf\u00e9 \u{1F600}');
  });

  it('limits a conversation to 100 custom properties', async () => {
    const properties = (n: number, prefix = 'p') => Object.fromEntries(Array.from({ length: n }, (_, i) => [`${prefix}${i}`, i]));
    const report = await ingestConversations(db, accountId, [aConversation({ id: 'hundred', properties: properties(100) }), aConversation({ id: 'too-many', properties: properties(101) })]);
    expect(report.rejected).toEqual([{ index: 1, error: 'properties: must have at most 100 properties, not 101' }]);
    expect(await storedIds()).toEqual(['hundred']);
  });

  it('limits an account to 1000 custom property names, within a batch and across imports', async () => {
    const properties = (names: string[]) => Object.fromEntries(names.map((name) => [name, 1]));
    const names = (from: number, count: number) => Array.from({ length: count }, (_, i) => `p${from + i}`);
    // 950 names, then a conversation that would take the account to 1001, then two that fit.
    const first = await ingestConversations(db, accountId, [
      ...Array.from({ length: 9 }, (_, i) => aConversation({ id: `c${i}`, properties: properties(names(i * 100, 100)) })),
      aConversation({ id: 'fifty', properties: properties(names(900, 50)) }),
      aConversation({ id: 'one-too-many', properties: properties(names(950, 51)) }),
      aConversation({ id: 'known-names', properties: properties(names(0, 50)) }),
      aConversation({ id: 'last-fifty', properties: properties(names(950, 50)) }),
    ]);
    expect(first.rejected).toEqual([
      { index: 10, error: 'properties: the account has 950 custom properties, the most it may have is 1000; this conversation would add 51 more ("p1000", "p950", "p951", ...)' },
    ]);
    expect(first.imported).toBe(12);
    const [{ n }] = await db.query<{ n: unknown }>('SELECT COUNT(*) AS n FROM custom_properties WHERE account_id = ?', [accountId]);
    expect(toNumber(n)).toBe(1000);
    const second = await ingestConversations(db, accountId, [
      aConversation({ id: 'new-name', properties: { p5: 1, brandNew: 'x', alsoNew: true } }),
      aConversation({ id: 'old-names', properties: { p5: 2, p999: 'y' } }),
    ]);
    expect(second.rejected).toEqual([
      { index: 0, error: 'properties: the account has 1000 custom properties, the most it may have is 1000; this conversation would add 2 more ("alsoNew", "brandNew")' },
    ]);
    expect(second.imported).toBe(1);
    // Another account has a budget of its own.
    const other = (await createAccount(db, { name: 'Other', plan: 'PROFESSIONAL' })).id;
    expect((await ingestConversations(db, other, [aConversation({ id: 'x', properties: { brandNew: 'x' } })])).rejected).toEqual([]);
  });

  it('rejects, in both stores alike, text with NUL or an unpaired surrogate, and keeps other text exactly', async () => {
    const report = await ingestConversations(db, accountId, [
      aConversation({ id: 'nul', subject: 'a\u0000b' }),
      aConversation({ id: 'lone-high', subject: 'x\ud800y' }),
      aConversation({ id: 'lone-low', contact: { name: '\udc00' } }),
      aConversation({ id: 'property-value', properties: { tier: 'gold\ud83d' } }),
      aConversation({ id: 'property-name', properties: { ['tier\udfff']: 'gold' } }),
      aConversation({ id: 'inbox-id', inbox: { id: 'in\u0000box' } }),
      aConversation({ id: 'kept', subject: 'tab\there, bell\u0007, \u{1F600}, \u00e9, \u200b, \uffff', properties: { emoji: '\u{1F4A9}' } }),
    ]);
    expect(report.rejected).toEqual([
      { index: 0, error: 'subject: must not contain NUL (U+0000) (at character 2)' },
      { index: 1, error: 'subject: contains an unpaired surrogate \\ud800, which is not a Unicode character (at character 2); send valid UTF-16/UTF-8 text' },
      { index: 2, error: 'contact.name: contains an unpaired surrogate \\udc00, which is not a Unicode character (at character 1); send valid UTF-16/UTF-8 text' },
      { index: 3, error: 'properties.tier: contains an unpaired surrogate \\ud83d, which is not a Unicode character (at character 5); send valid UTF-16/UTF-8 text' },
      { index: 4, error: 'properties.tier\udfff: contains an unpaired surrogate \\udfff, which is not a Unicode character (at character 5); send valid UTF-16/UTF-8 text' },
      { index: 5, error: 'inbox.id: must not contain NUL (U+0000) (at character 3)' },
    ]);
    expect(await storedIds()).toEqual(['kept']);
    const [row] = await db.query<{ subject: string; value_text: string }>(
      `SELECT c.subject, p.value_text FROM conversations c JOIN conversation_properties p ON p.account_id = c.account_id AND p.conversation_id = c.external_id
        WHERE c.account_id = ? AND c.external_id = 'kept'`,
      [accountId],
    );
    expect(row).toEqual({ subject: 'tab\there, bell\u0007, \u{1F600}, \u00e9, \u200b, \uffff', value_text: '\u{1F4A9}' });
  });

  it('rejects a NUL written as a JSON escape in an NDJSON line', async () => {
    const report = await importBytes([Buffer.from(`${JSON.stringify(aConversation({ id: 'esc', subject: 'a\u0000' }))}\n`), line({ id: 'fine' })]);
    expect(report.rejected).toEqual([{ line: 1, error: 'subject: must not contain NUL (U+0000) (at character 2)' }]);
    expect(await storedIds()).toEqual(['fine']);
  });
});

describe('a line far over the maximum', () => {
  it('streams past in constant memory: neither the line nor the import after it is lost', async () => {
    const testDb = await createTestDatabase('sqlite');
    try {
      const accountId = (await createAccount(testDb.db, { name: 'Acme', plan: 'PROFESSIONAL' })).id;
      const MIB = 1024 * 1024;
      const block = Buffer.alloc(MIB, 'x'.charCodeAt(0));
      let peak = 0;
      const sample = () => {
        const { heapUsed, arrayBuffers } = process.memoryUsage();
        peak = Math.max(peak, heapUsed + arrayBuffers);
      };
      sample();
      const before = peak;
      // 256 MiB of one line, made of one block sent again and again: only the reader could hold it all.
      async function* input() {
        yield Buffer.from('{"id": "huge", "subject": "');
        for (let i = 0; i < 256; i++) {
          sample();
          yield block;
        }
        yield Buffer.from(`"}\n${JSON.stringify(aConversation({ id: 'after-huge' }))}\n`);
      }
      const report = await importNdjson(testDb.db, accountId, Readable.from(input()));
      expect(report).toEqual({ imported: 1, updated: 0, unchanged: 0, rejected: [{ line: 1, error: `longer than ${MIB} bytes (the maximum line length): not read` }] });
      expect(peak - before).toBeLessThan(64 * MIB);
    } finally {
      await testDb.drop();
    }
  });
});
